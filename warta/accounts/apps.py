from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "warta.accounts"
    verbose_name = "Akun dan kantor"

    def ready(self):
        from . import signin  # noqa: F401 - connects the user_logged_in receiver
