"""Periodic jobs of the procedure engine, run by exactly one huey consumer (`warta run_huey`)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from .services import flag_time_status


@db_periodic_task(crontab(minute="*/5"))
@lock_task("pos-flag-time-status")
def flag_steps_near_or_past_their_standard() -> dict[str, int]:
    return flag_time_status()
