from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "warta.core"
    verbose_name = "Warta"
