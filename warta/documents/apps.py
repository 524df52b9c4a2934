from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "warta.documents"
    verbose_name = _("Dokumen")

    def ready(self):
        from warta.core.health import register_health_check

        register_health_check("malware_scanner", _scanner_health)


def _scanner_health() -> dict:
    from .malware import scanner_status

    status = scanner_status()
    # Scanning switched off is allowed, but said out loud; a configured scanner that fails is unhealthy.
    return {**status, "ok": status["state"] != "error", "warning": status["state"] == "off"}
