from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "warta.accounts"
    verbose_name = _("Akun dan kantor")

    def ready(self):
        from . import signin  # noqa: F401 - connects the user_logged_in receiver
