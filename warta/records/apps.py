from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "warta.records"
    verbose_name = _("Arsip dan jejak audit")
