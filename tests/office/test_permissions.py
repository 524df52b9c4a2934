"""The permission matrix: every workspace page and action, tried as every role and as anonymous.

Only the right person succeeds (the step's executor, the role that owns the action); every other attempt is
refused (403, 404, or the sign-in page) and changes nothing. Another unit's run does not exist for a user (404).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.office.conftest import (
    ENTRY,
    clean_pdf,
    drafted,
    pdf_with_nik,
    published,
    start_run,
    upload,
    verified,
)
from warta.accounts.models import Role, Unit
from warta.accounts.services import create_user
from warta.announcements.models import Announcement
from warta.documents.models import PIIFinding
from warta.office.models import Notification
from warta.office.services import notify
from warta.portal.models import Page
from warta.pos.models import AssignmentLetter, Breach, Run, RunStatus, StepClaim, StepInput, StepStatus
from warta.pos.services import active_step, claim_step, complete_step, issue_disposition, verify
from warta.registry.models import Edition, EditionStatus, Entry, EntryDocument, EntryStatus, Exemption, PublicEntry
from warta.registry.services.editions import approve_edition, propose_edition
from warta.registry.services.entries import attach_document, create_entry
from warta.registry.services.exemptions import ConsequenceTest, decide_exemption
from warta.upkeep.models import Round, Schedule

pytestmark = pytest.mark.django_db

ROLES = ["anonim", "ppid", "pengolah", "pengolah2", "penelaah", "atasan", "admin"]
POS_PEOPLE = {"ppid", "pengolah", "pengolah2", "penelaah", "atasan"}
STAFF = POS_PEOPLE | {"admin"}


# --- states -------------------------------------------------------------------------------------------------


def st_none(staff):
    return {}


def st_drafting(staff):
    return {"run": start_run(staff)}


def st_entry(staff):
    run = start_run(staff)
    return {"run": run, "entry": create_entry(staff["pengolah"], run, ENTRY)}


def st_document(staff):
    context = st_entry(staff)
    context["document"] = upload(staff["pengolah"])
    attach_document(staff["pengolah"], context["run"], context["entry"], context["document"])
    return context


def st_verifying(staff):
    run = start_run(staff)
    entry, document = drafted(staff, run)
    return {"run": run, "entry": entry, "document": document}


def st_finding(staff):
    context = st_entry(staff)
    document = upload(staff["pengolah"], "lampiran.pdf", pdf_with_nik())
    attach_document(staff["pengolah"], context["run"], context["entry"], document)
    complete_step(staff["pengolah"], active_step(context["run"], 2))
    return {**context, "document": document, "finding": document.pii_findings.get()}


def st_publishing(staff):
    run = start_run(staff)
    entry, document = verified(staff, run)
    return {"run": run, "entry": entry, "document": document}


def st_maintaining(staff):
    run = start_run(staff)
    entry, document = published(staff, run)
    return {"run": run, "entry": entry, "document": document}


def st_breach(staff):
    context = st_verifying(staff)
    verify(staff["penelaah"], active_step(context["run"], 3), approve=False, reason="Kategori belum tepat.")
    return {**context, "breach": Breach.objects.get()}


def st_letter(staff):
    from warta.pos.services import delegate_step

    context = st_drafting(staff)
    context["letter"] = delegate_step(staff["pengolah"], active_step(context["run"], 2), staff["pengolah2"],
                                      "Sakit", confirm_unqualified=True)
    return context


def st_edition_proposed(staff):
    context = st_maintaining(staff)
    return {**context, "edition": propose_edition(staff["ppid"], title="DIP Semester II 2026")}


def st_edition_approved(staff):
    context = st_edition_proposed(staff)
    approve_edition(staff["atasan"], context["edition"])
    return context


def consequence_test(**overrides) -> ConsequenceTest:
    values = dict(
        information="Identitas pelapor pengaduan", consequence_if_opened="Pelapor dapat diintimidasi.",
        benefit_if_closed="Pelapor terlindungi.", public_interest="Pengawasan berjalan.", period="5 tahun",
        place="Bengkulu", decided_on=date(2026, 11, 23), grounds=["h"],
        participants=[{"name": "Rahmawati, S.Sos.", "position": "PPID"}],
    )
    return ConsequenceTest(**{**values, **overrides})


def st_exemption(staff):
    return {"exemption": decide_exemption(staff["ppid"], consequence_test())}


def st_queue(staff):
    """A verification step waiting unassigned in the Penelaah queue (two penelaah, none named)."""
    unit = staff["ppid"].unit
    create_user(None, username="penelaah-b", password="x" * 12, full_name="Penelaah Kedua", unit=unit,
                roles=[Role.PENELAAH])
    run = issue_disposition(staff["ppid"], title="Antrean", instructions="Siapkan", addressee=staff["pengolah"],
                            plan=[__import__("warta.pos.services", fromlist=["PlanItemData"]).PlanItemData(
                                "DIP", date(2026, 12, 1))])
    drafted(staff, run)
    return {"run": run, "step_run": active_step(run, 3)}


def st_claimed(staff):
    """The queued verification step, taken by the first Penelaah."""
    context = st_queue(staff)
    claim_step(staff["penelaah"], context["step_run"])
    return context


ANNOUNCEMENT = {"title": "Jadwal layanan informasi akhir tahun", "summary": "Layanan tetap buka.",
                "body": "Layanan informasi publik tetap buka pada hari kerja.", "category": "berkala"}


def st_announced(staff):
    from warta.announcements.services import create_announcement
    from warta.registry.services.entries import publish_run

    run = start_run(staff)
    announcement = create_announcement(staff["pengolah"], run, ANNOUNCEMENT)
    verified(staff, run)
    publish_run(staff["pengolah"], run)
    announcement.refresh_from_db()
    return {"run": run, "announcement": announcement}


def st_announcement_draft(staff):
    """An announcement in its run's drafting step, and a register document it may carry."""
    from warta.announcements.services import create_announcement

    context = st_document(staff)
    context["announcement"] = create_announcement(staff["pengolah"], context["run"], ANNOUNCEMENT)
    return context


def st_announcement_document(staff):
    from warta.announcements.services import attach_document as attach_to_announcement

    context = st_announcement_draft(staff)
    attach_to_announcement(staff["pengolah"], context["run"], context["announcement"], context["document"])
    return context


def announcement_url(c):
    return reverse("office:announcement_edit", args=[c["run"].pk, c["announcement"].pk])


def st_notified(staff):
    for user in staff.values():
        notify(user, "edition_approved", {"title": "Uji"})
    return {}


# --- actions ------------------------------------------------------------------------------------------------

IMPORT_CSV = (
    b"No;Ringkasan Isi Informasi;Pejabat/Unit yang Menguasai Informasi;Penanggung Jawab Pembuatan Informasi;"
    b"Waktu dan Tempat Pembuatan;Bentuk Informasi;Jangka Waktu Penyimpanan;Kategori\n"
    b"1;Profil BPMP Provinsi Bengkulu;Subbagian Umum;Kepala Subbagian Umum;2025, Bengkulu;Softcopy;Selama berlaku;"
    b"Informasi Berkala\n"
)


def _entry_data(**overrides):
    data = {key: value for key, value in ENTRY.items() if not isinstance(value, bool)}
    data.update(form_digital="on", form_printed="on", **overrides)
    return data


def _checklist(prefix="periksa"):
    from warta.upkeep.models import CheckItem

    return {f"{prefix}-done_{item}": "on" for item in CheckItem.values}


@dataclass
class Action:
    name: str
    state: Callable
    url: Callable
    allowed: set
    method: str = "post"
    data: Callable = field(default=lambda c, s: {})
    effect: Callable | None = None  # None: a page; success is a 200
    follow_up: Callable | None = None  # a second request (import: check, then confirm)

    def __str__(self):
        return self.name


def run_url(name):
    return lambda c: reverse(name, args=[c["run"].pk])


ACTIONS = [
    # Pages.
    Action("Tugas Saya", st_none, lambda c: reverse("office:inbox"), STAFF, method="get"),
    Action("Pemberitahuan", st_none, lambda c: reverse("office:notifications"), STAFF, method="get"),
    Action("daftar disposisi", st_none, lambda c: reverse("office:runs"), POS_PEOPLE, method="get"),
    Action("linimasa disposisi", st_drafting, run_url("office:run"), POS_PEOPLE, method="get"),
    Action("layar susun DIP", st_drafting, run_url("office:drafting"), POS_PEOPLE, method="get"),
    Action("layar verifikasi", st_verifying, run_url("office:verification"), POS_PEOPLE, method="get"),
    Action("layar unggah", st_publishing, run_url("office:publishing"), POS_PEOPLE, method="get"),
    Action("layar pemeliharaan", st_maintaining, run_url("office:maintenance"), POS_PEOPLE, method="get"),
    Action("form disposisi", st_none, lambda c: reverse("office:disposition_new"), {"ppid"}, method="get"),
    Action("DIP unit", st_none, lambda c: reverse("office:register"), POS_PEOPLE, method="get"),
    Action("edisi DIP", st_none, lambda c: reverse("office:editions"), {"ppid", "atasan"}, method="get"),
    Action("daftar dikecualikan", st_none, lambda c: reverse("office:exemptions"), {"ppid", "penelaah", "atasan"},
           method="get"),
    Action("form uji konsekuensi", st_none, lambda c: reverse("office:exemption_new"), {"ppid"}, method="get"),
    Action("pengawasan", st_none, lambda c: reverse("office:oversight"), {"atasan"}, method="get"),
    Action("penyimpangan", st_none, lambda c: reverse("office:breaches"), {"atasan", "ppid"}, method="get"),
    Action("jejak audit", st_none, lambda c: reverse("office:audit"), {"atasan", "admin"}, method="get"),
    Action("pemeliharaan rutin", st_none, lambda c: reverse("office:routine"), POS_PEOPLE, method="get"),
    Action("pratinjau dokumen", st_document, lambda c: reverse("office:document", args=[c["document"].pk]),
           POS_PEOPLE, method="get"),
    Action("surat penugasan (PDF)", st_letter, lambda c: reverse("office:letter", args=[c["letter"].pk]),
           POS_PEOPLE, method="get"),
    # Step 1 and the queue.
    Action("kirim disposisi", st_none, lambda c: reverse("office:disposition_new"), {"ppid"},
           data=lambda c, s: {
               "title": "DIP", "instructions": "Siapkan", "addressee": s["pengolah"].pk,
               "rencana-TOTAL_FORMS": "1", "rencana-INITIAL_FORMS": "0", "rencana-0-title": "Profil",
               "rencana-0-action": "baru", "rencana-0-target_date": "2026-12-01"},
           effect=lambda c: Run.objects.exists()),
    Action("ambil tugas", st_queue, lambda c: reverse("office:claim", args=[c["step_run"].pk]), {"penelaah"},
           effect=lambda c: StepClaim.objects.exists()),
    Action("kembalikan ke antrean", st_claimed, lambda c: reverse("office:release", args=[c["step_run"].pk]),
           {"penelaah", "ppid"}, effect=lambda c: not StepClaim.objects.exists()),
    # Shared step tools.
    Action("alihkan langkah", st_drafting, run_url("office:drafting"), {"pengolah", "ppid"},
           data=lambda c, s: {"action": "alihkan", "alihkan-to_user": s["pengolah2"].pk, "alihkan-reason": "Sakit",
                              "alihkan-confirm_unqualified": "on"},
           effect=lambda c: AssignmentLetter.objects.exists()),
    Action("catat kelengkapan", st_drafting, run_url("office:drafting"), {"pengolah"},
           data=lambda c, s: {"action": "kelengkapan", "kelengkapan-key": "konsep-dip",
                              "kelengkapan-reference": "Arsip 12/PPID"},
           effect=lambda c: StepInput.objects.exists()),
    Action("selesaikan langkah", st_entry, run_url("office:drafting"), {"pengolah"},
           data=lambda c, s: {"action": "selesai"},
           effect=lambda c: c["run"].step_runs.filter(step__number=2, status=StepStatus.DONE).exists()),
    Action("jelaskan penyimpangan", st_breach, run_url("office:run"), {"pengolah"},
           data=lambda c, s: {"action": f"jelaskan:{c['breach'].pk}",
                              f"penyimpangan-{c['breach'].pk}-explanation": "Kategori diambil dari konsep lama."},
           effect=lambda c: Breach.objects.filter(explained_at__isnull=False).exists()),
    # Step 2: drafting.
    Action("tambah informasi", st_drafting, run_url("office:entry_new"), {"pengolah"},
           data=lambda c, s: {"action": "simpan", **_entry_data()}, effect=lambda c: Entry.objects.exists()),
    Action("ubah informasi", st_entry, lambda c: reverse("office:entry_edit", args=[c["run"].pk, c["entry"].pk]),
           {"pengolah"}, data=lambda c, s: {"action": "simpan", **_entry_data(title="Judul baru"), "reason": "Ralat"},
           effect=lambda c: Entry.objects.filter(title="Judul baru").exists()),
    Action("impor berkas", st_drafting, run_url("office:drafting"), {"pengolah"},
           data=lambda c, s: {"action": "impor-periksa", "impor-file": SimpleUploadedFile("dip.csv", IMPORT_CSV)},
           follow_up=lambda c, s: {"action": "impor-simpan"}, effect=lambda c: Entry.objects.exists()),
    Action("unggah dokumen", st_entry,
           lambda c: reverse("office:entry_documents", args=[c["run"].pk, c["entry"].pk]), {"pengolah"},
           data=lambda c, s: {"action": "unggah", "unggah-file": SimpleUploadedFile("a.pdf", clean_pdf())},
           effect=lambda c: EntryDocument.objects.exists()),
    Action("ganti berkas", st_document,
           lambda c: reverse("office:entry_documents", args=[c["run"].pk, c["entry"].pk]), {"pengolah"},
           data=lambda c, s: {"action": f"ganti:{c['document'].pk}",
                              f"ganti-{c['document'].pk}-file": SimpleUploadedFile("b.pdf", clean_pdf("Versi 2."))},
           effect=lambda c: c["document"].__class__.objects.get(pk=c["document"].pk).original_name == "b.pdf"),
    Action("lepas lampiran", st_document,
           lambda c: reverse("office:entry_documents", args=[c["run"].pk, c["entry"].pk]), {"pengolah"},
           data=lambda c, s: {"action": f"lepas:{c['document'].pk}"},
           effect=lambda c: not EntryDocument.objects.exists()),
    # Step 3: verification.
    Action("nyatakan temuan aman", st_finding, run_url("office:verification"), {"penelaah", "ppid"},
           data=lambda c, s: {"action": f"aman:{c['finding'].pk}",
                              f"aman-{c['finding'].pk}-note": "Penerima setuju datanya diumumkan."},
           effect=lambda c: PIIFinding.objects.filter(cleared_at__isnull=False).exists()),
    Action("setujui verifikasi", st_verifying, run_url("office:verification"), {"penelaah"},
           data=lambda c, s: {"action": "setujui", **{f"setujui-{name}": "on" for name in (
               "correct", "complete", "category", "no_exempt", "pii_handled", "accessible")}},
           effect=lambda c: Entry.objects.filter(status=EntryStatus.VERIFIED).exists()),
    Action("kembalikan", st_verifying, run_url("office:verification"), {"penelaah"},
           data=lambda c, s: {"action": "kembalikan", "kembalikan-reason": "Kategori belum tepat."},
           effect=lambda c: Run.objects.filter(return_count=1).exists()),
    # Step 4 and 5.
    Action("terbitkan", st_publishing, run_url("office:publishing"), {"pengolah"},
           data=lambda c, s: {"action": "terbitkan", "terbit-when": "sekarang"},
           effect=lambda c: PublicEntry.objects.exists()),
    Action("selesaikan pemeliharaan", st_maintaining, run_url("office:maintenance"), {"pengolah"},
           data=lambda c, s: {"action": "selesai", **_checklist()},
           effect=lambda c: Run.objects.filter(status=RunStatus.DONE).exists()),
    # Announcements.
    Action("daftar pengumuman", st_none, lambda c: reverse("office:announcements"), POS_PEOPLE, method="get"),
    Action("tulis pengumuman", st_drafting, run_url("office:announcement_new"), {"pengolah"},
           data=lambda c, s: {"action": "simpan", **ANNOUNCEMENT}, effect=lambda c: Announcement.objects.exists()),
    Action("lampirkan dokumen pada pengumuman", st_announcement_draft, announcement_url, {"pengolah"},
           data=lambda c, s: {"action": "lampirkan", "lampirkan-document": c["document"].pk},
           effect=lambda c: c["announcement"].documents.exists()),
    Action("lepas lampiran pengumuman", st_announcement_document, announcement_url, {"pengolah"},
           data=lambda c, s: {"action": f"lepas:{c['document'].pk}"},
           effect=lambda c: not c["announcement"].documents.exists()),
    Action("tarik pengumuman", st_announced, lambda c: reverse("office:announcement", args=[c["announcement"].pk]),
           {"ppid"}, data=lambda c, s: {"tarik-reason": "Jadwal berubah."},
           effect=lambda c: Announcement.objects.filter(status=EntryStatus.WITHDRAWN).exists()),
    # The register outside a run.
    Action("tarik informasi", st_maintaining, lambda c: reverse("office:entry", args=[c["entry"].pk]), {"ppid"},
           data=lambda c, s: {"tarik-reason": "Salah unggah."},
           effect=lambda c: Entry.objects.filter(status=EntryStatus.WITHDRAWN).exists()),
    Action("usulkan edisi", st_maintaining, lambda c: reverse("office:editions"), {"ppid"},
           data=lambda c, s: {"action": "usulkan", "usul-title": "DIP Semester II"},
           effect=lambda c: Edition.objects.exists()),
    Action("setujui edisi", st_edition_proposed, lambda c: reverse("office:editions"), {"atasan"},
           data=lambda c, s: {"action": f"setujui:{c['edition'].pk}"},
           effect=lambda c: Edition.objects.filter(status=EditionStatus.APPROVED).exists()),
    Action("tetapkan edisi", st_edition_approved, lambda c: reverse("office:editions"), {"ppid"},
           data=lambda c, s: {"action": f"tetapkan:{c['edition'].pk}",
                              f"sk-{c['edition'].pk}-decree_number": "SK-12/PPID/2026",
                              f"sk-{c['edition'].pk}-decree_date": "2026-11-24"},
           effect=lambda c: Edition.objects.filter(status=EditionStatus.SET).exists()),
    Action("putuskan pengecualian", st_none, lambda c: reverse("office:exemption_new"), {"ppid"},
           data=lambda c, s: {
               "information": "Identitas pelapor", "consequence_if_opened": "Pelapor terancam.",
               "benefit_if_closed": "Pelapor terlindungi.", "public_interest": "Pengawasan berjalan.",
               "period": "5 tahun", "place": "Bengkulu", "decided_on": "2026-11-23", "grounds": ["h"],
               "peserta-TOTAL_FORMS": "1", "peserta-INITIAL_FORMS": "0", "peserta-0-name": "Rahmawati",
               "peserta-0-position": "PPID"},
           effect=lambda c: Exemption.objects.exists()),
    Action("cabut pengecualian", st_exemption, lambda c: reverse("office:exemption", args=[c["exemption"].pk]),
           {"ppid"}, data=lambda c, s: {"cabut-reason": "Pemeriksaan selesai.", "cabut-category": "setiap-saat"},
           effect=lambda c: Exemption.objects.filter(status="dicabut").exists()),
    Action("jadwal pemeliharaan", st_none, lambda c: reverse("office:routine"), {"ppid"},
           data=lambda c, s: {"action": "jadwal", "jadwal-every_days": "7"},
           effect=lambda c: Schedule.objects.exists()),
    Action("mulai pemeliharaan rutin", st_none, lambda c: reverse("office:routine"), {"pengolah", "pengolah2"},
           data=lambda c, s: {"action": "mulai"}, effect=lambda c: Round.objects.exists()),
    Action("halaman publik", st_none, lambda c: reverse("office:pages"), {"ppid", "admin"}, method="get"),
    Action("simpan halaman publik", st_none, lambda c: reverse("office:page_edit", args=["maklumat"]),
           {"ppid", "admin"}, data=lambda c, s: {"title": "Maklumat", "body": "Kami sanggup melayani."},
           effect=lambda c: Page.objects.exists()),
    Action("tandai dibaca", st_notified, lambda c: reverse("office:notifications_read"), STAFF,
           effect=None),
]


def client_for(role, staff, login):
    return Client() if role == "anonim" else login(staff[role])


def refused(response) -> bool:
    if response.status_code == 302:
        return response["Location"].startswith("/masuk/")
    return response.status_code in (403, 404)


@pytest.mark.parametrize("action", ACTIONS, ids=str)
@pytest.mark.parametrize("role", ROLES)
def test_only_the_right_role_succeeds(action, role, staff, login):
    context = action.state(staff)
    client = client_for(role, staff, login)
    url = action.url(context)
    if action.name == "tandai dibaca":
        response = client.post(url)
        user = staff.get(role)
        if role in action.allowed:
            assert not Notification.objects.filter(recipient=user, read_at__isnull=True).exists()
            assert Notification.objects.filter(read_at__isnull=True).count() == len(staff) - 1  # others untouched
        else:
            assert refused(response) and not Notification.objects.filter(read_at__isnull=False).exists()
        return
    if action.method == "get":
        response = client.get(url)
        if role in action.allowed:
            assert response.status_code == 200, (response.status_code, response.get("Location"))
        else:
            assert refused(response), response.status_code
        return
    assert not action.effect(context)
    response = client.post(url, action.data(context, staff))
    if action.follow_up and response.status_code == 200:
        response = client.post(url, action.follow_up(context, staff))
    if role in action.allowed:
        assert response.status_code in (200, 302) and action.effect(context), _explain(response)
    else:
        assert refused(response), (response.status_code, _explain(response))
        assert not action.effect(context)


def _explain(response) -> str:
    if response.status_code == 200 and hasattr(response, "content"):
        import re

        return " | ".join(re.findall(r'class="(?:error|notice notice-error)"[^>]*>(.*?)</', response.content.decode()))
    return str(response.status_code)


# --- another unit, another office ---------------------------------------------------------------------------


def other_unit_run(staff, office=None):
    """A run of a second unit (in the same office, or in another office), with its own PPID and Pengolah."""
    from warta.accounts.models import Office

    office = office or staff["ppid"].unit.office
    unit = Unit.objects.create(office=office, name=f"PPID Pelaksana {office.pk}", code=f"pelaksana-{office.pk}")
    ppid = create_user(None, username=f"ppid-{unit.code}", password="x" * 12, full_name="PPID Lain", unit=unit,
                       roles=[Role.PPID])
    pengolah = create_user(None, username=f"pengolah-{unit.code}", password="x" * 12, full_name="Pengolah Lain",
                           unit=unit, roles=[Role.PENGOLAH])
    from warta.pos.services import PlanItemData

    run = issue_disposition(ppid, title="Disposisi unit lain", instructions="Siapkan", addressee=pengolah,
                            plan=[PlanItemData("DIP", date(2026, 12, 1))])
    entry = create_entry(pengolah, run, ENTRY)
    return run, entry, Office


RUN_PAGES = ["office:run", "office:drafting", "office:verification", "office:publishing", "office:maintenance",
             "office:step", "office:entry_new"]


@pytest.mark.parametrize("role", ["ppid", "pengolah", "pengolah2", "penelaah"])
def test_another_units_run_is_not_there(role, staff, login):
    run, entry, _ = other_unit_run(staff)
    client = login(staff[role])
    for name in RUN_PAGES:
        assert client.get(reverse(name, args=[run.pk])).status_code == 404, name
    assert client.get(reverse("office:entry_documents", args=[run.pk, entry.pk])).status_code == 404
    assert client.get(reverse("office:entry", args=[entry.pk])).status_code == 404
    posts = [("office:drafting", {"action": "selesai"}), ("office:entry_new", {"action": "simpan", **_entry_data()}),
             ("office:run", {"action": "jelaskan:1"})]
    for name, data in posts:
        assert client.post(reverse(name, args=[run.pk]), data).status_code == 404, name
    assert Entry.objects.count() == 1 and run.current_step().step.number == 2
    assert run.pk not in [r.pk for r in client.get(reverse("office:runs")).context["page"].object_list]


def test_the_atasan_reads_every_unit_of_the_office_but_no_other_office(staff, login):
    from warta.accounts.models import Office

    run, _, _ = other_unit_run(staff)
    elsewhere = Office.objects.create(name="Kantor Lain")
    far_run, _, _ = other_unit_run(staff, office=elsewhere)
    atasan = login(staff["atasan"])
    assert atasan.get(reverse("office:run", args=[run.pk])).status_code == 200
    assert atasan.get(reverse("office:run", args=[far_run.pk])).status_code == 404
    assert atasan.post(reverse("office:drafting", args=[run.pk]), {"action": "selesai"}).status_code == 403
