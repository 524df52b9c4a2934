"""Files handed in as material: what they are (by content), their text, and what a scan found in them.

Rows change only through ``warta.documents.services``; the register decides whether a document is public.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import names
from .errors import describe_text_problem


def document_path(instance, filename):
    """dokumen/2026/05/14/<safe-name>.pdf — the date of upload, a name that is safe on any storage."""
    return f"dokumen/{timezone.now():%Y/%m/%d}/{names.storage_name(filename)}"


def ocr_path(instance, filename):
    return f"dokumen/ocr/{timezone.now():%Y/%m/%d}/{names.storage_name(filename)}"


class TextStatus(models.TextChoices):
    PENDING = "pending", _("menunggu dibaca")
    DONE = "done", _("teks terbaca")
    OCR_NEEDED = "ocr-needed", _("perlu OCR")
    OCR_RUNNING = "ocr-running", _("OCR berjalan")
    OCR_DONE = "ocr-done", _("teks terbaca dengan OCR")
    FAILED = "failed", _("gagal dibaca")


class PIIStatus(models.TextChoices):
    NOT_SCANNED = "not-scanned", _("belum diperiksa")
    CLEAN = "clean", _("tidak ada data pribadi")
    FINDINGS = "findings", _("ada temuan data pribadi")
    CLEARED = "cleared", _("semua temuan dinyatakan aman")


class MalwareStatus(models.TextChoices):
    SKIPPED = "skipped", _("tidak dipindai (pemindaian virus mati)")
    CLEAN = "clean", _("bersih dari virus")


class FileFields(models.Model):
    """What describes one stored file: shared by a document (its newest file) and each of its versions."""

    file = models.FileField(_("berkas"), upload_to=document_path, max_length=255)
    original_name = models.CharField(_("nama berkas asli"), max_length=255)
    media_type = models.CharField(
        _("jenis isi"), max_length=120, help_text=_("Ditentukan dari isi berkas, bukan dari namanya.")
    )
    size = models.PositiveBigIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(_("sidik SHA-256"), max_length=64, db_index=True)
    page_count = models.PositiveIntegerField(_("jumlah halaman"), null=True, blank=True)
    text = models.TextField(
        _("teks"), blank=True, help_text=_("Teks untuk pencarian; halaman PDF dipisah karakter form feed.")
    )
    ocr_file = models.FileField(
        _("PDF hasil OCR"),
        upload_to=ocr_path,
        max_length=255,
        blank=True,
        help_text=_("Salinan yang dapat dicari; berkas asli tidak diubah."),
    )

    class Meta:
        abstract = True


FILE_FIELDS = [field.name for field in FileFields._meta.local_fields]


class Document(FileFields):
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="uploaded_documents",
        verbose_name=_("diunggah oleh"),
    )
    uploaded_at = models.DateTimeField(_("diunggah pada"), default=timezone.now)

    text_status = models.CharField(
        _("status teks"), max_length=20, choices=TextStatus.choices, default=TextStatus.PENDING
    )
    text_problem = models.CharField(_("masalah baca teks"), max_length=60, blank=True)  # errors.TEXT_PROBLEMS
    text_problem_values = models.JSONField(_("isian masalah baca teks"), default=dict, blank=True)
    text_error = models.TextField(_("keterangan kegagalan baca"), blank=True)  # the problem in the site's language
    has_text_layer = models.BooleanField(
        _("semua halaman berteks"),
        null=True,
        blank=True,
        help_text=_("Kosong sampai berkas dibaca; tidak jika ada halaman hasil pindai tanpa teks."),
    )
    ocr_applied = models.BooleanField(_("OCR diterapkan"), default=False)

    pii_status = models.CharField(
        _("pemeriksaan data pribadi"), max_length=20, choices=PIIStatus.choices, default=PIIStatus.NOT_SCANNED
    )
    pii_scanned_at = models.DateTimeField(_("diperiksa pada"), null=True, blank=True)

    malware_status = models.CharField(_("pemindaian virus"), max_length=20, choices=MalwareStatus.choices)
    malware_scanner = models.CharField(_("pemindai virus"), max_length=200, blank=True)
    malware_scanned_at = models.DateTimeField(_("dipindai pada"), null=True, blank=True)
    version = models.PositiveIntegerField(
        _("versi berkas"), default=1, help_text=_("Nomor versi berkas yang sedang dikerjakan (yang terbaru).")
    )

    class Meta:
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.original_name

    @property
    def audit_scope(self) -> tuple[int | None, int | None]:
        return self.uploaded_by.audit_scope if self.uploaded_by_id else (None, None)

    @property
    def text_finished(self) -> bool:
        return self.text_status in {TextStatus.DONE, TextStatus.OCR_DONE}

    @property
    def pages(self) -> list[str]:
        """The text page by page (PDFs and OCR results); other formats give one element."""
        return self.text.split("\f")

    @property
    def text_problem_message(self) -> str:
        """Why the text could not be read, or not all of it, in the reader's language ("" when nothing is wrong);
        a document read before problems had codes keeps its stored words."""
        return describe_text_problem(self.text_problem, self.text_problem_values) or self.text_error

    def findings_open(self):
        return self.pii_findings.filter(cleared_at__isnull=True)


class DocumentVersionQuerySet(models.QuerySet):
    def published(self, at=None):
        """Verified versions whose publication time has come (by ``at``, default now)."""
        return self.filter(verified_at__isnull=False, published_at__lte=at or timezone.now())

    def newest_published(self, at=None):
        """Of each document, the newest published version: the file the public gets."""
        at = at or timezone.now()
        newer = DocumentVersion.objects.published(at).filter(
            document_id=OuterRef("document_id"), number__gt=OuterRef("number")
        )
        return self.published(at).exclude(Exists(newer))


class DocumentVersion(FileFields):
    """One file a document has had. Replacing the file adds a version; the public gets the newest version that
    was verified and published through the procedure, so a new file never reaches it before its review.

    The document row describes its newest version (the working copy staff review); a version keeps what the
    public needs of its own file: the file, its OCR copy, its description and its text for search.
    """

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versi"))
    ocr_size = models.PositiveBigIntegerField(_("ukuran PDF hasil OCR (bita)"), null=True, blank=True)
    ocr_sha256 = models.CharField(_("sidik SHA-256 PDF hasil OCR"), max_length=64, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("diunggah oleh"),
    )
    uploaded_at = models.DateTimeField(_("diunggah pada"), default=timezone.now)
    verified_at = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("diverifikasi oleh"),
    )
    published_at = models.DateTimeField(_("terbit pada"), null=True, blank=True)

    objects = DocumentVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("versi dokumen")
        verbose_name_plural = _("versi dokumen")
        ordering = ["document_id", "-number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="unique_document_version")]
        indexes = [models.Index(fields=["document", "published_at"])]

    def __str__(self):
        return f"{self.original_name} (versi {self.number})"

    @property
    def has_searchable_copy(self) -> bool:
        """OCR made a searchable PDF of this file (its hash is known, so it can be served and checked)."""
        return bool(self.ocr_file and self.ocr_sha256)

    @property
    def state_label(self) -> str:
        if self.published_at is not None:
            if self.published_at > timezone.now():
                return _("dijadwalkan terbit")
            return _("terbit")
        return _("terverifikasi") if self.verified_at is not None else _("belum diverifikasi")


class FindingKind(models.TextChoices):
    NIK = "nik", _("NIK")
    NIP = "nip", _("NIP")
    NPWP = "npwp", _("NPWP")
    PHONE = "phone", _("nomor telepon seluler")
    EMAIL = "email", _("alamat surel")
    BANK_ACCOUNT = "bank-account", _("nomor rekening bank")
    CLASSIFICATION = "classification", _("tanda klasifikasi rahasia")


class PIIFinding(models.Model):
    """One place where the scan saw personal data or a secrecy mark. Never holds the full value."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="pii_findings")
    kind = models.CharField(_("jenis temuan"), max_length=20, choices=FindingKind.choices)
    page = models.PositiveIntegerField(_("halaman"), null=True, blank=True)
    masked_value = models.CharField(_("nilai tersamar"), max_length=120)
    snippet = models.CharField(_("cuplikan tersamar"), max_length=300)
    found_at = models.DateTimeField(_("ditemukan pada"), default=timezone.now)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dinyatakan aman oleh"),
    )
    cleared_at = models.DateTimeField(_("dinyatakan aman pada"), null=True, blank=True)
    cleared_note = models.TextField(_("alasan aman diumumkan"), blank=True)

    class Meta:
        verbose_name = _("temuan data pribadi")
        verbose_name_plural = _("temuan data pribadi")
        ordering = ["document", "page", "pk"]

    def __str__(self):
        where = _(", hlm. %(page)s") % {"page": self.page} if self.page else ""
        return f"{self.get_kind_display()} {self.masked_value}{where}"

    @property
    def is_open(self) -> bool:
        return self.cleared_at is None
