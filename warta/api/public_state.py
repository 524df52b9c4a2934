"""What the public content version is made of, and what makes it change.

Sources (``warta.core.public_version.register_source``): counts and latest times of the public register, the
public announcements and the set editions, the next moment a scheduled one falls due, and the ``PublicChange``
counter. Receivers: ``public_content_changed`` (sent by the publishing services after commit) and, as a safety
net in the same transaction, saves and deletes of the models the public pages show.

Registered from ``ApiConfig.ready``: the core may not import domain apps, the API may.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, F, Max, Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from warta.announcements.models import Announcement
from warta.core import public_version
from warta.core.public_version import SourceState
from warta.core.signals import public_content_changed
from warta.registry.models import Category, EditionStatus, EntryStatus, PublicEntry

from .models import PublicChange

# Public pages also show these (names in the header, the procedures page, the staff-written pages, the number of
# standing exemptions on the home page).
PLAIN_MODELS = ("accounts.Office", "accounts.Unit", "pos.Procedure", "portal.Page", "registry.PublicEntry",
                "registry.Exemption")


# --- sources -------------------------------------------------------------------------------------------------


def entries_state(now: datetime) -> SourceState:
    """Two index look-ups on published_at. Deletions (withdrawal, exemption) do not show here: they bump the
    ``PublicChange`` counter through post_delete, in the same transaction."""
    latest = PublicEntry.objects.public().order_by("-published_at").values_list("published_at", flat=True).first()
    upcoming = (PublicEntry.objects.exclude(category=Category.DIKECUALIKAN).filter(published_at__gt=now)
                .order_by("published_at").values_list("published_at", flat=True).first())
    return SourceState(parts=(_iso(latest),), latest=latest, next_change=upcoming)


def announcements_state(now: datetime) -> SourceState:
    published = Announcement.objects.filter(status=EntryStatus.PUBLISHED).exclude(category=Category.DIKECUALIKAN)
    public = published.filter(published_at__lte=now).aggregate(
        count=Count("pk"), latest=Max("published_at"),
        urgent=Count("pk", filter=Q(category=Category.SERTA_MERTA) & (
            Q(urgent_until__isnull=True) | Q(urgent_until__gt=now))),
        urgent_ends=Min("urgent_until", filter=Q(category=Category.SERTA_MERTA, urgent_until__gt=now)),
    )
    upcoming = published.filter(published_at__gt=now).aggregate(next=Min("published_at"))["next"]
    next_change = min((t for t in (upcoming, public["urgent_ends"]) if t), default=None)
    return SourceState(parts=(public["count"], _iso(public["latest"]), public["urgent"]), latest=public["latest"],
                       next_change=next_change)


def editions_state(now: datetime) -> SourceState:
    from warta.registry.models import Edition

    state = Edition.objects.filter(status=EditionStatus.SET).aggregate(count=Count("pk"), top=Max("pk"),
                                                                       latest=Max("approved_at"))
    return SourceState(parts=(state["count"], state["top"]), latest=state["latest"])


def changes_state(now: datetime) -> SourceState:
    row = PublicChange.objects.filter(pk=PublicChange.SINGLETON).values_list("changes", "changed_at").first()
    changes, changed_at = row or (0, None)
    return SourceState(parts=(changes,), latest=changed_at)


def _iso(value: datetime | None) -> str:
    return value.isoformat() if value else ""


# --- what makes it change ------------------------------------------------------------------------------------


def record_change(now: datetime | None = None) -> None:
    """Count one change to public content (in the caller's transaction) and drop the kept version."""
    now = now or timezone.now()
    updated = PublicChange.objects.filter(pk=PublicChange.SINGLETON).update(changes=F("changes") + 1,
                                                                            changed_at=now)
    if not updated:
        PublicChange.objects.get_or_create(pk=PublicChange.SINGLETON, defaults={"changes": 1, "changed_at": now})
    public_version.forget()


def _on_public_change(sender=None, **kwargs) -> None:
    record_change()


def _on_save_or_delete(sender, instance=None, raw=False, **kwargs) -> None:
    if not raw:
        record_change()


def _on_announcement(sender, instance, raw=False, **kwargs) -> None:
    """Drafts are nobody's business; a published or withdrawn one (and any deletion) is."""
    if not raw and (kwargs.get("signal") is post_delete or instance.status != EntryStatus.DRAFT):
        record_change()


def _on_edition(sender, instance, raw=False, **kwargs) -> None:
    if not raw and (kwargs.get("signal") is post_delete or instance.status == EditionStatus.SET):
        record_change()


def _on_documents_linked(sender, action, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        record_change()


def _on_document_saved(sender, instance, raw=False, **kwargs) -> None:
    """A public document's review or metadata changed (e.g. a personal-data finding cleared after publication)."""
    if not raw and (instance.public_entries.exists() or instance.announcements.exists()):
        record_change()


def _on_version_saved(sender, instance, raw=False, **kwargs) -> None:
    """A file version was published: the file behind a public document's URL may have changed."""
    if not raw and instance.published_at is not None:
        record_change()


def connect() -> None:
    for name, source in (("entries", entries_state), ("announcements", announcements_state),
                         ("editions", editions_state), ("changes", changes_state)):
        public_version.register_source(name, source)
    public_content_changed.connect(_on_public_change, dispatch_uid="warta.api.public_change")
    for verb, signal in (("saved", post_save), ("deleted", post_delete)):
        for model in PLAIN_MODELS:
            signal.connect(_on_save_or_delete, sender=model, dispatch_uid=f"warta.api.{model}.{verb}")
        signal.connect(_on_announcement, sender=Announcement, dispatch_uid=f"warta.api.announcement.{verb}")
        signal.connect(_on_edition, sender="registry.Edition", dispatch_uid=f"warta.api.edition.{verb}")
    post_save.connect(_on_document_saved, sender="documents.Document", dispatch_uid="warta.api.document.saved")
    post_save.connect(_on_version_saved, sender="documents.DocumentVersion", dispatch_uid="warta.api.version.saved")
    for through in (PublicEntry.documents.through, Announcement.documents.through):
        m2m_changed.connect(_on_documents_linked, sender=through,
                            dispatch_uid=f"warta.api.{through._meta.label_lower}.linked")
