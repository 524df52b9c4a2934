from django.apps import AppConfig


class OfficeConfig(AppConfig):
    name = "warta.office"
    verbose_name = "Ruang kerja staf"

    def ready(self):
        from warta.pos.signals import step_opened

        from .services import on_step_opened

        step_opened.connect(on_step_opened, dispatch_uid="office-notify-step-opened")
