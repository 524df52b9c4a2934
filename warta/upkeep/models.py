"""Step 5 of the POS, "Melakukan pemeliharaan situs dan keamanannya secara rutin": checklists and a routine schedule.

A round of maintenance is a checklist. It belongs to a run's maintenance step (measured against the POS standard
like any step), or it is a routine round the unit does on its schedule between runs.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from warta.accounts.models import Unit, unit_scope


class CheckItem(models.TextChoices):
    """What a maintenance round checks, in the order it is done."""

    LINKS = "tautan", _("Semua tautan di situs berfungsi")
    DOWNLOADS = "unduhan", _("Semua dokumen dapat diunduh")
    TLS = "tls", _("Sertifikat SSL/TLS situs sah dan belum kedaluwarsa")
    BACKUP = "cadangan", _("Pencadangan data terakhir berhasil dan dapat dipulihkan")
    SOFTWARE = "perangkat-lunak", _("Perangkat lunak situs sudah diperbarui")
    DIP_CURRENT = "dip", _("Daftar Informasi Publik di situs mutakhir")


class Schedule(models.Model):
    """How often a unit does routine maintenance, and when the next round is due."""

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="maintenance_schedule")
    every_days = models.PositiveSmallIntegerField(_("setiap (hari)"), default=7)
    next_due = models.DateField(_("jatuh tempo berikutnya"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    updated_at = models.DateTimeField(_("diubah"), default=timezone.now)

    class Meta:
        verbose_name = _("jadwal pemeliharaan situs")
        verbose_name_plural = _("jadwal pemeliharaan situs")

    def __str__(self):
        return f"{self.unit}: setiap {self.every_days} hari"

    @property
    def audit_scope(self) -> tuple[int | None, int | None]:
        return unit_scope(self.unit)


class Round(models.Model):
    """One maintenance round: a run's step 5, or a routine round."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="maintenance_rounds")
    run = models.ForeignKey("pos.Run", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                            verbose_name=_("disposisi"))
    step_run = models.OneToOneField("pos.StepRun", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="maintenance_round")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(_("mulai"))
    finished_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("putaran pemeliharaan")
        verbose_name_plural = _("putaran pemeliharaan")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"Pemeliharaan {self.unit} {self.started_at:%Y-%m-%d}"

    @property
    def audit_scope(self) -> tuple[int | None, int | None]:
        return unit_scope(self.unit)

    @property
    def is_routine(self) -> bool:
        return self.run_id is None


class Check(models.Model):
    """One ticked (or not yet ticked) item of a round, with what was found or done."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="checks")
    item = models.CharField(_("butir"), max_length=20, choices=CheckItem.choices)
    done = models.BooleanField(_("sudah diperiksa"), default=False)
    note = models.CharField(_("catatan"), max_length=500, blank=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    checked_at = models.DateTimeField(_("diperiksa pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("butir pemeliharaan")
        verbose_name_plural = _("butir pemeliharaan")
        constraints = [models.UniqueConstraint(fields=["round", "item"], name="unique_round_item")]

    def __str__(self):
        return self.get_item_display()
