from django.apps import AppConfig


class UpkeepConfig(AppConfig):
    name = "warta.upkeep"
    verbose_name = "Pemeliharaan situs"
