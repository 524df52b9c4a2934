"""A DIP edition's PDF is signed electronically (PAdES) with the office's certificate when one is configured."""

import hashlib
from datetime import UTC, date, datetime, timedelta
from io import BytesIO

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from tests.helpers import wib
from tests.registry.test_lifecycle import _published_entry
from warta.core.errors import ServiceError
from warta.records.models import AuditRecord
from warta.registry.models import EditionStatus
from warta.registry.services.editions import approve_edition, propose_edition, set_edition

pytestmark = pytest.mark.django_db
PASSWORD = "sandi-sertifikat"


@pytest.fixture(scope="module")
def certificate():
    """A self-signed certificate standing in for the office's (e.g. BSrE) one."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "PPID BPMP Provinsi Bengkulu"),
                      x509.NameAttribute(NameOID.COUNTRY_NAME, "ID")])
    now = datetime.now(UTC)
    usage = x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=False,
                          encipher_only=False, decipher_only=False)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=365)).add_extension(usage, critical=True)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    p12 = pkcs12.serialize_key_and_certificates(b"ppid", key, cert, None,
                                                serialization.BestAvailableEncryption(PASSWORD.encode()))
    return cert, p12


@pytest.fixture
def p12_file(certificate, tmp_path, settings):
    path = tmp_path / "ppid.p12"
    path.write_bytes(certificate[1])
    settings.WARTA_SIGNING_P12, settings.WARTA_SIGNING_P12_PASSWORD = str(path), PASSWORD
    return path


def _approved_edition(staff):
    _published_entry(staff)
    edition = propose_edition(staff["ppid"], title="Daftar Informasi Publik Semester II 2026", now=wib(24, 9))
    return approve_edition(staff["atasan"], edition, now=wib(24, 10))


def _set(staff, edition):
    return set_edition(staff["ppid"], edition, decree_number="188.4/021/BPMP.BKL/2026", decree_date=date(2026, 11, 25),
                       now=wib(25, 9))


def _validate(data: bytes, cert):
    trust = ValidationContext(trust_roots=[asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))])
    return validate_pdf_signature(PdfFileReader(BytesIO(data)).embedded_signatures[0], trust)


def test_a_configured_certificate_signs_the_edition_pdf(staff, p12_file, certificate):
    edition = _set(staff, _approved_edition(staff))
    data = edition.pdf.read()
    status = _validate(data, certificate[0])
    assert status.intact and status.valid and status.trusted
    assert "PPID BPMP Provinsi Bengkulu" in edition.signed_by
    assert edition.pdf_sha256 == hashlib.sha256(data).hexdigest()
    record = AuditRecord.objects.get(action="registry.edition.set")
    assert record.after["pdf_sha256"] == edition.pdf_sha256 and record.after["signed_by"] == edition.signed_by

    tampered = bytearray(data)
    tampered[200] ^= 1  # one bit of the signed content
    assert not _validate(bytes(tampered), certificate[0]).intact


def test_without_a_certificate_the_edition_is_set_unsigned_and_says_so(staff, client):
    edition = _set(staff, _approved_edition(staff))
    assert edition.signed_by == "" and not PdfFileReader(BytesIO(edition.pdf.read())).embedded_signatures
    assert edition.pdf_sha256 == hashlib.sha256(edition.pdf.open("rb").read()).hexdigest()
    html = client.get("/dip/").content.decode()
    assert "PDF edisi resmi (SK 188.4/021/BPMP.BKL/2026)" in html and edition.pdf_sha256 in html
    assert "bertanda tangan elektronik" not in html
    catalogue = client.get("/api/dcat.json").content.decode()
    assert "DIP edisi resmi (PDF)" in catalogue and "bertanda tangan" not in catalogue


def test_a_signed_edition_is_labelled_on_the_portal_and_in_the_api(staff, p12_file, client):
    edition = _set(staff, _approved_edition(staff))
    html = client.get("/dip/").content.decode()
    assert "PDF bertanda tangan elektronik (SK 188.4/021/BPMP.BKL/2026)" in html
    assert edition.signed_by in html and edition.pdf_sha256 in html
    data = client.get(f"/api/v1/editions/{edition.pk}").json()
    assert data["signed_by"] == edition.signed_by and data["pdf_sha256"] == edition.pdf_sha256
    catalogue = client.get("/api/dcat.json").content.decode()
    assert "DIP bertanda tangan elektronik (PDF)" in catalogue
    assert "DIP bertanda tangan elektronik terbaru (PDF)" in catalogue


@pytest.mark.parametrize("problem", ["missing", "wrong-password"])
def test_an_unusable_certificate_refuses_the_decree_and_keeps_the_approval(staff, p12_file, settings, problem):
    if problem == "missing":
        p12_file.unlink()
    else:
        settings.WARTA_SIGNING_P12_PASSWORD = "bukan-sandinya"
    edition = _approved_edition(staff)
    with pytest.raises(ServiceError) as refused:
        _set(staff, edition)
    assert refused.value.code == "registry.signing_certificate_unusable"
    assert "WARTA_SIGNING_P12" in refused.value.message
    edition.refresh_from_db()
    assert edition.status == EditionStatus.APPROVED and not edition.pdf
