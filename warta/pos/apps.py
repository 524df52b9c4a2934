from django.apps import AppConfig


class PosConfig(AppConfig):
    name = "warta.pos"
    verbose_name = "Prosedur (POS)"

    def ready(self):
        from .requirements import register_engine_checkers

        register_engine_checkers()
