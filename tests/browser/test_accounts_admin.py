"""The administrator's screens through the browser: office profile, users, units, the POS file; each checked by axe."""

import pytest

from tests.browser.conftest import assert_accessible
from tests.browser.staff import login_as
from tests.browser.test_accounts_signin import shot
from warta.accounts.models import Office, Role, User
from warta.pos.calendars import calendar_for_office
from warta.pos.services.procedures import SEED_FILE


@pytest.mark.django_db(transaction=True)
def test_the_admin_edits_the_office_profile(page, staff):
    login_as(page, staff["admin"])
    page.goto("/kelola/akun/")
    page.get_by_role("link", name="Profil Kantor").click()
    assert page.get_by_role("heading", name="Profil Kantor", level=1).is_visible()
    assert_accessible(page)

    page.get_by_label("Nama singkat (opsional)").fill("BPMP Bengkulu Kota")
    page.get_by_label("Telepon (opsional)").fill("(0736) 21234")
    page.get_by_label("Zona waktu").select_option("Asia/Makassar")
    page.get_by_label("Jam kerja mulai").fill("08:00")
    page.get_by_label("Sabtu").check()
    page.get_by_role("button", name="Simpan profil kantor").click()
    assert page.get_by_text("Profil kantor telah disimpan.").is_visible()

    office = Office.objects.get()
    assert office.short_name == "BPMP Bengkulu Kota" and office.phone == "(0736) 21234"
    calendar = calendar_for_office(office)
    assert calendar.time_zone == "Asia/Makassar" and 5 in calendar.work_weekdays
    assert calendar.work_start.hour == 8

    # A too-light accent colour is refused next to its field, and what was typed stays.
    page.get_by_role("textbox", name="Warna aksen").fill("#ffe066")
    page.get_by_role("button", name="Simpan profil kantor").click()
    field = page.get_by_role("textbox", name="Warna aksen")
    assert field.input_value() == "#ffe066"
    assert field.get_attribute("aria-invalid") == "true"
    assert "terlalu terang" in page.locator("#id_accent_color_error").inner_text()
    assert_accessible(page)
    shot(page, "profil-kantor-galat.png")

    page.goto("/kelola/akun/kantor/?tahun=2026")
    page.get_by_label("Tanggal").fill("2026-11-27")
    page.get_by_label("Keterangan").fill("Hari jadi Provinsi Bengkulu")
    page.get_by_role("button", name="Tambah hari libur").click()
    assert page.get_by_role("cell", name="Hari jadi Provinsi Bengkulu", exact=True).is_visible()
    assert page.get_by_role("cell", name="27 November 2026", exact=True).is_visible()
    assert_accessible(page)
    shot(page, "profil-kantor.png")


@pytest.mark.django_db(transaction=True)
def test_the_office_profile_reflows_on_a_phone(phone, staff):
    login_as(phone, staff["admin"])
    phone.goto("/kelola/akun/kantor/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone)
    shot(phone, "profil-kantor-ponsel.png")


@pytest.mark.django_db(transaction=True)
def test_the_admin_manages_users_and_units(page, staff, office):
    login_as(page, staff["admin"])
    page.goto("/kelola/akun/pengguna/")
    assert page.get_by_role("link", name="Rahmawati, S.Sos.").is_visible()
    assert_accessible(page)
    shot(page, "pengguna.png")

    page.get_by_role("link", name="Tambah pengguna").click()
    page.get_by_label("Nama pengguna").fill("tono")
    page.get_by_label("Nama lengkap").fill("Tono Saputra")
    page.get_by_label("NIP (opsional)").fill("123")
    page.get_by_label("Pengolah Data dan Informasi").check()
    page.get_by_label("Kata sandi awal", exact=True).fill("Sandi-awal-tono-2026")
    page.get_by_label("Ulangi kata sandi awal").fill("Sandi-awal-tono-2026")
    page.get_by_role("button", name="Simpan pengguna").click()
    assert "NIP terdiri atas 18 angka" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Nama lengkap").input_value() == "Tono Saputra"
    assert_accessible(page)

    page.get_by_label("NIP (opsional)").fill("")
    page.get_by_label("Kata sandi awal", exact=True).fill("Sandi-awal-tono-2026")
    page.get_by_label("Ulangi kata sandi awal").fill("Sandi-awal-tono-2026")
    page.get_by_role("button", name="Simpan pengguna").click()
    assert page.get_by_role("heading", name="Tono Saputra", level=1).is_visible()
    assert User.objects.get(username="tono").role_set() == {Role.PENGOLAH}
    assert_accessible(page)
    shot(page, "pengguna-ubah.png")

    page.get_by_label("Kualifikasi", exact=True).select_option(index=0)
    page.get_by_label("Tanggal diperoleh").fill("2026-02-10")
    page.get_by_label("Bukti (opsional)").fill("Bimtek layanan informasi 2026")
    page.get_by_role("button", name="Catat kualifikasi").click()
    assert page.get_by_role("cell", name="10 Februari 2026").is_visible()

    page.get_by_role("button", name="Nonaktifkan akun").click()
    assert page.get_by_text("telah dinonaktifkan").is_visible()
    assert not User.objects.get(username="tono").is_active

    page.get_by_role("link", name="Unit", exact=True).click()
    page.get_by_label("Nama unit").fill("PPID Pelaksana Umum")
    page.get_by_label("Kode").fill("bukan kode!")
    page.get_by_role("button", name="Tambah unit").click()
    assert page.get_by_label("Kode").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    page.get_by_label("Kode").fill("ppid-umum")
    page.get_by_role("button", name="Tambah unit").click()
    assert page.get_by_role("cell", name="PPID Pelaksana Umum", exact=True).is_visible()
    page.get_by_role("link", name="Ubah unit PPID Pelaksana Umum").click()
    page.get_by_label("Nama unit").fill("PPID Pelaksana Bagian Umum")
    page.get_by_role("button", name="Simpan unit").click()
    assert page.get_by_role("cell", name="PPID Pelaksana Bagian Umum", exact=True).is_visible()
    page.get_by_role("link", name="Ubah unit PPID Pelaksana Bagian Umum").click()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_a_broken_pos_file_is_explained_next_to_the_upload(page, staff, tmp_path):
    login_as(page, staff["admin"])
    page.goto("/kelola/akun/prosedur/")
    assert page.get_by_role("cell", name="Berlaku").is_visible()
    assert_accessible(page)

    broken = tmp_path / "pos-rusak.yaml"
    broken.write_text(SEED_FILE.read_text(encoding="utf-8").replace("role: ppid", "role: bupati", 1), encoding="utf-8")
    page.get_by_label("Berkas POS (YAML)").set_input_files(str(broken))
    page.get_by_role("button", name="Unggah dan berlakukan").click()
    error = page.locator("#id_file_error")
    assert "baris" in error.inner_text() and "role" in error.inner_text()
    assert "id_file_error" in page.get_by_label("Berkas POS (YAML)").get_attribute("aria-describedby")
    assert page.locator("tbody tr").count() == 1
    assert_accessible(page)
    shot(page, "prosedur-galat.png")


@pytest.mark.django_db(transaction=True)
def test_other_staff_get_an_indonesian_refusal(page, staff):
    login_as(page, staff["ppid"])
    response = page.goto("/kelola/akun/pengguna/")
    assert response.status == 403
    assert page.get_by_role("heading", name="Akses ditolak").is_visible()
    assert_accessible(page)
