"""The personal-data scan: what it flags, what it leaves alone, and that it never repeats a full number."""

import re
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.documents import pii

FILLERS = st.sampled_from(
    ["Nama: Siti Aminah, ", "Menimbang bahwa ", "Lampiran ", "yang bersangkutan ", "\n", " Nomor ", ""]
)


@st.composite
def niks(draw):
    province = draw(st.sampled_from(sorted(pii.PROVINCE_CODES)))
    regency, district = draw(st.integers(1, 99)), draw(st.integers(1, 99))
    born = draw(st.dates(min_value=date(1930, 1, 1), max_value=date(2025, 12, 31)))
    day = born.day + (40 if draw(st.booleans()) else 0)  # women add 40 to the day
    serial = draw(st.integers(1, 9999))
    return f"{province:02d}{regency:02d}{district:02d}{day:02d}{born:%m%y}{serial:04d}"


@st.composite
def nips(draw):
    born = draw(st.dates(min_value=date(1945, 1, 1), max_value=date(2005, 12, 31)))
    appointed = born + timedelta(days=draw(st.integers(16 * 366, 45 * 365)))
    sex, serial = draw(st.sampled_from("12")), draw(st.integers(1, 999))
    return f"{born:%Y%m%d}{appointed:%Y%m}{sex}{serial:03d}"


def kinds(text):
    return [finding.kind for finding in pii.scan(text)]


# --- NIK ---------------------------------------------------------------------------------------------------


@given(nik=niks(), before=FILLERS, after=FILLERS)
def test_every_valid_nik_is_found_and_masked(nik, before, after):
    findings = pii.scan(f"{before}NIK {nik}{after}")
    assert [f.kind for f in findings] == [pii.NIK]
    assert findings[0].masked == nik[:4] + "********" + nik[-4:]
    assert nik not in findings[0].snippet


@given(nik=niks(), province=st.integers(0, 99).filter(lambda p: p not in pii.PROVINCE_CODES))
def test_a_number_with_no_such_province_is_not_a_nik(nik, province):
    assert kinds(f"Nomor {province:02d}{nik[2:]} tercatat") == []


@given(nik=niks(), day=st.sampled_from([0, 32, 39, 40, 72, 99]))
def test_a_number_with_an_impossible_birth_day_is_not_a_nik(nik, day):
    assert kinds(f"Nomor {nik[:6]}{day:02d}{nik[8:]} tercatat") == []


@given(nik=niks(), month=st.sampled_from([0, 13, 20, 99]))
def test_a_number_with_an_impossible_birth_month_is_not_a_nik(nik, month):
    assert kinds(f"Nomor {nik[:8]}{month:02d}{nik[10:]} tercatat") == []


def test_nik_date_rules_known_examples():
    assert pii.is_valid_nik("3273015103900003")  # a woman born 11 March 1990: day 51 = 11 + 40
    assert pii.is_valid_nik("3273012902000003")  # 29 February 2000
    assert not pii.is_valid_nik("3273013002900003")  # 30 February
    assert not pii.is_valid_nik("3273012902010003")  # 29 February in a year not divisible by 4
    assert not pii.is_valid_nik("3273011103900000")  # serial 0000
    assert not pii.is_valid_nik("2073011103900001")  # 20 is no province


def test_nik_written_in_groups_is_found():
    assert kinds("NIK: 3273 0151 0390 0003.") == [pii.NIK]
    assert kinds("NIK: 32.73.01.510390.0003") == [pii.NIK]


def test_nik_inside_a_longer_number_is_not_taken_out_of_it():
    assert kinds("Kode transaksi 132730151039000031 selesai") == []


@given(nik=niks(), pages_before=st.integers(0, 5))
def test_findings_name_the_page_they_are_on(nik, pages_before):
    text = "Halaman pembuka\f" * pages_before + f"NIK {nik}" + "\fPenutup"
    assert [f.page for f in pii.scan(text)] == [pages_before + 1]


# --- NIP, NPWP, phone, e-mail, bank account ----------------------------------------------------------------


@given(nip=nips())
def test_every_valid_nip_is_found_and_masked(nip):
    findings = pii.scan(f"NIP. {nip}\nKepala Dinas")
    assert [f.kind for f in findings] == [pii.NIP]
    assert findings[0].masked == nip[:4] + "*" * 11 + nip[-3:]


def test_nip_written_with_spaces_is_found():
    assert kinds("NIP 19780512 200312 1 003") == [pii.NIP]


def test_eighteen_digits_that_cannot_be_a_nip_are_ignored():
    assert kinds("Nomor 197813122003121003") == []  # month 13
    assert kinds("Nomor 197805122003123003") == []  # sex digit 3
    assert kinds("Nomor 199005122003121003") == []  # appointed at 13


def test_npwp_formatted_or_labelled():
    formatted = pii.scan("NPWP: 01.234.567.8-901.000")
    assert [(f.kind, f.masked) for f in formatted] == [(pii.NPWP, "01**********000")]
    assert kinds("Nomor Pokok Wajib Pajak (NPWP) 012345678901000") == [pii.NPWP]
    assert kinds("NPWP 0012345678901234") == [pii.NPWP]  # the 16-digit form
    assert kinds("Nomor 012345678901000") == []  # 15 bare digits say nothing


def test_mobile_numbers_in_their_usual_spellings():
    for written in ["0812-3456-7890", "081234567890", "+62 812 3456 7890", "6281234567890", "0856.1234.567"]:
        findings = pii.scan(f"Hubungi {written} (WhatsApp)")
        assert [f.kind for f in findings] == [pii.PHONE], written
        assert "*" in findings[0].masked


def test_a_phone_number_followed_by_a_year_is_still_found():
    findings = pii.scan("Telp. 0812-3456-7890 2022")
    assert [(f.kind, f.masked) for f in findings] == [(pii.PHONE, "0812*****890")]


def test_office_landlines_and_dates_are_not_mobile_numbers():
    assert kinds("Telp. (0261) 201234, Fax. 022-4201234") == []
    assert kinds("Tanggal 08-12-2020 dan 08/12/2020") == []


def test_personal_email_found_role_mailboxes_not():
    findings = pii.scan("Kirim ke budi.santoso@gmail.com atau ppid@sumedangkab.go.id")
    assert [(f.kind, f.masked) for f in findings] == [(pii.EMAIL, "b***@gmail.com")]
    assert kinds("Surel: diskominfosanditik@sumedangkab.go.id, info@foodstation.id") == []


def test_bank_account_only_when_labelled():
    findings = pii.scan("Transfer ke No. Rek. 0123-01-012345-50-1 a.n. Budi")
    assert [(f.kind, f.masked) for f in findings] == [(pii.BANK_ACCOUNT, "************501")]
    assert kinds("rekening BNI 1234567890") == [pii.BANK_ACCOUNT]
    assert kinds("Nomor 1234567890 dicatat") == []


def test_budget_codes_and_amounts_are_not_bank_accounts():
    assert kinds("Kode Rekening 5.1.02.01.01.0001 Belanja Alat Tulis") == []
    assert kinds("saldo rekening kas daerah Rp 1.500.000.000") == []
    assert kinds("saldo rekening sebesar 1.500.000.000") == []


# --- secrecy marks -----------------------------------------------------------------------------------------


def test_secrecy_marks_standing_alone_are_found():
    text = "SANGAT RAHASIA\nNota Dinas\n- TERBATAS -\nSifat : Rahasia\nLampiran : 1 berkas"
    assert [(f.kind, f.masked) for f in pii.scan(text)] == [
        (pii.CLASSIFICATION, "SANGAT RAHASIA"),
        (pii.CLASSIFICATION, "TERBATAS"),
        (pii.CLASSIFICATION, "RAHASIA"),
    ]


def test_secrecy_words_in_prose_are_not_marks():
    text = (
        "Informasi yang bersifat rahasia negara dikecualikan.\n"
        "Kerahasiaan data pribadi dijaga. Rahasia jabatan.\n"
        "INFORMASI YANG DIRAHASIAKAN\nSifat rahasia informasi ditetapkan PPID.\n"
        "Rahasia\n"  # mixed case on its own line: a heading word, not a stamp
    )
    assert kinds(text) == []


# --- nothing leaks -----------------------------------------------------------------------------------------


@settings(max_examples=300)
@given(text=st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs", "Cc"]), max_size=300))
def test_no_finding_ever_shows_five_digits_in_a_row(text):
    for finding in pii.scan(text):
        assert not re.search(r"\d{5}", finding.masked)
        assert not re.search(r"\d{5}", finding.snippet)


@given(nik=niks(), nip=nips(), filler=FILLERS)
def test_context_around_a_finding_masks_neighbouring_numbers(nik, nip, filler):
    text = f"NIK {nik} {filler} NIP {nip}"
    for finding in pii.scan(text):
        assert nik not in finding.snippet and nip not in finding.snippet
        assert nik[4:12] not in finding.snippet.replace(" ", "")
