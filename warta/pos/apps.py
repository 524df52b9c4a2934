from django.apps import AppConfig


class PosConfig(AppConfig):
    name = "warta.pos"
    verbose_name = "Prosedur (POS)"
