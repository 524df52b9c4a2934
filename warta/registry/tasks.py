"""Periodic jobs of the register, run by exactly one huey consumer (`warta run_huey`)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from .services.exemptions import review_expired_exemptions


@db_periodic_task(crontab(hour="0", minute="10"))
@lock_task("registry-review-exemptions")
def review_exemptions_whose_period_ended() -> int:
    return review_expired_exemptions()
