from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "warta.api"
    verbose_name = "API data terbuka"

    def ready(self):
        from . import public_state

        public_state.connect()
