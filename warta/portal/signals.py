"""Receivers that keep the portal's search index in step with public content.

They run inside the publishing service's transaction, so the index changes exactly when the public copy does
and rolls back with it.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from warta.announcements.models import Announcement
from warta.documents.models import Document
from warta.registry.models import PublicEntry

from .search.indexing import index_announcement, index_entry

M2M_ACTIONS = {"post_add", "post_remove", "post_clear"}


def public_entry_changed(sender, instance, **kwargs):
    index_entry(instance.entry_id)


def public_entry_documents_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in M2M_ACTIONS:
        return
    if reverse:  # document.public_entries.add(...): instance is the Document
        entry_ids = PublicEntry.objects.filter(pk__in=pk_set or []).values_list("entry_id", flat=True)
        for entry_id in entry_ids:
            index_entry(entry_id)
    else:
        index_entry(instance.entry_id)


def announcement_saved(sender, instance, **kwargs):
    index_announcement(instance.pk)


def announcement_documents_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in M2M_ACTIONS:
        return
    for pk in (pk_set or []) if reverse else [instance.pk]:
        index_announcement(pk)


def document_saved(sender, instance, created, **kwargs):
    """A public document's text or review status changed (OCR finished, file replaced): index it again."""
    if created:
        return
    entry_ids = list(PublicEntry.objects.filter(documents=instance).values_list("entry_id", flat=True))
    announcement_ids = list(Announcement.objects.filter(documents=instance).values_list("pk", flat=True))
    for entry_id in entry_ids:
        index_entry(entry_id)
    for pk in announcement_ids:
        index_announcement(pk)


def connect() -> None:
    post_save.connect(public_entry_changed, sender=PublicEntry, dispatch_uid="portal.public_entry_saved")
    post_delete.connect(public_entry_changed, sender=PublicEntry, dispatch_uid="portal.public_entry_deleted")
    m2m_changed.connect(public_entry_documents_changed, sender=PublicEntry.documents.through,
                        dispatch_uid="portal.public_entry_documents")
    post_save.connect(announcement_saved, sender=Announcement, dispatch_uid="portal.announcement_saved")
    post_delete.connect(announcement_saved, sender=Announcement, dispatch_uid="portal.announcement_deleted")
    m2m_changed.connect(announcement_documents_changed, sender=Announcement.documents.through,
                        dispatch_uid="portal.announcement_documents")
    post_save.connect(document_saved, sender=Document, dispatch_uid="portal.document_saved")
