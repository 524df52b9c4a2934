"""The API's one table: the durable half of the public content version (``warta.api.public_state``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicChange(models.Model):
    """A single row counting changes to what the public can see, and when the last one happened.

    Bumped in the same transaction as the change (so every process and every cache agrees once it commits),
    it covers what the counts and dates of published rows cannot show: a withdrawal, an office's new name.
    """

    SINGLETON = 1

    changes = models.PositiveBigIntegerField(_("jumlah perubahan"), default=0)
    changed_at = models.DateTimeField(_("perubahan terakhir"), null=True, blank=True)

    class Meta:
        verbose_name = _("versi konten publik")
        verbose_name_plural = _("versi konten publik")

    def __str__(self):
        return f"{self.changes} @ {self.changed_at}"
