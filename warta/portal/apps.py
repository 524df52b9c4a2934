from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "warta.portal"
    verbose_name = "Portal publik"

    def ready(self):
        from . import signals

        signals.connect()
