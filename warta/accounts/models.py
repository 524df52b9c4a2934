"""Offices, their units, staff users, the roles they hold and the POS qualifications they have."""

from datetime import time

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from warta.core.formats import zone_abbreviation


class Role(models.TextChoices):
    """Roles named by the POS (its 'Pelaksana' columns) plus oversight and administration."""

    PPID = "ppid", _("PPID")
    PENGOLAH = "pengolah", _("Pengolah Data dan Informasi")
    PENELAAH = "penelaah", _("Penelaah Teknis Kebijakan")
    ATASAN = "atasan", _("Atasan PPID")
    ADMIN = "admin", _("Administrator")


def _default_hours(index: int) -> time:
    start, end = settings.WARTA_OFFICE_HOURS.split("-")
    hour, minute = (int(part) for part in (start, end)[index].split(":"))
    return time(hour, minute)


def default_work_start() -> time:
    return _default_hours(0)


def default_work_end() -> time:
    return _default_hours(1)


def default_work_days() -> str:
    return settings.WARTA_WORK_DAYS


def default_time_zone() -> str:
    return settings.TIME_ZONE


def unit_scope(unit) -> tuple[int | None, int | None]:
    """The (office, unit) an audit record about something of this unit belongs to; (None, None) without a unit.

    Models the audit log writes about answer ``audit_scope`` with this (docs/decisions.md, "Audit records carry
    their office and unit"); a subject without it belongs to the whole deployment.
    """
    return (unit.office_id, unit.pk) if unit is not None else (None, None)


class Office(models.Model):
    """A public body: its letterhead, its look and its working calendar."""

    name = models.CharField(_("nama kantor"), max_length=200)
    short_name = models.CharField(_("nama singkat"), max_length=60, blank=True)
    parent_lines = models.TextField(
        _("instansi induk (kop surat)"), blank=True, help_text=_("Satu baris per tingkat, dari yang tertinggi.")
    )
    address = models.TextField(_("alamat"), blank=True)
    city = models.CharField(_("kota (tempat surat)"), max_length=80, blank=True)
    phone = models.CharField(_("telepon"), max_length=60, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    website = models.URLField(_("situs web"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="office/", blank=True)
    accent_color = models.CharField(_("warna aksen"), max_length=7, default="#0b5394")
    time_zone = models.CharField(_("zona waktu"), max_length=40, default=default_time_zone)
    work_start = models.TimeField(_("jam kerja mulai"), default=default_work_start)
    work_end = models.TimeField(_("jam kerja selesai"), default=default_work_end)
    work_days = models.CharField(
        _("hari kerja"),
        max_length=20,
        default=default_work_days,
        help_text=_("Nomor hari ISO dipisah koma: 1 = Senin … 7 = Minggu."),
    )
    holiday_country = models.CharField(_("kalender libur nasional"), max_length=2, default="ID")

    class Meta:
        verbose_name = _("kantor")
        verbose_name_plural = _("kantor")

    def __str__(self):
        return self.name

    @property
    def audit_scope(self) -> tuple[int | None, int | None]:
        """Where audit records about this belong (warta.records): the office itself."""
        return self.pk, None

    @property
    def work_weekdays(self) -> frozenset[int]:
        """ISO weekday numbers (1 = Monday) as Python weekday numbers (0 = Monday)."""
        return frozenset(int(day) - 1 for day in self.work_days.split(",") if day.strip())

    @property
    def zone_abbreviation(self) -> str:
        return zone_abbreviation(self.time_zone)


class ExtraDayOff(models.Model):
    """A day off beyond the national holiday calendar: cuti bersama, a regional holiday, an office closure."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="extra_days_off")
    date = models.DateField(_("tanggal"))
    description = models.CharField(_("keterangan"), max_length=200)

    class Meta:
        verbose_name = _("hari libur tambahan")
        verbose_name_plural = _("hari libur tambahan")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["office", "date"], name="unique_extra_day_off")]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.description}"


class Unit(models.Model):
    """A unit inside an office (PPID Utama, PPID Pelaksana); runs and staff belong to one."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="units")
    name = models.CharField(_("nama unit"), max_length=200)
    code = models.SlugField(_("kode"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("unit")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def audit_scope(self) -> tuple[int | None, int | None]:
        return unit_scope(self)


class User(AbstractUser):
    full_name = models.CharField(_("nama lengkap"), max_length=200, blank=True)
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="members", verbose_name=_("unit")
    )
    # Every session remembers the epoch it was signed in under; raising it signs the user out everywhere
    # (warta.accounts.middleware). Raised by "Keluar dari semua perangkat", a password change and deactivation.
    session_epoch = models.PositiveIntegerField(_("generasi sesi"), default=0, editable=False)

    objects = UserManager()

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self):
        return self.full_name or self.username

    @property
    def audit_scope(self) -> tuple[int | None, int | None]:
        return unit_scope(self.unit)

    @property
    def display_name(self) -> str:
        return self.full_name or self.get_full_name() or self.username

    def role_set(self) -> set[str]:
        if not hasattr(self, "_role_cache"):
            self._role_cache = set(self.role_grants.values_list("role", flat=True))
        return self._role_cache

    def has_role(self, role: str) -> bool:
        return role in self.role_set()

    def forget_roles(self) -> None:
        """Drop the cached role set after roles change."""
        self.__dict__.pop("_role_cache", None)

    @property
    def is_staff_member(self) -> bool:
        """Staff: flagged as staff or holding any role. Staff pages need a second factor (docs/decisions.md)."""
        return self.is_staff or bool(self.role_set())

    @property
    def is_administrator(self) -> bool:
        return self.is_active and self.has_role(Role.ADMIN)


class RoleGrant(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    granted_at = models.DateTimeField(_("diberikan pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("peran pengguna")
        verbose_name_plural = _("peran pengguna")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_role_grant")]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}"


class Qualification(models.Model):
    """An executor qualification from the POS ('Kualifikasi Pelaksana') that a user has shown."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="qualifications")
    code = models.SlugField(_("kode kualifikasi"), max_length=40)
    obtained_on = models.DateField(_("tanggal diperoleh"))
    evidence = models.CharField(_("bukti (pelatihan, sertifikat)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("kualifikasi")
        verbose_name_plural = _("kualifikasi")
        constraints = [models.UniqueConstraint(fields=["user", "code"], name="unique_user_qualification")]

    def __str__(self):
        return f"{self.user} — {self.code}"
