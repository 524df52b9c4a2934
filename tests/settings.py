"""Test settings: warta.settings with a throwaway data folder, inline jobs and fast hashing."""

import os
import tempfile

os.environ.setdefault("WARTA_DATA_DIR", tempfile.mkdtemp(prefix="warta-test-"))
os.environ["WARTA_JOBS_IMMEDIATE"] = "1"

from warta.settings import *  # noqa: F403
from warta.settings import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Static files straight from the apps, as `runserver` does: tests never run collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
