"""The demo office: the seed's BPMP Provinsi Bengkulu with one user per role."""

from datetime import date

from django.db import transaction

from warta.records.audit import record

from .models import Office, Role, Unit
from .services import create_user, record_qualification

DEMO_PASSWORD = "demo-warta-2026"  # noqa: S105 - printed for the demo on purpose; never used outside `warta demo`

DEMO_USERS = [
    # username, full name, roles, position, NIP, qualified
    (
        "ppid",
        "Rahmawati, S.Sos.",
        [Role.PPID],
        "Pejabat Pengelola Informasi dan Dokumentasi",
        "198103152006042001",
        True,
    ),
    ("pengolah", "Budi Santoso, S.Kom.", [Role.PENGOLAH], "Pengolah Data dan Informasi", "199002102015031002", True),
    ("pengolah2", "Dewi Lestari, A.Md.", [Role.PENGOLAH], "Pengolah Data dan Informasi", "199507182019032004", False),
    ("penelaah", "Agus Prasetyo, S.H.", [Role.PENELAAH], "Penelaah Teknis Kebijakan", "198511222010011005", True),
    ("atasan", "Dr. Hendra Wijaya, M.Pd.", [Role.ATASAN], "Kepala Balai", "197302022006041025", True),
    ("admin", "Administrator Warta", [Role.ADMIN], "Pranata Komputer", "", False),
]


@transaction.atomic
def create_demo_office(qualification_codes: list[str]) -> tuple[Office, bool]:
    """Create the demo office once; a second call changes nothing and says so."""
    unit = Unit.objects.filter(code="bpmp-bengkulu").first()
    if unit is not None:
        return unit.office, False
    office = Office.objects.create(
        name="Balai Penjaminan Mutu Pendidikan Provinsi Bengkulu",
        short_name="BPMP Bengkulu",
        parent_lines="KEMENTERIAN PENDIDIKAN DASAR DAN MENENGAH\nDIREKTORAT JENDERAL PENDIDIKAN ANAK USIA DINI, "
        "PENDIDIKAN DASAR, DAN PENDIDIKAN MENENGAH",
        address="Jalan Zainul Arifin No. 1, Kota Bengkulu",
        city="Bengkulu",
        email="ppid@bpmp-bengkulu.example",
        time_zone="Asia/Jakarta",
    )
    unit = Unit.objects.create(office=office, name="PPID BPMP Provinsi Bengkulu", code="bpmp-bengkulu")
    record(None, "accounts.office.created", office, after={"name": office.name, "demo": True})
    for username, full_name, roles, position, nip, qualified in DEMO_USERS:
        user = create_user(
            None,
            username=username,
            password=DEMO_PASSWORD,
            full_name=full_name,
            unit=unit,
            roles=roles,
            position=position,
            nip=nip,
        )
        if username == "admin":
            user.is_superuser = True
            user.save(update_fields=["is_superuser"])
        codes = qualification_codes if qualified else qualification_codes[:-2]
        for code in codes:
            record_qualification(None, user, code, date(2025, 2, 10), "Bimbingan teknis layanan informasi publik")
    return office, True
