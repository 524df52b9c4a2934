from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "warta.registry"
    verbose_name = "Daftar Informasi Publik"
