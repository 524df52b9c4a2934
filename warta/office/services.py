"""Writes the workspace owns: notifications, in the app and by e-mail when mail is configured.

Notifications follow the procedure engine through its ``step_opened`` signal, so the engine never imports the
workspace. E-mail goes out from a background job after the transaction commits. A notification keeps its wording's
key and values (``wording.py``), so the workspace words it in the reader's language; its stored title and body, and
the e-mail, are in the site's language (``LANGUAGE_CODE``, Indonesian), whoever set it off.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from warta.accounts.models import Role
from warta.core.language import in_site_language
from warta.pos.models import StepStatus

from .models import Notification, NotificationKind
from .wording import word

logger = logging.getLogger(__name__)


def email_configured() -> bool:
    return bool(getattr(settings, "EMAIL_HOST", ""))


def notify(recipient, message: str, values: dict, *, url: str = "", run=None,
           kind: str = NotificationKind.OTHER, urgent: bool = False) -> Notification:
    """Leave a message for one staff member (``message``: a key of ``wording.WORDINGS``, with its values); mail it
    too (after commit) when mail is configured."""
    with in_site_language():
        title, body = word(message, values)
    notification = Notification.objects.create(
        recipient=recipient, message=message, values=values, title=title[:300], body=body, url=url[:300], run=run,
        kind=kind, urgent=urgent,
    )
    if email_configured() and recipient.email:
        from . import tasks  # the job calls back into this module

        transaction.on_commit(lambda: tasks.send_notification_email.enqueue(notification.pk), robust=True)
    return notification


def deliver_email(notification_id: int) -> str:
    """Send one notification by e-mail (run by a job). A failure raises, so the job is marked failed and logged."""
    notification = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if notification is None or notification.emailed_at is not None or not notification.recipient.email:
        return "lewati"
    link = f"{settings.SITE_URL}{notification.url}" if notification.url else settings.SITE_URL
    with in_site_language():
        body = "\n\n".join(part for part in (
            gettext("Yth. %(name)s,") % {"name": notification.recipient.display_name},
            notification.title,
            notification.body,
            gettext("Buka ruang kerja: %(link)s") % {"link": link},
            gettext("Pesan ini dikirim otomatis oleh Warta. Jangan membalas surel ini."),
        ) if part)
    send_mail(f"[Warta] {notification.title}", body, settings.DEFAULT_FROM_EMAIL, [notification.recipient.email],
              fail_silently=False)
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return "terkirim"


def mark_read(user, notification_ids=None) -> int:
    """Mark the user's notifications read: the given ones, or all of them."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=timezone.now())


def step_url(run) -> str:
    return reverse("office:step", args=[run.pk])


def _queue_holders(step_run):
    unit = step_run.run.unit
    return list(unit.members.filter(is_active=True, role_grants__role=step_run.step.role).distinct())


def on_step_opened(sender, step_run, now, **kwargs):
    """A step opened: tell its executor, or every holder of the role when it waits in the shared queue."""
    run = step_run.run
    step = step_run.step
    if step.number == 1:
        return  # the disposition is written and finished by the PPID in one go
    returned = None
    if step_run.attempt > 1:
        returned = run.step_runs.filter(status=StepStatus.RETURNED).order_by("-finished_at", "-pk").first()
    values = {"run": run.number, "title": run.title, "step": step.number, "activity": step.activity,
              "standard": step.standard_label, "urgent": run.urgent, "queued": not step_run.assignee_id}
    if returned is not None:
        message, kind = "step_returned", NotificationKind.STEP_RETURNED
        values["reason"] = returned.return_reason
    else:
        message, kind = "step_opened", NotificationKind.STEP_OPENED
    recipients = [step_run.assignee] if step_run.assignee_id else _queue_holders(step_run)
    for user in recipients:
        notify(user, message, values, url=step_url(run), run=run, kind=kind, urgent=run.urgent)


def notify_delegation(letter) -> None:
    run = letter.step_run.run
    values = {"number": letter.number, "step": letter.step_run.step.number,
              "activity": letter.step_run.step.activity, "run": run.number, "reason": letter.reason}
    notify(letter.to_user, "delegated", values, url=step_url(run), run=run, kind=NotificationKind.DELEGATED,
           urgent=run.urgent)


def notify_edition_proposed(edition) -> None:
    atasan = get_user_model().objects.filter(unit__office=edition.unit.office, is_active=True,
                                             role_grants__role=Role.ATASAN)
    values = {"title": edition.title, "user": str(edition.proposed_by), "count": edition.entry_count}
    for user in atasan.distinct():
        notify(user, "edition_proposed", values, url=reverse("office:editions"), kind=NotificationKind.EDITION)


def notify_edition_approved(edition) -> None:
    notify(edition.proposed_by, "edition_approved", {"title": edition.title}, url=reverse("office:editions"),
           kind=NotificationKind.EDITION)
