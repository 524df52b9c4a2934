from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "warta.api"
    verbose_name = _("API data terbuka")

    def ready(self):
        from django.core import checks

        from . import public_state
        from .checks import licence_is_usable

        public_state.connect()
        checks.register(licence_is_usable)
