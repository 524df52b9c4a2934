from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficeConfig(AppConfig):
    name = "warta.office"
    verbose_name = _("Ruang kerja staf")

    def ready(self):
        from warta.pos.signals import step_opened

        from .services import on_step_opened

        step_opened.connect(on_step_opened, dispatch_uid="office-notify-step-opened")
