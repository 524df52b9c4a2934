"""Background jobs of the workspace: e-mail for notifications."""

from django_tasks import task


@task()
def send_notification_email(notification_id: int) -> str:
    from . import services

    return services.deliver_email(notification_id)
