from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UpkeepConfig(AppConfig):
    name = "warta.upkeep"
    verbose_name = _("Pemeliharaan situs")
