"""Announcements (Pengumuman): news-style notices, drafted, verified and published through a POS run.

A serta-merta announcement (threat to life or public order, UU 14/2008 Ps 10; Perki 1/2021) must state the
danger, who is affected, the evacuation procedure and place, how to avoid it, and where to get help.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from warta.accounts.models import Unit, unit_scope
from warta.registry.models import Category, EntryStatus

SERTA_MERTA_PARTS = {
    "danger": _("Potensi bahaya"),
    "affected": _("Masyarakat atau wilayah yang terdampak"),
    "evacuation": _("Prosedur dan tempat evakuasi"),
    "avoidance": _("Cara menghindari bahaya"),
    "help_contact": _("Tempat meminta bantuan"),
}


class AnnouncementQuerySet(models.QuerySet):
    def public(self):
        """Published, due, and not withdrawn: the only announcements the public site reads."""
        return self.filter(status=EntryStatus.PUBLISHED, published_at__lte=timezone.now())

    def active_urgent(self):
        """Serta-merta announcements still in force, shown first on the home page."""
        now = timezone.now()
        return self.public().filter(category=Category.SERTA_MERTA).filter(
            models.Q(urgent_until__isnull=True) | models.Q(urgent_until__gt=now)
        )


class Announcement(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="announcements")
    run = models.ForeignKey("pos.Run", on_delete=models.PROTECT, related_name="announcements")
    slug = models.SlugField(_("alamat"), max_length=120, unique=True)
    title = models.CharField(_("judul"), max_length=300)
    summary = models.CharField(_("ringkasan"), max_length=500)
    body = models.TextField(_("isi"))
    category = models.CharField(_("kategori"), max_length=20,
                                choices=[c for c in Category.choices if c[0] != Category.DIKECUALIKAN],
                                default=Category.BERKALA)
    danger = models.TextField(SERTA_MERTA_PARTS["danger"], blank=True)
    affected = models.TextField(SERTA_MERTA_PARTS["affected"], blank=True)
    evacuation = models.TextField(SERTA_MERTA_PARTS["evacuation"], blank=True)
    avoidance = models.TextField(SERTA_MERTA_PARTS["avoidance"], blank=True)
    help_contact = models.TextField(SERTA_MERTA_PARTS["help_contact"], blank=True)
    urgent_until = models.DateTimeField(_("ditampilkan di atas sampai"), null=True, blank=True)
    documents = models.ManyToManyField("documents.Document", related_name="announcements", blank=True)
    status = models.CharField(_("status"), max_length=20, choices=EntryStatus.choices, default=EntryStatus.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    updated_at = models.DateTimeField(_("diubah"), default=timezone.now)
    published_at = models.DateTimeField(_("terbit"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("alasan penarikan"), blank=True)

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        verbose_name = _("pengumuman")
        verbose_name_plural = _("pengumuman")
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self):
        return self.title

    @property
    def audit_scope(self) -> tuple[int | None, int | None]:
        return unit_scope(self.unit)
