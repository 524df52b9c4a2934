from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    name = "warta.announcements"
    verbose_name = _("Pengumuman")

    def ready(self):
        from warta.pos.requirements import register_approval_check, register_input_checker
        from warta.pos.signals import step_finished
        from warta.registry.signals import run_published

        from . import services

        register_input_checker("konsep-bahan", services.has_announcements)
        register_input_checker("bahan-terverifikasi", services.all_verified)
        register_input_checker("bahan-terbit", services.all_published)
        register_approval_check(services.verification_problems)
        step_finished.connect(_on_step_finished, dispatch_uid="announcements-verify")
        run_published.connect(_on_run_published, dispatch_uid="announcements-publish")


def _on_step_finished(sender, step_run, actor, status, now, **kwargs):
    from warta.pos.models import StepStatus

    from .services import mark_verified

    if step_run.step.is_verification and status == StepStatus.DONE:
        mark_verified(step_run.run, actor, now)


def _on_run_published(sender, run, actor, at, now, **kwargs):
    from .services import publish_verified

    publish_verified(run, actor, at, now)
