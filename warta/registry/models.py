"""The information register (Daftar Informasi Publik) and the exemption register (Uji Konsekuensi).

Staff work on ``Entry``, the working copy. Publishing copies it into ``PublicEntry``, the only table the public
portal reads: a draft, a change not yet verified, a withdrawn or an exempt entry has no public row at all.
"""

from django.conf import settings
from django.db import models
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from warta.accounts.models import Unit, unit_scope
from warta.core.errors import join_labels
from warta.core.expressions import Unindexed


class Category(models.TextChoices):
    """UU 14/2008 Ps 9–11 and 17; Perki 1/2021."""

    BERKALA = "berkala", _("Informasi Berkala")
    SERTA_MERTA = "serta-merta", _("Informasi Serta Merta")
    SETIAP_SAAT = "setiap-saat", _("Informasi Tersedia Setiap Saat")
    DIKECUALIKAN = "dikecualikan", _("Informasi yang Dikecualikan")


class EntryStatus(models.TextChoices):
    DRAFT = "konsep", _("Konsep")
    VERIFIED = "terverifikasi", _("Terverifikasi")
    PUBLISHED = "terbit", _("Terbit")
    WITHDRAWN = "ditarik", _("Ditarik")


def form_text(printed: bool, digital: bool) -> str:
    """Column 6 as text in the active language: 'Tercetak dan Terekam/daring'."""
    forms = [label for present, label in ((printed, gettext("Tercetak")), (digital, gettext("Terekam/daring")))
             if present]
    return join_labels(forms) or "-"


class EntryFields(models.Model):
    """The register columns: the seven of Perki 1/2021 Ps 21(2) in their order, then common additions."""

    number = models.PositiveIntegerField(_("nomor"))
    title = models.CharField(_("ringkasan isi informasi"), max_length=500)
    summary = models.TextField(_("uraian"), blank=True)
    holder = models.CharField(_("pejabat atau unit yang menguasai informasi"), max_length=300)
    responsible = models.CharField(_("penanggung jawab pembuatan atau penerbitan informasi"), max_length=300)
    made_when = models.CharField(_("waktu pembuatan informasi"), max_length=120, blank=True)
    made_where = models.CharField(_("tempat pembuatan informasi"), max_length=200, blank=True)
    form_printed = models.BooleanField(_("tersedia tercetak (hardcopy)"), default=False)
    form_digital = models.BooleanField(_("tersedia terekam/daring (softcopy)"), default=True)
    retention = models.CharField(_("jangka waktu penyimpanan atau retensi arsip"), max_length=200, blank=True)
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    year = models.PositiveSmallIntegerField(_("tahun"), null=True, blank=True)
    legal_basis = models.TextField(_("dasar hukum"), blank=True)
    tags = models.JSONField(_("label"), default=list, blank=True)
    links = models.JSONField(_("tautan"), default=list, blank=True)

    class Meta:
        abstract = True

    @property
    def category_label(self):
        """The category's name in the active language; cheaper than ``get_category_display``, which hashes every
        choice on each call (25 rows of the DIP page ask for it)."""
        return Category(self.category).label

    @property
    def form_label(self) -> str:
        return form_text(self.form_printed, self.form_digital)

    @property
    def made_label(self) -> str:
        return ", ".join(part for part in (self.made_when, self.made_where) if part) or "-"


REGISTER_FIELDS = [field.name for field in EntryFields._meta.local_fields]


class EntryQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated or not user.unit_id:
            return self.none()
        return self.filter(unit__office_id=user.unit.office_id)


class Entry(EntryFields):
    """The working copy of a register entry. Every change is a ``Revision``."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="entries")
    status = models.CharField(_("status"), max_length=20, choices=EntryStatus.choices, default=EntryStatus.DRAFT)
    run = models.ForeignKey("pos.Run", on_delete=models.PROTECT, null=True, blank=True, related_name="entries",
                            verbose_name=_("disposisi terakhir"))
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    updated_at = models.DateTimeField(_("diubah"), default=timezone.now)
    verified_at = models.DateTimeField(_("diverifikasi"), null=True, blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    publish_at = models.DateTimeField(_("jadwal terbit"), null=True, blank=True)
    published_at = models.DateTimeField(_("terbit"), null=True, blank=True)
    next_update_due = models.DateField(_("pemutakhiran berikutnya"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("ditarik"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("alasan penarikan"), blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("informasi publik")
        verbose_name_plural = _("daftar informasi publik")
        ordering = ["category", "number", "pk"]
        indexes = [models.Index(fields=["unit", "status"]), models.Index(fields=["run"])]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def audit_scope(self) -> tuple[int | None, int | None]:
        return unit_scope(self.unit)

    def register_values(self) -> dict:
        return {name: getattr(self, name) for name in REGISTER_FIELDS}


class EntryDocument(models.Model):
    """A document attached to an entry (Lampiran)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("documents.Document", on_delete=models.PROTECT, related_name="entry_links")
    label = models.CharField(_("keterangan lampiran"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["entry", "document"], name="unique_entry_document")]

    def __str__(self):
        return self.label or str(self.document)


class Revision(models.Model):
    """One change to an entry: who, when, why, what changed (field: [before, after])."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("revisi ke"))
    at = models.DateTimeField(_("waktu"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+")
    action = models.CharField(_("tindakan"), max_length=40)
    reason = models.TextField(_("alasan"), blank=True)
    changes = models.JSONField(_("perubahan"), default=dict)
    run = models.ForeignKey("pos.Run", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("revisi")
        verbose_name_plural = _("riwayat perubahan")
        ordering = ["entry", "number"]
        constraints = [models.UniqueConstraint(fields=["entry", "number"], name="unique_revision_number")]

    def __str__(self):
        return f"{self.entry} revisi {self.number}"


class PublicEntryQuerySet(models.QuerySet):
    def public(self):
        """What the public may see: published copies, never exempt, never before their scheduled time.

        Nearly every copy is already due, so the time is checked row by row rather than through the published_at
        index (``Unindexed``): the database then reads the register through the index of the order asked for."""
        due = LessThanOrEqual(Unindexed("published_at"), timezone.now())
        return self.exclude(category=Category.DIKECUALIKAN).filter(due)


class PublicEntry(EntryFields):
    """The published copy of an entry. Written only by the publish service; read by the public portal."""

    entry = models.OneToOneField(Entry, on_delete=models.CASCADE, related_name="public_copy")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="public_entries")
    published_at = models.DateTimeField(_("terbit"))
    first_published_at = models.DateTimeField(_("pertama terbit"))
    documents = models.ManyToManyField("documents.Document", related_name="public_entries", blank=True)

    objects = PublicEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("informasi publik terbit")
        verbose_name_plural = _("informasi publik terbit")
        ordering = ["category", "number", "pk"]
        indexes = [
            models.Index(fields=["category", "year"]),
            # The orders public pages and the API read in: the API and feeds by publication (entry_id breaks
            # ties), the DIP by number (all, or one category), newest first.
            models.Index(fields=["published_at", "entry_id"], name="publicentry_published"),
            models.Index(fields=["category", "number", "id"], name="publicentry_category_number"),
            models.Index(fields=["number", "id"], name="publicentry_number"),
            models.Index(fields=["first_published_at", "id"], name="publicentry_first_published"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class EditionStatus(models.TextChoices):
    PROPOSED = "diusulkan", _("Diusulkan")
    APPROVED = "disetujui", _("Disetujui Atasan PPID")
    SET = "ditetapkan", _("Ditetapkan")


class Edition(models.Model):
    """A DIP set by decree (Perki 1/2021 Ps 45): a frozen snapshot of the published register."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="editions")
    title = models.CharField(_("judul"), max_length=300)
    status = models.CharField(_("status"), max_length=20, choices=EditionStatus.choices,
                              default=EditionStatus.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(_("diusulkan"))
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("disetujui oleh"))
    approved_at = models.DateTimeField(_("disetujui"), null=True, blank=True)
    decree_number = models.CharField(_("nomor SK"), max_length=120, blank=True)
    decree_date = models.DateField(_("tanggal SK"), null=True, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+")
    snapshot = models.JSONField(_("isi DIP"), default=list)
    entry_count = models.PositiveIntegerField(_("jumlah informasi"), default=0)
    content_hash = models.CharField(_("sidik isi (SHA-256)"), max_length=64, blank=True)
    next_due = models.DateField(_("pemutakhiran paling lambat"), null=True, blank=True)
    pdf = models.FileField(_("DIP (PDF)"), upload_to="dip/", blank=True)
    pdf_sha256 = models.CharField(_("sidik berkas PDF (SHA-256)"), max_length=64, blank=True)
    signed_by = models.CharField(_("ditandatangani secara elektronik oleh"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("edisi DIP")
        verbose_name_plural = _("edisi DIP")
        ordering = ["-decree_date", "-pk"]

    def __str__(self):
        return self.decree_number or self.title

    @property
    def audit_scope(self) -> tuple[int | None, int | None]:
        return unit_scope(self.unit)


class Ps17Ground(models.TextChoices):
    """UU 14/2008 Pasal 17: grounds for exempting information."""

    A = "a", _("Ps 17 huruf a — menghambat proses penegakan hukum")
    B = "b", _("Ps 17 huruf b — mengganggu perlindungan HAKI dan persaingan usaha sehat")
    C = "c", _("Ps 17 huruf c — membahayakan pertahanan dan keamanan negara")
    D = "d", _("Ps 17 huruf d — mengungkapkan kekayaan alam Indonesia")
    E = "e", _("Ps 17 huruf e — merugikan ketahanan ekonomi nasional")
    F = "f", _("Ps 17 huruf f — merugikan kepentingan hubungan luar negeri")
    G = "g", _("Ps 17 huruf g — isi akta otentik yang bersifat pribadi dan wasiat")
    H = "h", _("Ps 17 huruf h — mengungkap rahasia pribadi")
    I = "i", _("Ps 17 huruf i — memorandum antar/intra badan publik yang dirahasiakan")  # noqa: E741
    J = "j", _("Ps 17 huruf j — tidak boleh diungkapkan berdasarkan undang-undang")


class ExemptionStatus(models.TextChoices):
    ACTIVE = "berlaku", _("Berlaku")
    REVIEW = "ditinjau", _("Perlu ditinjau ulang")
    LIFTED = "dicabut", _("Dicabut (informasi dibuka)")


class ExemptionQuerySet(models.QuerySet):
    def standing(self):
        return self.filter(status__in=[ExemptionStatus.ACTIVE, ExemptionStatus.REVIEW])


class Exemption(models.Model):
    """One exempt item with its consequence test (uji konsekuensi), UU 14/2008 Ps 17 and Ps 19."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="exemptions")
    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, null=True, blank=True, related_name="exemptions",
                              verbose_name=_("informasi di register"))
    information = models.CharField(_("informasi yang dikecualikan (esensi)"), max_length=500)
    content = models.TextField(_("konten informasi"), blank=True)
    grounds = models.JSONField(_("dasar pengecualian UU 14/2008 Ps 17"), default=list, blank=True)
    other_law = models.TextField(_("dasar hukum lain"), blank=True)
    consequence_if_opened = models.TextField(_("akibat bila informasi dibuka"))
    benefit_if_closed = models.TextField(_("manfaat bila informasi ditutup"))
    public_interest = models.TextField(_("pertimbangan kepentingan publik"))
    period = models.CharField(_("jangka waktu pengecualian"), max_length=300)
    expires_on = models.DateField(_("berakhir pada"), null=True, blank=True,
                                  help_text=_("Kosongkan bila pengecualian berlaku tanpa batas waktu."))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("PPID yang memutuskan"))
    place = models.CharField(_("tempat"), max_length=120)
    decided_on = models.DateField(_("tanggal"))
    participants = models.JSONField(_("peserta uji konsekuensi"), default=list)
    status = models.CharField(_("status"), max_length=20, choices=ExemptionStatus.choices,
                              default=ExemptionStatus.ACTIVE)
    reviewed_at = models.DateTimeField(_("ditinjau"), null=True, blank=True)

    objects = ExemptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("informasi yang dikecualikan")
        verbose_name_plural = _("daftar informasi yang dikecualikan")
        ordering = ["-decided_on", "pk"]

    def __str__(self):
        return self.information

    @property
    def audit_scope(self) -> tuple[int | None, int | None]:
        return unit_scope(self.unit)
