"""The electronic signature of a DIP edition's PDF (PAdES baseline B-B), made with the office's certificate.

The certificate is a PKCS#12 file (for instance one issued by BSrE) named by ``WARTA_SIGNING_P12``, its password in
``WARTA_SIGNING_P12_PASSWORD``. Without one, editions are set unsigned and say so; with one that cannot be used,
setting the edition is refused with a clear message rather than publishing an unsigned PDF unnoticed.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.conf import settings
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers

from . import errors

FIELD_NAME = "TandaTanganPPID"


@dataclass(frozen=True)
class SignedPdf:
    data: bytes
    signer: str  # the certificate's subject, as people read it


def signing_configured() -> bool:
    return bool(settings.WARTA_SIGNING_P12)


def _signer() -> signers.SimpleSigner:
    path = Path(settings.WARTA_SIGNING_P12)
    if not path.is_file():
        raise errors.SIGNING_CERTIFICATE_UNUSABLE.error(problem=f"berkas {path} tidak ada")
    password = settings.WARTA_SIGNING_P12_PASSWORD.encode() or None
    try:
        signer = signers.SimpleSigner.load_pkcs12(pfx_file=str(path), passphrase=password)
    except (ValueError, OSError) as error:
        raise errors.SIGNING_CERTIFICATE_UNUSABLE.error(problem=str(error) or type(error).__name__) from error
    if signer is None:  # pyHanko logs and returns None for a wrong password or a file without a key
        raise errors.SIGNING_CERTIFICATE_UNUSABLE.error(problem="kata sandi salah atau berkas tanpa kunci privat")
    return signer


def sign_pdf(pdf: bytes, *, reason: str, location: str) -> SignedPdf:
    signer = _signer()
    metadata = signers.PdfSignatureMetadata(field_name=FIELD_NAME, reason=reason, location=location)
    signed = signers.sign_pdf(IncrementalPdfFileWriter(BytesIO(pdf)), metadata, signer=signer)
    return SignedPdf(signed.getvalue(), signer.signing_cert.subject.human_friendly)
