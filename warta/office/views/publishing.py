"""Step 4 of the POS: the Pengolah publishes the verified material now or at a scheduled time, then finishes."""

from django.utils import timezone
from django.utils.translation import ngettext

from warta.core.errors import ServiceError
from warta.core.formats import format_datetime
from warta.registry.models import EntryStatus
from warta.registry.services.entries import publish_run

from ..access import add_service_error
from ..forms.publishing import PublishForm
from ..screens import PUBLISHING
from .base import StepScreen


class PublishingScreen(StepScreen):
    screen = PUBLISHING
    template_name = "office/publishing.html"
    actions = {**StepScreen.actions, "terbitkan": "publish"}

    def time_zone(self):
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.run.unit.office.time_zone)

    def context(self) -> dict:
        context = super().context()
        entries = list(self.run.entries.prefetch_related("attachments__document").order_by("number"))
        now = timezone.now()
        context.update(
            entries=entries, announcements=self.run.announcements.all(),
            verified=[e for e in entries if e.status == EntryStatus.VERIFIED],
            scheduled=[e for e in entries if e.status == EntryStatus.PUBLISHED and e.published_at
                       and e.published_at > now],
            publish_form=self.form("terbitkan", lambda: PublishForm(prefix="terbit", time_zone=self.time_zone())),
        )
        return context

    def publish(self, request, _):
        self.require_executor()
        form = PublishForm(request.POST, prefix="terbit", time_zone=self.time_zone())
        self.bound["terbitkan"] = form
        if not form.is_valid():
            return None
        publish_at = form.cleaned_data["publish_at"]
        try:
            count = publish_run(request.user, self.run, publish_at=publish_at)
        except ServiceError as error:
            add_service_error(form, error)
            return None
        if publish_at:
            when = format_datetime(publish_at, self.run.unit.office.time_zone)
            return self.done(ngettext("%(count)d informasi dijadwalkan terbit pada %(when)s. Selesaikan langkah ini "
                                      "bila semua bahan sudah diunggah.",
                                      "%(count)d informasi dijadwalkan terbit pada %(when)s. Selesaikan langkah ini "
                                      "bila semua bahan sudah diunggah.", count) % {"count": count, "when": when})
        return self.done(ngettext("%(count)d informasi terbit di situs. Selesaikan langkah ini bila semua bahan sudah "
                                  "diunggah.",
                                  "%(count)d informasi terbit di situs. Selesaikan langkah ini bila semua bahan sudah "
                                  "diunggah.", count) % {"count": count})
