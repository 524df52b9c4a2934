"""The health check (/kesehatan/): each app registers what it can tell about itself; nothing is hidden."""

from collections.abc import Callable

from django.db import connection
from django.http import JsonResponse

HealthCheck = Callable[[], dict]
_checks: dict[str, HealthCheck] = {}


def register_health_check(name: str, check: HealthCheck) -> None:
    """``check`` returns a dict with at least ``ok`` (bool) and ``label`` (Indonesian, for people)."""
    _checks[name] = check


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"ok": True, "label": f"basis data {connection.vendor} tersambung"}


def run_checks() -> dict[str, dict]:
    results = {}
    for name, check in {"database": _database, **_checks}.items():
        try:
            results[name] = check()
        except Exception as exc:  # a failing check is a finding to report, not a crash of the health page
            results[name] = {"ok": False, "label": f"pemeriksaan gagal: {exc.__class__.__name__}: {exc}"}
    return results


def health(request):
    results = run_checks()
    healthy = all(result["ok"] for result in results.values())
    return JsonResponse({"status": "sehat" if healthy else "bermasalah", "checks": results},
                        status=200 if healthy else 503, json_dumps_params={"ensure_ascii": False})
