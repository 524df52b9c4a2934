"""What the workspace itself keeps: notifications for staff."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .wording import WORDINGS, word


class NotificationKind(models.TextChoices):
    STEP_OPENED = "tugas", _("Tugas baru")
    STEP_RETURNED = "dikembalikan", _("Dikembalikan dari verifikasi")
    DELEGATED = "dialihkan", _("Dialihkan dengan surat penugasan")
    EDITION = "edisi", _("Edisi DIP")
    OTHER = "lain", _("Pemberitahuan")


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One message to one staff member, shown in the workspace and sent by e-mail when mail is configured."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("penerima")
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=NotificationKind.choices, default=NotificationKind.OTHER)
    message = models.CharField(_("pesan"), max_length=40, blank=True)  # a key of wording.WORDINGS
    values = models.JSONField(_("isian pesan"), default=dict, blank=True)
    title = models.CharField(_("judul"), max_length=300)  # in the site's language
    body = models.TextField(_("isi"), blank=True)
    url = models.CharField(_("tautan"), max_length=300, blank=True)
    run = models.ForeignKey(
        "pos.Run", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("disposisi")
    )
    urgent = models.BooleanField(_("segera"), default=False)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("dikirim lewat surel"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("pemberitahuan")
        verbose_name_plural = _("pemberitahuan")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.title

    @property
    def is_unread(self) -> bool:
        return self.read_at is None

    @cached_property
    def worded(self) -> tuple[str, str]:
        """(title, body) in the active language; the stored site-language text when the wording is unknown."""
        if self.message in WORDINGS:
            return word(self.message, self.values)
        return self.title, self.body

    @property
    def shown_title(self) -> str:
        return self.worded[0]

    @property
    def shown_body(self) -> str:
        return self.worded[1]

