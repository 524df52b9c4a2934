"""The exemption register: a consequence test per exempt item, and its review when the period ends."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from warta.accounts.models import Role
from warta.core.errors import join_labels
from warta.pos.services.guards import require_role
from warta.records.audit import record

from .. import errors
from ..models import Category, Entry, EntryStatus, Exemption, ExemptionStatus, Ps17Ground, PublicEntry
from .entries import announce_public_change, revise


@dataclass
class ConsequenceTest:
    """What the consequence test form records (UU 14/2008 Ps 19; Perki 1/2021)."""

    information: str
    consequence_if_opened: str
    benefit_if_closed: str
    public_interest: str
    period: str
    place: str
    decided_on: date
    grounds: list[str] = field(default_factory=list)
    other_law: str = ""
    content: str = ""
    expires_on: date | None = None
    participants: list[dict] = field(default_factory=list)

    REQUIRED = {
        "information": _("Informasi yang dikecualikan"),
        "consequence_if_opened": _("Akibat bila informasi dibuka"),
        "benefit_if_closed": _("Manfaat bila informasi ditutup"),
        "public_interest": _("Pertimbangan kepentingan publik"),
        "period": _("Jangka waktu pengecualian"),
        "place": _("Tempat"),
    }

    def check(self) -> None:
        missing = [label for name, label in self.REQUIRED.items() if not str(getattr(self, name)).strip()]
        if not self.participants:
            missing.append(_("Peserta uji konsekuensi"))
        if missing:
            raise errors.EXEMPTION_INCOMPLETE.error(missing=join_labels(missing))
        unknown = [ground for ground in self.grounds if ground not in Ps17Ground.values]
        if unknown or not (self.grounds or self.other_law.strip()):
            raise errors.EXEMPTION_NO_GROUND.error(field="grounds")


@transaction.atomic
def decide_exemption(actor, test: ConsequenceTest, *, entry: Entry | None = None,
                     now: datetime | None = None) -> Exemption:
    """The PPID closes information after a consequence test. An exempt entry leaves the public site at once."""
    now = now or timezone.now()
    require_role(actor, Role.PPID, actor.unit)
    test.check()
    exemption = Exemption.objects.create(
        unit=actor.unit, entry=entry, decided_by=actor, information=test.information.strip(),
        content=test.content.strip(), grounds=test.grounds, other_law=test.other_law.strip(),
        consequence_if_opened=test.consequence_if_opened.strip(), benefit_if_closed=test.benefit_if_closed.strip(),
        public_interest=test.public_interest.strip(), period=test.period.strip(), expires_on=test.expires_on,
        place=test.place.strip(), decided_on=test.decided_on, participants=test.participants,
    )
    if entry is not None:
        _close_entry(actor, entry, exemption, now)
        announce_public_change(PublicEntry, entry.unit)
    record(actor, "registry.exemption.decided", exemption, at=now, after={
        "entry": entry.pk if entry else None, "grounds": test.grounds, "other_law": test.other_law,
        "period": test.period, "expires_on": test.expires_on,
    })
    return exemption


def _close_entry(actor, entry: Entry, exemption: Exemption, now: datetime) -> None:
    PublicEntry.objects.filter(entry=entry).delete()
    before = {"category": entry.category, "status": entry.status}
    entry.category = Category.DIKECUALIKAN
    if entry.status == EntryStatus.PUBLISHED:
        entry.status = EntryStatus.WITHDRAWN
        entry.withdrawn_at = now
        entry.withdrawn_reason = f"Dikecualikan berdasarkan uji konsekuensi #{exemption.pk}"
    entry.publish_at = None
    entry.save()
    revise(entry, actor, "dikecualikan", {"category": [before["category"], Category.DIKECUALIKAN],
                                          "status": [before["status"], entry.status]}, now,
            reason=f"Uji konsekuensi #{exemption.pk}")


def review_expired_exemptions(today: date | None = None) -> int:
    """When an exemption's period ends, the item comes back for review (run daily by the job worker)."""
    today = today or timezone.localdate()
    due = Exemption.objects.filter(status=ExemptionStatus.ACTIVE, expires_on__lt=today)
    count = 0
    for exemption in due:
        Exemption.objects.filter(pk=exemption.pk).update(status=ExemptionStatus.REVIEW)
        record(None, "registry.exemption.due_for_review", exemption, after={"expires_on": exemption.expires_on})
        count += 1
    return count


@transaction.atomic
def lift_exemption(actor, exemption: Exemption, *, reason: str, category: str = Category.SETIAP_SAAT,
                   now: datetime | None = None) -> Exemption:
    """Open the information again. Its entry returns to draft in an open category and must pass a run to publish."""
    now = now or timezone.now()
    require_role(actor, Role.PPID, exemption.unit)
    exemption = Exemption.objects.select_for_update().get(pk=exemption.pk)
    if exemption.status == ExemptionStatus.LIFTED:
        raise errors.EXEMPTION_NOT_STANDING.error()
    if not reason.strip():
        raise errors.REASON_REQUIRED.error(field="reason")
    exemption.status = ExemptionStatus.LIFTED
    exemption.reviewed_at = now
    exemption.save(update_fields=["status", "reviewed_at"])
    entry = exemption.entry
    if entry is not None and not entry.exemptions.standing().exists():
        Entry.objects.filter(pk=entry.pk).update(category=category, status=EntryStatus.DRAFT, updated_at=now)
        revise(entry, actor, "pengecualian dicabut", {"category": [Category.DIKECUALIKAN, category]}, now,
                reason=reason.strip())
    record(actor, "registry.exemption.lifted", exemption, at=now, after={"reason": reason.strip()})
    return exemption


