from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "warta.documents"
    verbose_name = "Dokumen"
