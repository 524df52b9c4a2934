"""The append-only, hash-chained audit log: every action, who did it, when, on what, before and after, and the
office and unit it belongs to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from warta.accounts.models import Role


class AppendOnlyError(Exception):
    pass


class AuditRecordQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("audit records are never changed")

    def delete(self):
        raise AppendOnlyError("audit records are never deleted")

    def for_object(self, obj):
        return self.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))

    def visible_to(self, user):
        """Administrators see the whole deployment, records without an office included; the Atasan PPID sees
        their office; every other role only their own unit's records."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_administrator:
            return self
        if not user.unit_id:
            return self.none()
        office_wide = self.filter(office_id=user.unit.office_id)
        return office_wide if user.has_role(Role.ATASAN) else office_wide.filter(unit_id=user.unit_id)


class AuditRecord(models.Model):
    """One action. ``record_hash`` covers this record's content and the previous record's hash.

    ``version`` says what the hash covers: 1 for records written before offices and units were recorded (their
    office and unit, filled in afterwards from the subject, are outside the hash), 2 when they are inside it.
    """

    at = models.DateTimeField(_("waktu"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(_("pelaku"), max_length=200)
    action = models.CharField(_("tindakan"), max_length=80, db_index=True)
    object_type = models.CharField(_("jenis objek"), max_length=80)
    object_id = models.CharField(_("ID objek"), max_length=64)
    object_label = models.CharField(_("objek"), max_length=300, blank=True)
    before = models.JSONField(_("sebelum"), null=True, blank=True)
    after = models.JSONField(_("sesudah"), null=True, blank=True)
    office = models.ForeignKey(
        "accounts.Office", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("kantor")
    )
    unit = models.ForeignKey(
        "accounts.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    version = models.PositiveSmallIntegerField(_("versi isi yang disidik"))
    prev_hash = models.CharField(max_length=64)
    record_hash = models.CharField(max_length=64, unique=True)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("catatan audit")
        verbose_name_plural = _("jejak audit")
        ordering = ["pk"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"#{self.pk} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("audit records are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit records are never deleted")


class ChainHead(models.Model):
    """A single row locked while appending, so concurrent writers extend the chain one at a time."""

    last_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("ujung rantai audit")

    def __str__(self):
        return self.last_hash
