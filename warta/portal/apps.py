from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "warta.portal"
    verbose_name = _("Portal publik")

    def ready(self):
        from . import signals

        signals.connect()
