"""System checks: a misconfigured open-data licence stops `warta check`/`migrate`/`runserver` with its reason,
instead of a broken catalogue later."""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from . import licence


def licence_is_usable(app_configs, **kwargs) -> list[checks.CheckMessage]:
    try:
        licence.current()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="api.E001")]
    return []
