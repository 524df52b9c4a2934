"""The job worker's heartbeat, so the health check can tell whether a consumer is running; the database's
planner statistics, refreshed nightly."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import HUEY, db_periodic_task, lock_task, periodic_task

from .database import refresh_planner_statistics

HEARTBEAT_KEY = "warta:worker-heartbeat"


@periodic_task(crontab(minute="*"))
def worker_heartbeat() -> None:
    HUEY.put(HEARTBEAT_KEY, timezone.now().isoformat())


def last_heartbeat() -> str | None:
    return HUEY.get(HEARTBEAT_KEY, peek=True)


@db_periodic_task(crontab(hour="3", minute="40"))
@lock_task("core-planner-statistics")
def refresh_database_statistics() -> bool:
    return refresh_planner_statistics()
