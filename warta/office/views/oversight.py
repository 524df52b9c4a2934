"""The Atasan PPID's read-only oversight: every run of the office, failures with their explanations, the audit log."""

from collections import defaultdict

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from warta.accounts.models import Role
from warta.core.charts import BarChart, bar_chart
from warta.core.formats import format_duration
from warta.pos.models import Breach, RunStatus, StepRun, StepStatus
from warta.records.audit import verify_chain
from warta.records.models import AuditRecord

from ..access import AUDIT_ROLES, OVERSIGHT_ROLES, staff_view, visible_runs
from .runs import run_rows


@staff_view(OVERSIGHT_ROLES)
def overview(request):
    runs = visible_runs(request.user).prefetch_related("step_runs__step", "step_runs__breaches")
    status = request.GET.get("status", "")
    if status in RunStatus.values:
        runs = runs.filter(status=status)
    page = Paginator(runs.order_by("-urgent", "-started_at"), 25).get_page(request.GET.get("halaman"))
    rows = run_rows(page.object_list)
    rows_performance = performance(request.user)
    for row in rows:
        breaches = [b for s in row.run.step_runs.all() for b in s.breaches.all()]
        row.breach_count = len(breaches)
        row.unexplained = sum(1 for b in breaches if b.explained_at is None)
    return render(request, "office/oversight.html", {
        "page": page, "rows": rows, "status": status, "statuses": RunStatus.choices,
        "performance": rows_performance, "performance_chart": performance_chart(rows_performance),
    })


def performance(user) -> list[dict]:
    """Per POS step: how many attempts finished, their average working time against the standard, how many were late."""
    finished = StepRun.objects.filter(run__in=visible_runs(user), finished_at__isnull=False,
                                      working_seconds__isnull=False).select_related("step")
    groups = defaultdict(list)
    for step_run in finished:
        groups[(step_run.step.number, step_run.step.activity, step_run.step.standard_seconds)].append(step_run)
    rows = []
    for (number, activity, standard), items in sorted(groups.items()):
        average = sum(s.working_seconds for s in items) / len(items)
        rows.append({
            "number": number, "activity": activity, "count": len(items), "standard": format_duration(standard),
            "average": format_duration(average), "average_seconds": average, "standard_seconds": standard,
            "late": sum(1 for s in items if s.working_seconds > standard),
            "returned": sum(1 for s in items if s.status == StepStatus.RETURNED),
        })
    return rows


def performance_chart(rows: list[dict]) -> BarChart:
    return bar_chart(
        _("Rata-rata waktu kerja per langkah dibanding waktu baku"),
        [(f"{row['number']}. {row['activity']}", (row["average_seconds"], row["standard_seconds"])) for row in rows],
        legend=(_("Rata-rata"), _("Waktu baku")), text=format_duration,
    )


@staff_view(OVERSIGHT_ROLES | {Role.PPID})
def breaches(request):
    items = Breach.objects.filter(step_run__run__in=visible_runs(request.user)).select_related(
        "step_run__step", "step_run__run", "responsible").order_by("-detected_at")
    only_open = request.GET.get("tampilkan") == "belum"
    if only_open:
        items = items.filter(explained_at__isnull=True)
    page = Paginator(items, 25).get_page(request.GET.get("halaman"))
    return render(request, "office/breaches.html", {"page": page, "only_open": only_open})


@staff_view(AUDIT_ROLES)
def audit_log(request):
    records = AuditRecord.objects.visible_to(request.user).select_related("office", "unit").order_by("-pk")
    action = request.GET.get("tindakan", "").strip()
    if action:
        records = records.filter(action__startswith=action)
    page = Paginator(records, 50).get_page(request.GET.get("halaman"))
    chain = verify_chain() if request.GET.get("periksa") else None
    return render(request, "office/audit_log.html", {"page": page, "action": action, "chain": chain})
