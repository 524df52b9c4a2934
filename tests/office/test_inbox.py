"""Tugas Saya: open steps with time left in working hours, urgent and overdue first; queues; notifications."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.helpers import wib
from tests.office.conftest import drafted, start_run
from warta.accounts.models import Role
from warta.accounts.services import create_user
from warta.office.models import Notification, NotificationKind
from warta.office.services import deliver_email, notify
from warta.office.views.inbox import open_tasks
from warta.pos.models import StepClaim, StepRun
from warta.pos.services import PlanItemData, active_step, issue_disposition, verify

pytestmark = pytest.mark.django_db


def test_overdue_and_urgent_steps_come_first_with_working_time_left(staff):
    # Monday 23 November 2026: step 2 (3 hours) opened at 10.00, 08.00 and 09.00 WIB; "now" is 11.40 WIB.
    start_run(staff, title="Tenang", now=wib(23, 10))
    start_run(staff, title="Terlambat", now=wib(23, 8))
    start_run(staff, title="Banjir", urgent=True, now=wib(23, 9))
    tasks = open_tasks(staff["pengolah"], now=wib(23, 11, 40))
    assert [task.run.title for task in tasks] == ["Banjir", "Terlambat", "Tenang"]
    assert [task.left_text for task in tasks] == ["Sisa waktu 20 menit", "Terlambat 40 menit",
                                                  "Sisa waktu 1 jam 20 menit"]
    assert [task.overdue for task in tasks] == [False, True, False]


def test_time_left_does_not_count_the_night(staff):
    start_run(staff, title="Sore", now=wib(23, 15))  # 1 working hour left today, 2 tomorrow
    (task,) = open_tasks(staff["pengolah"], now=wib(24, 7, 0))
    assert task.left_text == "Sisa waktu 2 jam"


def test_the_inbox_page_lists_tasks_breaches_and_notifications(staff, clients, run):
    drafted(staff, run)
    verify(staff["penelaah"], active_step(run, 3), approve=False, reason="Kategori keliru.")
    page = clients["pengolah"].get(reverse("office:inbox")).content.decode()
    assert "Menyiapkan Daftar Informasi Publik: Pemutakhiran DIP Semester II 2026" in page
    assert "Penyimpangan yang perlu Anda jelaskan" in page and "Output dikembalikan pada verifikasi" in page
    assert "dikembalikan: perbaiki langkah 2" in page
    assert "Sisa waktu" in page or "Terlambat" in page


def _queued_verification(staff):
    """A second Penelaah beside the seed's, and a run whose verification step waits in their shared queue (no
    verifier named in the disposition): (the second Penelaah, the run, the step)."""
    second = create_user(None, username="penelaah-b", password="x" * 12, full_name="Penelaah Kedua",
                         unit=staff["ppid"].unit, roles=[Role.PENELAAH])
    run = issue_disposition(staff["ppid"], title="Antrean", instructions="Siapkan", addressee=staff["pengolah"],
                            plan=[PlanItemData("DIP", timezone.localdate())])
    drafted(staff, run)
    return second, run, active_step(run, 3)


def test_a_queue_step_can_be_taken_once(staff, clients, login):
    second, run, step = _queued_verification(staff)
    assert step.assignee is None
    both = [task.in_queue for user in (staff["penelaah"], second) for task in open_tasks(user)]
    assert both == [True, True]
    assert Notification.objects.filter(recipient=second, title__contains="Memverifikasi").exists()
    page = clients["penelaah"].get(reverse("office:inbox")).content.decode()
    assert "Ambil tugas ini" in page
    response = clients["penelaah"].post(reverse("office:claim", args=[step.pk]))
    assert response.status_code == 302 and StepClaim.objects.get().user == staff["penelaah"]
    assert open_tasks(second) == []  # taken: gone from the other's queue
    other = login(second)
    assert other.post(reverse("office:claim", args=[step.pk])).status_code == 403
    refused = other.post(reverse("office:verification", args=[run.pk]), {"action": "kembalikan",
                                                                         "kembalikan-reason": "Tidak"})
    assert refused.status_code == 403 and "sudah diambil oleh" in refused.content.decode()
    assert StepRun.objects.get(pk=step.pk).status == "aktif"


def test_a_taken_step_can_be_handed_back_to_the_queue(staff, clients, login):
    second, run, step = _queued_verification(staff)
    clients["penelaah"].post(reverse("office:claim", args=[step.pk]))
    page = clients["penelaah"].get(reverse("office:verification", args=[run.pk])).content.decode()
    assert "Anda mengambil tugas ini dari antrean bersama" in page and "Kembalikan ke antrean" in page
    other = login(second)
    assert "Kembalikan ke antrean" not in other.get(reverse("office:verification", args=[run.pk])).content.decode()
    assert other.post(reverse("office:release", args=[step.pk])).status_code == 403
    response = clients["penelaah"].post(reverse("office:release", args=[step.pk]))
    assert response.status_code == 302 and not StepClaim.objects.exists()
    assert [task.in_queue for task in open_tasks(second)] == [True]
    assert other.post(reverse("office:claim", args=[step.pk])).status_code == 302
    assert StepClaim.objects.get().user == second


def test_opening_a_step_notifies_its_executor(staff):
    run = start_run(staff)
    (note,) = Notification.objects.filter(recipient=staff["pengolah"])
    assert note.kind == NotificationKind.STEP_OPENED and run.number in note.body
    assert note.url == reverse("office:step", args=[run.pk])
    drafted(staff, run)
    assert Notification.objects.filter(recipient=staff["penelaah"], kind=NotificationKind.STEP_OPENED).exists()
    verify(staff["penelaah"], active_step(run, 3), approve=False, reason="Lampiran salah berkas.")
    returned = Notification.objects.get(kind=NotificationKind.STEP_RETURNED)
    assert returned.recipient == staff["pengolah"] and "Lampiran salah berkas." in returned.body


def test_notifications_are_mailed_when_mail_is_configured(staff, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_HOST = "smtp.bpmp-bengkulu.example"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    staff["pengolah"].email = "budi@bpmp-bengkulu.example"
    staff["pengolah"].save()
    with django_capture_on_commit_callbacks(execute=True):
        start_run(staff, title="Peringatan banjir", urgent=True)
    (message,) = mail.outbox
    assert message.to == ["budi@bpmp-bengkulu.example"]
    assert message.subject.startswith("[Warta] SEGERA (serta merta): Langkah 2")
    assert "/kelola/disposisi/" in message.body
    assert Notification.objects.get(recipient=staff["pengolah"]).emailed_at is not None


def test_no_mail_without_a_mail_server(staff, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_HOST = ""
    staff["pengolah"].email = "budi@bpmp-bengkulu.example"
    staff["pengolah"].save()
    with django_capture_on_commit_callbacks(execute=True):
        start_run(staff)
    assert mail.outbox == [] and Notification.objects.filter(recipient=staff["pengolah"]).exists()


def test_a_mail_failure_fails_the_job(staff, settings):
    settings.EMAIL_HOST = "smtp.bpmp-bengkulu.example"
    settings.EMAIL_BACKEND = "tests.office.test_inbox.BrokenBackend"
    staff["ppid"].email = "ppid@bpmp-bengkulu.example"
    staff["ppid"].save()
    note = notify(staff["ppid"], "edition_approved", {"title": "Uji"})
    with pytest.raises(ConnectionRefusedError):
        deliver_email(note.pk)
    note.refresh_from_db()
    assert note.emailed_at is None


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("server surel tidak menjawab")


def test_marking_notifications_read(staff, clients):
    notify(staff["ppid"], "edition_approved", {"title": "Satu"})
    two = notify(staff["ppid"], "edition_approved", {"title": "Dua"})
    page = clients["ppid"].get(reverse("office:inbox")).content.decode()
    assert '<span class="badge">2<span class="visually-hidden"> belum dibaca' in page
    clients["ppid"].post(reverse("office:notifications_read"), {"pemberitahuan": [two.pk]})
    assert list(Notification.objects.filter(read_at__isnull=True).values_list("values__title", flat=True)) == ["Satu"]
    clients["ppid"].post(reverse("office:notifications_read"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()
