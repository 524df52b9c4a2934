from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "warta.api"
    verbose_name = _("API data terbuka")

    def ready(self):
        from . import public_state

        public_state.connect()
