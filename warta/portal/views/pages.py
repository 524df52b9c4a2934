"""The procedures in force (the POS itself, rendered from its data) and the pages staff write."""

from datetime import date

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from warta.accounts.models import Role
from warta.pos.models import Procedure

from ..markup import render as render_markup
from ..services import page_text

EXECUTOR_COLUMNS = [Role.PPID, Role.PENGOLAH, Role.PENELAAH]


def _date(value) -> date | None:
    if isinstance(value, date) or not value:
        return value or None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _procedure(procedure: Procedure) -> dict:
    data = procedure.data
    sections = [
        (_("Dasar Hukum"), data.get("legal_basis", [])),
        (_("Kualifikasi Pelaksana"), [item["text"] for item in data.get("qualifications", [])]),
        (_("Keterkaitan"), data.get("related", [])),
        (_("Peralatan/Perlengkapan"), data.get("equipment", [])),
        (_("Peringatan"), data.get("warnings", [])),
        (_("Pencatatan dan Pendataan"), data.get("records", [])),
    ]
    steps = [
        {"step": step, "marks": [step.role == role for role in EXECUTOR_COLUMNS]}
        for step in procedure.steps.all()
    ]
    return {
        "procedure": procedure,
        "organisation": data.get("organisation", []),
        "created_on": _date(data.get("created_on")),
        "revised_on": _date(data.get("revised_on")),
        "effective_on": _date(data.get("effective_on")),
        "approved_by": data.get("approved_by") or {},
        "sections": [(title, items) for title, items in sections if items],
        "steps": steps,
    }


@require_safe
def procedures(request):
    items = [_procedure(procedure) for procedure in Procedure.objects.in_force().prefetch_related("steps")]
    return render(request, "portal/procedures.html", {
        "procedures": items, "executors": [role.label for role in EXECUTOR_COLUMNS],
    })


@require_safe
def page(request, slug: str):
    text = page_text(slug, request)
    return render(request, "portal/page.html", {
        "title": text.title, "body": render_markup(text.body),
        "updated_at": text.page.updated_at if text.page else None, "is_default": text.page is None,
    })
