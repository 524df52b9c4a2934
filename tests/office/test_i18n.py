"""The staff workspace in English: a staff member who switched language reads every label of the workspace in
English, while the default stays Bahasa Indonesia. Data (titles, names, the POS's own wording) stays as typed."""

import re

import pytest
from django.urls import reverse

from tests.office.conftest import ENTRY, drafted
from warta.office.models import Notification
from warta.registry.services.entries import create_entry

pytestmark = pytest.mark.django_db

# Words of the workspace's own chrome that must not be left in Indonesian on an English page.
INDONESIAN_CHROME = [
    "Simpan",
    "Tugas Saya",
    "Kembali",
    "Batal",
    "Tampilkan",
    "Setujui",
    "Kembalikan",
    "Lampiran",
    "Kelengkapan",
    "Waktu baku",
    "Jejak audit",
    "wajib",
    "Pemberitahuan",
    "Disposisi",
    "Langkah",
]


@pytest.fixture
def english(login):
    """english(user) -> a signed-in client that chose English with the language switch."""

    def make(user):
        client = login(user)
        client.post(reverse("set_language"), {"language": "en", "next": reverse("office:inbox")})
        return client

    return make


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_english(html: str, *labels: str) -> None:
    assert 'lang="en"' in html
    for label in labels:
        assert label in html, f"English label missing: {label!r}"
    # Data is left out: an audit record's details are what was saved.
    chrome = re.sub(r"<pre>.*?</pre>", "", html, flags=re.S)
    left = [word for word in INDONESIAN_CHROME if re.search(rf"\b{re.escape(word)}\b", chrome)]
    assert not left, f"Indonesian chrome on an English page: {left}"


def test_inbox_in_english(staff, english, run):
    html = page(english(staff["pengolah"]), reverse("office:inbox"))
    assert_english(
        html,
        "<h1>My tasks</h1>",
        "Steps waiting for you",
        "left</strong>",
        "standard time",
        "Notifications",
        "Workspace menu",
        "Public Information List",
    )
    assert run.title in html  # data stays as typed


def test_step_screen_in_english(staff, english, run):
    html = page(english(staff["pengolah"]), reverse("office:drafting", args=[run.pk]))
    assert_english(
        html,
        "Draft the Public Information List",
        "Executor",
        "Requirements",
        "Standard time",
        "Information Development Plan",
        "Add information",
        "Import from an XLSX or CSV file",
        "Finish the step",
        "Hand over with an assignment letter",
    )
    assert "Menyiapkan Daftar Informasi Publik" in html  # the POS's own activity name is data


def test_register_list_and_entry_form_in_english(staff, english, run):
    drafted(staff, run)
    html = page(english(staff["ppid"]), reverse("office:register"))
    assert_english(html, "Public Information List (DIP)", "Summary of the information", "Category", "Show")
    html = page(english(staff["ppid"]), reverse("office:entry_new", args=[run.pk]))
    assert_english(
        html,
        "Add information",
        "Official or unit holding the information",
        "(required)",
        "Retention period",
        "Columns of the Public Information List",
    )


def test_entry_form_errors_in_english(staff, english, run):
    client = english(staff["pengolah"])
    response = client.post(
        reverse("office:entry_new", args=[run.pk]),
        {"action": "simpan", "title": "Profil", "links": "Salinan SK tanpa alamat"},
    )
    html = response.content.decode()
    assert "Some entries need correcting; see the messages next to the fields." in html
    assert "This line has no link address: “Salinan SK tanpa alamat”." in html
    assert_english(html, "Save the information", "Cancel")


def test_verification_screen_in_english(staff, english, run):
    drafted(staff, run)
    html = page(english(staff["penelaah"]), reverse("office:verification", args=[run.pk]))
    assert_english(
        html,
        "Verification of the material and the DIP",
        "Information and its documents",
        "Document preview",
        "Verification decision",
        "Checklist",
        "The information is correct and matches its source",
        "Approve",
        "Return",
    )


def test_audit_log_in_english(staff, english, run):
    html = page(english(staff["atasan"]), reverse("office:audit") + "?periksa=1")
    assert_english(html, "<h1>Audit trail</h1>", "Check the chain", "The chain is intact.", "records checked", "Actor")


def test_upload_progress_words_follow_the_language(staff, english, run):
    entry = create_entry(staff["pengolah"], run, ENTRY)
    html = page(english(staff["pengolah"]), reverse("office:entry_documents", args=[run.pk, entry.pk]))
    assert 'data-uploading="Uploading"' in html and 'data-failed="The upload failed.' in html


def test_messages_after_an_action_and_notifications_are_in_the_readers_language(staff, english, login):
    client = english(staff["ppid"])
    response = client.post(
        reverse("office:disposition_new"),
        {
            "title": "Pemutakhiran DIP",
            "instructions": "Siapkan DIP.",
            "addressee": staff["pengolah"].pk,
            "rencana-TOTAL_FORMS": "1",
            "rencana-INITIAL_FORMS": "0",
            "rencana-0-title": "Laporan Keuangan 2025",
            "rencana-0-action": "baru",
            "rencana-0-target_date": "2026-12-01",
        },
        follow=True,
    )
    assert "sent to" in response.content.decode()
    # The stored copy (and the e-mail) is in the site's language, Indonesian, whoever set it off; each reader sees
    # the notification in the language they chose.
    note = Notification.objects.get(recipient=staff["pengolah"])
    assert note.title.startswith("Langkah 2 ") and note.title.endswith("menunggu Anda")
    in_english = page(english(staff["pengolah"]), reverse("office:notifications"))
    assert "Step 2 “" in in_english and "” is waiting for you" in in_english
    assert f"Disposition {note.values['run']}: Pemutakhiran DIP. Standard time" in in_english  # data as typed
    in_indonesian = page(login(staff["pengolah"]), reverse("office:notifications"))
    assert note.title in in_indonesian and "Step 2" not in in_indonesian


def test_default_stays_indonesian_whatever_the_browser_prefers(staff, login, run):
    client = login(staff["pengolah"])
    html = client.get(reverse("office:inbox"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="id"' in html and "<h1>Tugas Saya</h1>" in html and "Langkah yang menunggu Anda" in html
    html = client.get(reverse("office:entry_new", args=[run.pk])).content.decode()
    assert "Simpan informasi" in html and "(wajib)" in html and "My tasks" not in html
