from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "warta.demo"
    verbose_name = "Data contoh"
