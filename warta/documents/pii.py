"""Finding personal data and secrecy marks in extracted text. Pure: text in, findings out.

What counts, and why (UU 14/2008 Ps 17 huruf h and UU 27/2022 on personal data):

- NIK: 16 digits = province (a real code) · regency · district · DDMMYY birth date (women add 40 to the
  day) · 4-digit serial. Numbers that cannot be a NIK (no such province, impossible date) are ignored,
  which keeps budget codes and invoice numbers out.
- NIP (civil servant number): 18 digits = YYYYMMDD birth · YYYYMM appointment · sex 1/2 · 3-digit serial,
  often written "19780512 200312 1 003".
- NPWP (tax number): the 15-digit form written 12.345.678.9-012.345 anywhere, or 15/16 digits after the
  word "NPWP". Company NPWPs are public; the reviewer clears those.
- Mobile numbers (+62 / 62 / 08…). Landlines are not flagged: in these documents they are office numbers.
- E-mail addresses, except role mailboxes (ppid@…, info@…, humas@…, diskominfo…@…), which belong to an
  office rather than a person.
- Bank account numbers, only after a label ("rekening", "no. rek", "norek") on the same line, and not
  after "kode rekening" (budget classification codes in financial reports).
- Secrecy marks: "RAHASIA", "SANGAT RAHASIA", "TERBATAS" standing alone on a line in capitals (how a
  classified page is stamped), or after "Sifat:"/"Klasifikasi:" in a letter head. The words inside
  prose ("kerahasiaan", "rahasia negara") are not marks: the DIK and the regulations talk about secrecy
  all the time without being secret.

A finding never carries the full value: ``masked`` keeps a few leading and trailing characters, and the
snippet around it has every other long number and address masked too.
"""

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

NIK = "nik"
NIP = "nip"
NPWP = "npwp"
PHONE = "phone"
EMAIL = "email"
BANK_ACCOUNT = "bank-account"
CLASSIFICATION = "classification"

# Kemendagri province codes (Kepmendagri 050-145/2022), plus 91–96 for all Papua codes in use: NIKs
# issued before the 2022 split keep 91/92, new ones may carry 93–96, and BPS numbers Papua 94.
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53}
    | {61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96}
)

NIP_BIRTH_YEARS = range(1940, 2011)
NIP_APPOINTMENT_YEARS = range(1960, 2100)
CONTEXT_CHARS = 30


@dataclass(frozen=True)
class Finding:
    kind: str
    page: int
    start: int
    end: int
    masked: str
    snippet: str


# --- validity ----------------------------------------------------------------------------------------------


def _valid_date(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def is_valid_nik(digits: str) -> bool:
    if len(digits) != 16 or not digits.isdigit():
        return False
    if int(digits[:2]) not in PROVINCE_CODES or digits[2:4] == "00" or digits[4:6] == "00":
        return False
    day, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if day > 40:
        day -= 40
    # The century is unknown: a leap-year check on 2000+yy accepts 29 February whenever yy % 4 == 0.
    return _valid_date(2000 + yy, month, day) and digits[12:] != "0000"


def is_valid_nip(digits: str) -> bool:
    if len(digits) != 18 or not digits.isdigit():
        return False
    born = (int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    appointed_year, appointed_month = int(digits[8:12]), int(digits[12:14])
    if born[0] not in NIP_BIRTH_YEARS or not _valid_date(*born):
        return False
    if appointed_year not in NIP_APPOINTMENT_YEARS or not 1 <= appointed_month <= 12:
        return False
    if date(appointed_year, appointed_month, 1) < date(born[0] + 15, born[1], 1):
        return False
    return digits[14] in "12" and digits[15:] != "000"


def is_mobile_number(digits: str) -> bool:
    """Digits only, with the leading 0 or 62: national number 8xx…, 9 to 12 digits long."""
    if digits.startswith("62"):
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        return False
    return national[:1] == "8" and national[1:2] != "0" and 9 <= len(national) <= 12


# --- masking -----------------------------------------------------------------------------------------------


def mask_digits(digits: str, keep_start: int, keep_end: int) -> str:
    hidden = len(digits) - keep_start - keep_end
    if hidden < 4:  # too short to show anything safely
        return "*" * len(digits)
    return digits[:keep_start] + "*" * hidden + digits[len(digits) - keep_end :]


def mask_email(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}"


_LONG_NUMBER = re.compile(r"\d(?:[ .\-/]?\d){4,}")
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def mask_text(text: str) -> str:
    """Hide every run of five or more digits and every e-mail address in a piece of context."""
    text = _EMAIL.sub(lambda m: mask_email(m.group()), text)
    return _LONG_NUMBER.sub(lambda m: re.sub(r"\d", "*", m.group()), text)


def _snippet(page_text: str, start: int, end: int, masked: str) -> str:
    before = mask_text(page_text[max(0, start - CONTEXT_CHARS) : start])
    after = mask_text(page_text[end : end + CONTEXT_CHARS])
    return re.sub(r"\s+", " ", f"{before}{masked}{after}").strip()


# --- patterns ----------------------------------------------------------------------------------------------

_NO_DIGIT_BEFORE = r"(?<!\d)(?<!\d[.,])"
_NO_DIGIT_AFTER = r"(?!\d)(?![.,]\d)"


def _numbers(pattern: str) -> re.Pattern:
    return re.compile(_NO_DIGIT_BEFORE + pattern + _NO_DIGIT_AFTER)


NIK_RE = _numbers(
    r"(?:\d{16}"
    r"|\d{4}([ .\-])\d{4}\1\d{4}\1\d{4}"  # 3201 0101 9000 0001
    r"|\d{2}\.\d{2}\.\d{2}\.\d{6}\.\d{4}"  # 32.01.01.010190.0001
    r"|\d{6} \d{6} \d{4})"
)
NIP_RE = _numbers(r"(?:\d{18}|\d{8} ?\d{6} ?\d ?\d{3}|\d{8}\.\d{6}\.\d\.\d{3})")
NPWP_FORMATTED_RE = _numbers(r"\d{2}\.\d{3}\.\d{3}\.\d[.\-]\d{3}\.\d{3}")
NPWP_LABELLED_RE = re.compile(
    r"\bNPWP\b[^\d\n]{0,30}?"
    + _NO_DIGIT_BEFORE
    + r"(\d{15,16}|\d{2}\.\d{3}\.\d{3}\.\d[.\-]\d{3}\.\d{3}|\d{4}[ .\-]\d{4}[ .\-]\d{4}[ .\-]\d{3,4})"
    + _NO_DIGIT_AFTER,
    re.IGNORECASE,
)
PHONE_RE = re.compile(r"(?<![\d+])(?:\+62|62|0)[ .\-]?(?:\(?8\d{1,3}\)?)(?:[ .\-]?\d{2,5}){1,4}(?!\d)")
BANK_LABEL_RE = re.compile(
    r"\b(?:no(?:mor)?\.?\s*rek(?:ening)?\b\.?|norek\b|rekening\b)[^\d\n]{0,40}?(\d+(?:[ .\-]\d+)*)",
    re.IGNORECASE,
)
MONEY_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")
MARK_LINE_RE = re.compile(r"^[^\w\n]*(SANGAT RAHASIA|RAHASIA|TERBATAS)[^\w\n]*$", re.MULTILINE)
MARK_FIELD_RE = re.compile(
    r"\b(?:sifat|klasifikasi)\s*:?[ \t]*(sangat rahasia|rahasia|terbatas)\b(?![ \t]*\w)", re.IGNORECASE
)

ROLE_MAILBOXES = frozenset(
    {
        "ppid", "info", "informasi", "humas", "admin", "administrator", "sekretariat", "setda", "kontak",
        "contact", "pengaduan", "redaksi", "layanan", "helpdesk", "cs", "noreply", "no-reply", "webmaster",
        "support", "mail", "surat", "persuratan", "tu", "kantor", "office", "diskominfo", "kominfo", "pusdatin",
    }
)  # fmt: skip
# Office mailboxes named after the body: diskominfosanditik@…, ppid.setda@…, pemkab.sumedang@…
INSTITUTION_PREFIXES = (
    "ppid", "diskominfo", "kominfo", "dinas", "bpmp", "pemda", "pemkab", "pemprov", "pemkot", "humas"
)  # fmt: skip


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _phone_candidates(match: re.Match) -> Iterator[tuple[int, int]]:
    """The regex is greedy over digit groups ('0812-3456-7890 2022'); try the longest valid prefix."""
    text = match.group()
    cuts = [m.start() for m in re.finditer(r"[ .\-]\d", text)] + [len(text)]
    for cut in sorted(set(cuts), reverse=True):
        if is_mobile_number(_digits(text[:cut])):
            yield match.start(), match.start() + cut
            return


def _candidates(text: str) -> Iterator[tuple[str, int, int, str]]:
    """(kind, start, end, masked) for every plausible item, before overlaps are resolved."""
    for m in NPWP_LABELLED_RE.finditer(text):
        digits = _digits(m.group(1))
        if len(digits) in (15, 16):
            yield NPWP, m.start(1), m.end(1), mask_digits(digits, 2, 3)
    for m in NPWP_FORMATTED_RE.finditer(text):
        yield NPWP, m.start(), m.end(), mask_digits(_digits(m.group()), 2, 3)
    for m in NIP_RE.finditer(text):
        digits = _digits(m.group())
        if is_valid_nip(digits):
            yield NIP, m.start(), m.end(), mask_digits(digits, 4, 3)
    for m in NIK_RE.finditer(text):
        digits = _digits(m.group())
        if is_valid_nik(digits):
            yield NIK, m.start(), m.end(), mask_digits(digits, 4, 4)
    for m in BANK_LABEL_RE.finditer(text):
        if re.search(r"\bkode\s*$", text[max(0, m.start() - 12) : m.start()], re.IGNORECASE):
            continue
        gap = text[m.start() : m.start(1)]
        if re.search(r"\brp", gap, re.IGNORECASE) or MONEY_RE.fullmatch(m.group(1)):
            continue  # an amount of money, not an account
        digits = _digits(m.group(1))
        if 8 <= len(digits) <= 18:
            yield BANK_ACCOUNT, m.start(1), m.end(1), mask_digits(digits, 0, 3)
    for m in PHONE_RE.finditer(text):
        for start, end in _phone_candidates(m):
            digits = _digits(text[start:end])
            prefix = "+" if text[start] == "+" else ""
            yield PHONE, start, end, prefix + mask_digits(digits, 4, 3)
    for m in _EMAIL.finditer(text):
        local = m.group().partition("@")[0].lower()
        first = re.split(r"[._\-+]", local)[0]
        if first not in ROLE_MAILBOXES and not first.startswith(INSTITUTION_PREFIXES):
            yield EMAIL, m.start(), m.end(), mask_email(m.group())
    for m in MARK_LINE_RE.finditer(text):
        yield CLASSIFICATION, m.start(1), m.end(1), m.group(1)
    for m in MARK_FIELD_RE.finditer(text):
        yield CLASSIFICATION, m.start(1), m.end(1), m.group(1).upper()


def scan_page(text: str, page: int = 1) -> list[Finding]:
    """Findings on one page, in reading order. Where two kinds claim the same characters the first
    listed in ``_candidates`` wins: a labelled NPWP over a NIK that happens to validate, NIP over NIK."""
    taken: list[tuple[int, int]] = []
    found = []
    for kind, start, end, masked in _candidates(text):
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        found.append(Finding(kind, page, start, end, masked, _snippet(text, start, end, masked)))
    return sorted(found, key=lambda f: f.start)


def scan(text: str) -> list[Finding]:
    """Scan text whose pages are separated by form feeds ('\\f'); page numbers start at 1."""
    findings = []
    for number, page_text in enumerate(text.split("\f"), start=1):
        findings.extend(scan_page(page_text, number))
    return findings
