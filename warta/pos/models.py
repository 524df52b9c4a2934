"""The procedure engine's data: procedures as versioned data, runs, step runs, queue claims, breaches and
delegation letters.

A procedure (POS) is loaded from a data file; each change to the file makes a new version, and a run keeps
the version it started with. A run is one pass through the steps, started by the PPID's disposition.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from warta.accounts.models import Role, Unit, unit_scope


class ProcedureQuerySet(models.QuerySet):
    def in_force(self):
        """The newest version of each procedure."""
        return self.filter(is_current=True).order_by("code")


class Procedure(models.Model):
    code = models.CharField(_("nomor POS"), max_length=80)
    name = models.CharField(_("nama POS"), max_length=200)
    version = models.PositiveIntegerField(_("versi"))
    content_hash = models.CharField(_("sidik isi (SHA-256)"), max_length=64)
    source_name = models.CharField(_("berkas sumber"), max_length=200)
    source_text = models.TextField(_("isi berkas sumber"))
    data = models.JSONField(_("isi POS"))
    is_current = models.BooleanField(_("berlaku"), default=True)
    loaded_at = models.DateTimeField(_("dimuat pada"), auto_now_add=True)

    objects = ProcedureQuerySet.as_manager()

    class Meta:
        verbose_name = _("prosedur operasional standar")
        verbose_name_plural = _("prosedur operasional standar")
        ordering = ["code", "-version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="unique_procedure_version")]

    def __str__(self):
        return f"{self.code} {self.name} (versi {self.version})"

    def qualification_codes(self) -> set[str]:
        return {item["code"] for item in self.data.get("qualifications", [])}

    def qualification_text(self, code: str) -> str:
        return next((q["text"] for q in self.data.get("qualifications", []) if q["code"] == code), code)


class StepDefinition(models.Model):
    """One row of the POS table: activity, executing role and the quality standard (mutu baku)."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField(_("nomor"))
    activity = models.CharField(_("kegiatan"), max_length=300)
    role = models.CharField(_("pelaksana"), max_length=20, choices=Role.choices)
    kelengkapan = models.CharField(_("kelengkapan"), max_length=300)
    inputs = models.JSONField(_("kelengkapan yang diperiksa"), default=list)
    standard_minutes = models.PositiveIntegerField(_("waktu baku (menit kerja)"))
    standard_label = models.CharField(_("waktu baku"), max_length=40)
    output = models.CharField(_("output"), max_length=300)
    note = models.CharField(_("keterangan"), max_length=300, blank=True)
    is_verification = models.BooleanField(_("langkah verifikasi"), default=False)
    returns_to = models.PositiveSmallIntegerField(_("dikembalikan ke langkah"), null=True, blank=True)

    class Meta:
        verbose_name = _("langkah POS")
        verbose_name_plural = _("langkah POS")
        ordering = ["procedure", "number"]
        constraints = [models.UniqueConstraint(fields=["procedure", "number"], name="unique_step_number")]

    def __str__(self):
        return f"{self.number}. {self.activity}"

    @property
    def standard_seconds(self) -> int:
        return self.standard_minutes * 60

    def input_label(self, key: str) -> str:
        return next((item["label"] for item in self.inputs if item["key"] == key), key)


class RunStatus(models.TextChoices):
    ACTIVE = "berjalan", _("Berjalan")
    DONE = "selesai", _("Selesai")
    CANCELLED = "dibatalkan", _("Dibatalkan")


class RunQuerySet(models.QuerySet):
    def for_user(self, user):
        """Runs a user may see: those of their own unit (oversight roles see the whole office)."""
        if not user.is_authenticated:
            return self.none()
        if user.has_role(Role.ATASAN) or user.has_role(Role.ADMIN):
            return self.filter(unit__office_id=user.unit.office_id) if user.unit_id else self.none()
        return self.filter(unit_id=user.unit_id) if user.unit_id else self.none()


class Run(models.Model):
    """One pass through a procedure, started by the PPID's disposition (step 1)."""

    procedure = models.ForeignKey(Procedure, on_delete=models.PROTECT, related_name="runs")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="runs")
    number = models.CharField(_("nomor disposisi"), max_length=40, unique=True)
    title = models.CharField(_("perihal"), max_length=300)
    instructions = models.TextField(_("isi disposisi"))
    urgent = models.BooleanField(
        _("jalur segera (serta merta)"), default=False,
        help_text=_("Informasi serta merta: semua langkah dikerjakan sekaligus tanpa antre."),
    )
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    addressee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("kepada")
    )
    verifier = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True,
        verbose_name=_("penelaah"),
    )
    status = models.CharField(_("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.ACTIVE)
    started_at = models.DateTimeField(_("dimulai"))
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    return_count = models.PositiveIntegerField(_("jumlah pengembalian"), default=0)

    objects = RunQuerySet.as_manager()

    class Meta:
        verbose_name = _("pelaksanaan POS")
        verbose_name_plural = _("pelaksanaan POS")
        ordering = ["-urgent", "-started_at"]

    def __str__(self):
        return f"{self.number} {self.title}"

    @property
    def audit_scope(self) -> tuple[int | None, int | None]:
        return unit_scope(self.unit)

    def current_step(self) -> "StepRun | None":
        return self.step_runs.filter(status=StepStatus.ACTIVE).select_related("step").first()

    def unexplained_breaches(self):
        return Breach.objects.filter(step_run__run=self, explained_at__isnull=True)


class PlanItem(models.Model):
    """One line of the Rencana Pengembangan Informasi attached to a disposition."""

    class Action(models.TextChoices):
        CREATE = "baru", _("Informasi baru")
        UPDATE = "mutakhirkan", _("Pemutakhiran")

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="plan_items")
    title = models.CharField(_("informasi"), max_length=300)
    action = models.CharField(_("jenis"), max_length=20, choices=Action.choices, default=Action.CREATE)
    target_date = models.DateField(_("target selesai"))
    reference = models.CharField(_("rujukan di daftar informasi"), max_length=80, blank=True)
    note = models.CharField(_("catatan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("butir rencana pengembangan informasi")
        verbose_name_plural = _("rencana pengembangan informasi")
        ordering = ["target_date", "pk"]

    def __str__(self):
        return self.title


class StepStatus(models.TextChoices):
    ACTIVE = "aktif", _("Sedang dikerjakan")
    DONE = "selesai", _("Selesai")
    RETURNED = "dikembalikan", _("Dikembalikan")


class StepRun(models.Model):
    """One attempt at one step of a run. A return from verification opens a new attempt of the step."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="step_runs")
    step = models.ForeignKey(StepDefinition, on_delete=models.PROTECT, related_name="+")
    attempt = models.PositiveSmallIntegerField(_("percobaan ke"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=StepStatus.choices, default=StepStatus.ACTIVE)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("pelaksana"),
    )
    started_at = models.DateTimeField(_("mulai"))
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    working_seconds = models.PositiveIntegerField(_("waktu kerja terpakai (detik)"), null=True, blank=True)
    inputs_checked = models.JSONField(_("kelengkapan saat selesai"), default=dict, blank=True)
    output_note = models.TextField(_("output"), blank=True)
    return_reason = models.TextField(_("alasan pengembalian"), blank=True)
    warned_at = models.DateTimeField(_("diperingatkan hampir terlambat"), null=True, blank=True)
    overdue_at = models.DateTimeField(_("ditandai terlambat"), null=True, blank=True)

    class Meta:
        verbose_name = _("langkah yang dijalankan")
        verbose_name_plural = _("langkah yang dijalankan")
        ordering = ["run", "started_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["run"], condition=models.Q(status="aktif"), name="one_active_step_per_run"
            )
        ]

    def __str__(self):
        return f"{self.run.number} langkah {self.step.number} ({self.attempt})"

    @property
    def audit_scope(self) -> tuple[int | None, int | None]:
        return self.run.audit_scope


class StepClaim(models.Model):
    """A step waiting in a role's shared queue that one holder took ("Ambil tugas ini").

    Until the step finishes (when the engine names its executor) the claim keeps the other holders off it; the
    row stays afterwards as a record of who took it.
    """

    step_run = models.OneToOneField(StepRun, on_delete=models.CASCADE, related_name="claim")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    claimed_at = models.DateTimeField(_("diambil pada"))

    class Meta:
        verbose_name = _("tugas yang diambil")
        verbose_name_plural = _("tugas yang diambil")

    def __str__(self):
        return f"{self.step_run} — {self.user}"


class StepInput(models.Model):
    """A kelengkapan item recorded by hand for a run (when no domain app checks it on its own)."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="inputs")
    key = models.SlugField(_("kelengkapan"), max_length=60)
    reference = models.CharField(_("rujukan"), max_length=300, blank=True)
    note = models.TextField(_("catatan"), blank=True)
    provided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    provided_at = models.DateTimeField(_("dicatat pada"))

    class Meta:
        verbose_name = _("kelengkapan tercatat")
        verbose_name_plural = _("kelengkapan tercatat")
        ordering = ["provided_at"]

    def __str__(self):
        return self.key

    @property
    def audit_scope(self) -> tuple[int | None, int | None]:
        return self.run.audit_scope


class BreachKind(models.TextChoices):
    OVERTIME = "waktu", _("Melewati waktu baku")
    MISSING_INPUT = "kelengkapan", _("Kelengkapan tidak lengkap")
    RETURNED = "output", _("Output dikembalikan pada verifikasi")


class Breach(models.Model):
    """A deviation from the standard (POS 'Peringatan' 2): it stays on record with the executor's explanation."""

    step_run = models.ForeignKey(StepRun, on_delete=models.CASCADE, related_name="breaches")
    kind = models.CharField(_("jenis penyimpangan"), max_length=20, choices=BreachKind.choices)
    detail = models.TextField(_("rincian"))
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("pelaksana")
    )
    detected_at = models.DateTimeField(_("tercatat pada"))
    explanation = models.TextField(_("penjelasan penyimpangan"), blank=True)
    explained_at = models.DateTimeField(_("dijelaskan pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("penyimpangan")
        verbose_name_plural = _("penyimpangan")
        ordering = ["detected_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.step_run}"

    @property
    def audit_scope(self) -> tuple[int | None, int | None]:
        return self.step_run.audit_scope


class AssignmentLetter(models.Model):
    """Surat penugasan: an unavailable executor hands a step to another (POS 'Peringatan' 1)."""

    number = models.CharField(_("nomor surat"), max_length=80, unique=True)
    issued_on = models.DateField(_("tanggal"))
    step_run = models.ForeignKey(StepRun, on_delete=models.PROTECT, related_name="letters")
    from_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("dari")
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("kepada")
    )
    reason = models.TextField(_("alasan berhalangan"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    missing_qualifications = models.JSONField(_("kualifikasi yang belum dimiliki"), default=list, blank=True)
    pdf = models.FileField(_("berkas surat (PDF)"), upload_to="surat-penugasan/%Y/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("surat penugasan")
        verbose_name_plural = _("surat penugasan")
        ordering = ["-issued_on", "-pk"]

    def __str__(self):
        return self.number
