"""The administrator screens: users, roles, qualifications, units, the office profile and the POS file."""

import io
from datetime import date, time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.accounts.helpers import confirmed_device, login_verified
from warta.accounts import services
from warta.accounts.models import Office, Qualification, Role, Unit, User
from warta.core.errors import ServiceError
from warta.pos.calendars import calendar_for_office, national_days_off
from warta.pos.models import Procedure
from warta.pos.services.procedures import SEED_FILE
from warta.records.models import AuditRecord

pytestmark = pytest.mark.django_db

ADMIN_PAGES = [
    "/kelola/akun/pengguna/",
    "/kelola/akun/pengguna/baru/",
    "/kelola/akun/unit/",
    "/kelola/akun/kantor/",
    "/kelola/akun/prosedur/",
]


@pytest.fixture
def admin_client(client, staff):
    login_verified(client, staff["admin"])
    return client


def png_bytes(size=(16, 16)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 83, 148)).save(buffer, format="PNG")
    return buffer.getvalue()


def office_values(office: Office, **changes) -> dict:
    values = {
        "name": office.name,
        "short_name": office.short_name,
        "parent_lines": office.parent_lines,
        "address": office.address,
        "city": office.city,
        "phone": office.phone,
        "email": office.email,
        "website": office.website,
        "accent_color": office.accent_color,
        "time_zone": office.time_zone,
        "work_start": office.work_start.strftime("%H:%M"),
        "work_end": office.work_end.strftime("%H:%M"),
        "work_days": office.work_days.split(","),
    }
    values.update(changes)
    return values


@pytest.mark.parametrize("username", ["ppid", "pengolah", "atasan"])
def test_only_administrators_may_open_the_admin_screens(client, staff, username):
    login_verified(client, staff[username])
    for path in [*ADMIN_PAGES, f"/kelola/akun/pengguna/{staff['ppid'].pk}/"]:
        response = client.get(path)
        assert response.status_code == 403, path
        assert "Halaman ini hanya untuk Administrator" in response.content.decode()
    target = staff["pengolah2"]
    assert client.post(f"/kelola/akun/pengguna/{target.pk}/status/", {"active": "0"}).status_code == 403
    target.refresh_from_db()
    assert target.is_active


def test_administrators_open_every_admin_screen(admin_client, staff):
    for path in [*ADMIN_PAGES, f"/kelola/akun/pengguna/{staff['ppid'].pk}/", "/kelola/akun/"]:
        assert admin_client.get(path).status_code == 200, path


def test_services_refuse_non_administrators(staff):
    with pytest.raises(ServiceError) as refused:
        services.set_active(staff["ppid"], staff["pengolah"], False)
    assert refused.value.code == "accounts.admin_required"


def test_the_admin_creates_a_user_with_roles_and_unit(admin_client, office):
    unit = office.units.first()
    response = admin_client.post(
        "/kelola/akun/pengguna/baru/",
        {
            "username": "sari",
            "full_name": "Sari Wulandari, S.I.Kom.",
            "email": "sari@contoh.example",
            "nip": "199201012019032001",
            "position": "Pengolah Data dan Informasi",
            "unit": unit.pk,
            "roles": [Role.PENGOLAH, Role.PENELAAH],
            "password1": "Kata-sandi-awal-99",
            "password2": "Kata-sandi-awal-99",
        },
    )
    user = User.objects.get(username="sari")
    assert response.status_code == 302 and response.url == f"/kelola/akun/pengguna/{user.pk}/"
    assert user.role_set() == {Role.PENGOLAH, Role.PENELAAH}
    assert user.unit == unit and user.is_staff and user.check_password("Kata-sandi-awal-99")
    assert AuditRecord.objects.filter(action="accounts.user.created", object_id=str(user.pk)).exists()


def test_a_refused_new_user_keeps_what_was_typed(admin_client, office):
    response = admin_client.post(
        "/kelola/akun/pengguna/baru/",
        {
            "username": "ppid",
            "full_name": "Nama Yang Diketik",
            "nip": "12",
            "roles": [Role.PPID],
            "password1": "Kata-sandi-awal-99",
            "password2": "Kata-sandi-awal-99",
        },
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert 'value="Nama Yang Diketik"' in text
    assert "NIP terdiri atas 18 angka" in text
    assert 'aria-describedby="id_nip_helptext id_nip_error"' in text
    assert User.objects.filter(username="ppid").count() == 1

    fixed = admin_client.post(
        "/kelola/akun/pengguna/baru/",
        {
            "username": "ppid",
            "full_name": "Nama",
            "roles": [Role.PPID],
            "password1": "Kata-sandi-awal-99",
            "password2": "Kata-sandi-awal-99",
        },
    )
    assert "Nama pengguna “ppid” sudah dipakai" in fixed.content.decode()
    assert 'id="id_username_error"' in fixed.content.decode()


def test_the_admin_changes_roles_and_deactivates(admin_client, staff, client):
    from django.test import Client

    person = staff["pengolah2"]
    their_client = Client()
    login_verified(their_client, person)
    response = admin_client.post(
        f"/kelola/akun/pengguna/{person.pk}/",
        {
            "full_name": person.full_name,
            "email": "",
            "nip": person.nip,
            "position": "Penelaah",
            "unit": person.unit_id,
            "roles": [Role.PENELAAH],
        },
    )
    assert response.status_code == 302
    person = User.objects.get(pk=person.pk)
    assert person.role_set() == {Role.PENELAAH} and person.position == "Penelaah"
    assert AuditRecord.objects.filter(action="accounts.roles.changed", object_id=str(person.pk)).exists()

    admin_client.post(f"/kelola/akun/pengguna/{person.pk}/status/", {"active": "0"})
    person.refresh_from_db()
    assert not person.is_active
    assert their_client.get("/kelola/").status_code == 302  # their session is over


def test_the_admin_cannot_lock_themselves_out(admin_client, staff):
    admin = staff["admin"]
    response = admin_client.post(
        f"/kelola/akun/pengguna/{admin.pk}/",
        {
            "full_name": admin.full_name,
            "roles": [Role.PPID],
        },
    )
    assert "Anda tidak dapat mencabut peran Administrator dari akun Anda sendiri" in response.content.decode()
    assert User.objects.get(pk=admin.pk).role_set() == {Role.ADMIN}
    admin_client.post(f"/kelola/akun/pengguna/{admin.pk}/status/", {"active": "0"})
    admin.refresh_from_db()
    assert admin.is_active


def test_the_admin_records_qualifications_from_the_pos_in_force(admin_client, staff, procedure):
    person = staff["pengolah2"]
    codes = [item["code"] for item in Procedure.objects.in_force().first().data["qualifications"]]
    missing = next(code for code in codes if not Qualification.objects.filter(user=person, code=code).exists())
    page = admin_client.get(f"/kelola/akun/pengguna/{person.pk}/").content.decode()
    assert f'<option value="{missing}"' in page

    admin_client.post(
        f"/kelola/akun/pengguna/{person.pk}/kualifikasi/",
        {
            "code": missing,
            "obtained_on": "2026-03-02",
            "evidence": "Bimtek PPID 2026, sertifikat 12/2026",
        },
    )
    held = Qualification.objects.get(user=person, code=missing)
    assert held.obtained_on == date(2026, 3, 2) and held.evidence.startswith("Bimtek")

    refused = admin_client.post(
        f"/kelola/akun/pengguna/{person.pk}/kualifikasi/",
        {
            "code": "karangan",
            "obtained_on": "2026-03-02",
        },
    )
    assert 'id="id_code_error"' in refused.content.decode()
    assert not Qualification.objects.filter(user=person, code="karangan").exists()

    admin_client.post(f"/kelola/akun/pengguna/{person.pk}/kualifikasi/{missing}/hapus/")
    assert not Qualification.objects.filter(user=person, code=missing).exists()


def test_the_admin_resets_a_lost_authenticator(admin_client, staff):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    person = staff["ppid"]
    confirmed_device(person)
    assert TOTPDevice.objects.filter(user=person).exists()
    admin_client.post(f"/kelola/akun/pengguna/{person.pk}/atur-ulang-2fa/")
    assert not TOTPDevice.objects.filter(user=person).exists()


def test_units_are_created_and_renamed(admin_client, office):
    admin_client.post("/kelola/akun/unit/", {"name": "PPID Pelaksana Umum", "code": "ppid-umum"})
    unit = Unit.objects.get(code="ppid-umum")
    assert unit.office == office
    taken = admin_client.post("/kelola/akun/unit/", {"name": "Lain", "code": "ppid-umum"})
    assert "Kode unit “ppid-umum” sudah dipakai" in taken.content.decode()
    admin_client.post(f"/kelola/akun/unit/{unit.pk}/", {"name": "PPID Pelaksana Bagian Umum", "code": "ppid-umum"})
    unit.refresh_from_db()
    assert unit.name == "PPID Pelaksana Bagian Umum"


def test_the_office_profile_changes_the_working_calendar(admin_client, office):
    saturday = date(2026, 11, 28)
    assert not calendar_for_office(office).work_weekdays >= {5}
    response = admin_client.post(
        "/kelola/akun/kantor/",
        office_values(
            office,
            name="Balai Penjaminan Mutu Pendidikan Provinsi Papua",
            time_zone="Asia/Jayapura",
            work_start="08:00",
            work_end="16:30",
            work_days=["1", "2", "3", "4", "5", "6"],
        ),
    )
    assert response.status_code == 302
    office.refresh_from_db()
    assert office.name.endswith("Papua") and office.time_zone == "Asia/Jayapura"
    calendar = calendar_for_office(office)
    assert calendar.work_weekdays == frozenset({0, 1, 2, 3, 4, 5})
    assert (calendar.work_start, calendar.work_end) == (time(8, 0), time(16, 30))
    assert calendar.time_zone == "Asia/Jayapura"
    assert AuditRecord.objects.filter(action="accounts.office.updated").exists()

    assert not calendar.is_day_off(saturday)
    admin_client.post("/kelola/akun/kantor/libur/", {"date": "2026-11-28", "description": "Hari jadi provinsi"})
    assert calendar_for_office(office).is_day_off(saturday)
    twice = admin_client.post("/kelola/akun/kantor/libur/", {"date": "2026-11-28", "description": "Lagi"})
    assert "sudah ada dalam daftar hari libur tambahan" in twice.content.decode()

    extra = office.extra_days_off.get(date=saturday)
    admin_client.post(f"/kelola/akun/kantor/libur/{extra.pk}/hapus/")
    assert not calendar_for_office(office).is_day_off(saturday)


def test_the_office_page_shows_the_national_days_off(admin_client, office):
    page = admin_client.get("/kelola/akun/kantor/?tahun=2026").content.decode()
    days = national_days_off("ID", 2026)
    assert days
    for _day, name in days[:3]:
        assert name in page


def test_a_bad_office_profile_is_refused_field_by_field(admin_client, office):
    response = admin_client.post(
        "/kelola/akun/kantor/",
        office_values(
            office,
            name="Nama Baru Diketik",
            accent_color="#ffee00",
            work_start="16:00",
            work_end="08:00",
            work_days=[],
            logo=SimpleUploadedFile("logo.png", b"bukan gambar", content_type="image/png"),
        ),
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "terlalu terang" in text and 'id="id_accent_color_error"' in text
    assert "Jam kerja selesai harus lebih lambat" in text
    assert 'id="id_logo_error"' in text and "bukan gambar yang sah" in text
    assert 'id="id_work_days_error"' in text
    assert 'value="Nama Baru Diketik"' in text
    office.refresh_from_db()
    assert office.name.startswith("Balai Penjaminan Mutu Pendidikan Provinsi Bengkulu")


def test_a_real_logo_is_stored(admin_client, office):
    response = admin_client.post(
        "/kelola/akun/kantor/",
        office_values(
            office,
            logo=SimpleUploadedFile("logo-kantor.png", png_bytes(), content_type="image/png"),
        ),
    )
    assert response.status_code == 302
    office.refresh_from_db()
    assert office.logo.name.startswith("office/logo-kantor")
    with office.logo.open("rb") as stored:
        assert stored.read() == png_bytes()


def test_a_broken_procedure_file_names_its_line_and_changes_nothing(admin_client, procedure):
    text = SEED_FILE.read_text(encoding="utf-8")
    broken = text.replace("role: ppid", "role: bupati", 1)
    line = next(number for number, content in enumerate(broken.splitlines(), 1) if "role: bupati" in content)
    response = admin_client.post(
        "/kelola/akun/prosedur/",
        {
            "file": SimpleUploadedFile("pos-rusak.yaml", broken.encode(), content_type="application/yaml"),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f"baris {line}" in page and 'id="id_file_error"' in page
    assert Procedure.objects.count() == 1 and Procedure.objects.in_force().get().pk == procedure.pk

    not_text = admin_client.post(
        "/kelola/akun/prosedur/",
        {
            "file": SimpleUploadedFile("pos.yaml", b"\xff\xfe\x00bukan", content_type="application/yaml"),
        },
    )
    assert "bukan teks UTF-8" in not_text.content.decode()


def test_a_new_procedure_file_becomes_the_version_in_force(admin_client, procedure):
    text = SEED_FILE.read_text(encoding="utf-8") + "\n# revisi kecil\n"
    changed = text.replace("budaya 5S", "budaya 5S di kantor", 1)
    response = admin_client.post(
        "/kelola/akun/prosedur/",
        {
            "file": SimpleUploadedFile("pos-revisi.yaml", changed.encode(), content_type="application/yaml"),
        },
    )
    assert response.status_code == 302
    current = Procedure.objects.in_force().get()
    assert current.version == 2 and current.source_name == "pos-revisi.yaml"
    page = admin_client.get("/kelola/akun/prosedur/").content.decode()
    assert "pos-revisi.yaml" in page and "Versi lama" in page
    source = admin_client.get(f"/kelola/akun/prosedur/{current.pk}/berkas/")
    assert source.content.decode() == changed
