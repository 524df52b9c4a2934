from django.apps import AppConfig


class OfficeConfig(AppConfig):
    name = "warta.office"
    verbose_name = "Ruang kerja staf"
