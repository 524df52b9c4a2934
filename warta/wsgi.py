"""The WSGI application granian serves (``warta.wsgi:application``, scripts/serve)."""

import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.settings")
application = get_wsgi_application()

# Import every view now, then take what start-up made (Django, the apps and their libraries: about 160,000
# objects) out of the garbage collector's sight. Its full collections then scan only what requests leave behind,
# instead of stalling the worker for 50-250 ms every few dozen requests (bench/README.md).
import_module(settings.ROOT_URLCONF)
gc.freeze()
