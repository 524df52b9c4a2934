from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "warta.registry"
    verbose_name = _("Daftar Informasi Publik")

    def ready(self):
        from warta.pos.requirements import register_approval_check, register_input_checker
        from warta.pos.signals import step_finished

        from .services import entries

        # The register tells the POS engine when its kelengkapan exist (see warta.pos.requirements).
        register_input_checker("konsep-dip", entries.has_drafts)
        register_input_checker("konsep-bahan", entries.has_material)
        register_input_checker("bahan-terverifikasi", entries.all_verified)
        register_input_checker("bahan-terbit", entries.all_published)
        register_approval_check(entries.verification_problems)
        step_finished.connect(_on_step_finished, dispatch_uid="registry-verify")


def _on_step_finished(sender, step_run, actor, status, now, **kwargs):
    from warta.pos.models import StepStatus

    from .services.entries import mark_run_verified

    if step_run.step.is_verification and status == StepStatus.DONE:
        mark_run_verified(step_run.run, actor, now)
