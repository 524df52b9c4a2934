from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "warta.records"
    verbose_name = "Arsip dan jejak audit"
