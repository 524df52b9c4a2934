"""The job worker's heartbeat, so the health check can tell whether a consumer is running."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import HUEY, periodic_task

HEARTBEAT_KEY = "warta:worker-heartbeat"


@periodic_task(crontab(minute="*"))
def worker_heartbeat() -> None:
    HUEY.put(HEARTBEAT_KEY, timezone.now().isoformat())


def last_heartbeat() -> str | None:
    return HUEY.get(HEARTBEAT_KEY, peek=True)
