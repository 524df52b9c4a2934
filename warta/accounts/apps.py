from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "warta.accounts"
    verbose_name = "Akun dan kantor"
