from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PosConfig(AppConfig):
    name = "warta.pos"
    verbose_name = _("Prosedur (POS)")

    def ready(self):
        from .requirements import register_engine_checkers

        register_engine_checkers()
