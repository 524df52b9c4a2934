"""One settings module, driven by environment variables with safe defaults for a laptop.

Every variable is listed in the README's configuration table. The default is one process, SQLite and
files on disk under WARTA_DATA_DIR; PostgreSQL, Redis and S3-compatible storage switch on by variables.
"""

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ya"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DATA_DIR = Path(env("WARTA_DATA_DIR", str(Path.cwd() / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """WARTA_SECRET_KEY, or a key generated once and kept in the data directory."""
    if env("WARTA_SECRET_KEY"):
        return env("WARTA_SECRET_KEY")
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("WARTA_DEBUG")
ALLOWED_HOSTS = env_list("WARTA_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("WARTA_CSRF_TRUSTED_ORIGINS")
SITE_URL = env("WARTA_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "huey.contrib.djhuey",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "warta.core",
    "warta.accounts",
    "warta.records",
    "warta.pos",
    "warta.documents",
    "warta.registry",
    "warta.announcements",
    "warta.office",
    "warta.upkeep",
    "warta.api",
    "warta.portal",
    "warta.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "warta.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "warta.core.middleware.IndonesianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "warta.core.http_cache.PublicCacheMiddleware",  # needs the user and language; sees the staff redirects
    "django.contrib.messages.middleware.MessageMiddleware",
    "warta.accounts.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "warta.urls"
WSGI_APPLICATION = "warta.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "warta.accounts.context_processors.office",
                "warta.portal.context_processors.layout",
            ],
        },
    },
]

# --- Database: SQLite by default, anything dj-database-url understands by DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'warta.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections are kept (CONN_MAX_AGE 60, as for PostgreSQL): each web worker and each job thread has
    # its own, and reopening the file on every request costs more than most public pages (docs/decisions.md).
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so concurrent writers queue instead of failing
        # with "database is locked" halfway through a service's transaction.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool("WARTA_DB_PREPARED", True):
    # Values sent apart from the query, and a query run five times on a connection then prepared, its plan kept:
    # PostgreSQL otherwise plans every query anew, which cost more than running most of the portal's. Off
    # (WARTA_DB_PREPARED=0) behind a pooler that cannot keep prepared statements, such as PgBouncer in transaction
    # mode before 1.21. Searches are always planned for their own words (core.database.planned_for_their_values).
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: local memory by default, Redis by WARTA_CACHE_URL (or REDIS_URL).
_cache_url = env("WARTA_CACHE_URL", env("REDIS_URL"))
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}
        if _cache_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "warta",
              "OPTIONS": {"MAX_ENTRIES": 2000}}
    ),
    # The page layout's fixed parts ({% cache %} in base.html), always in each process's own memory: a fetch from
    # Redis would cost more than rendering them, and a restart (a new release) starts without the old ones.
    "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments",
                           "OPTIONS": {"MAX_ENTRIES": 1000}},
}
# Public pages and the API (warta.core.http_cache): kept rendered pages, conditional GET, rate limit.
WARTA_PAGE_CACHE_SECONDS = int(env("WARTA_PAGE_CACHE_SECONDS", "600"))  # 0: never keep rendered pages
WARTA_PAGE_CACHE_MAX_BYTES = int(env("WARTA_PAGE_CACHE_MAX_BYTES", str(1024 * 1024)))
WARTA_PUBLIC_MAX_AGE = int(env("WARTA_PUBLIC_MAX_AGE", "60"))  # Cache-Control max-age of anonymous pages
WARTA_PROXY_CACHE_SECONDS = int(env("WARTA_PROXY_CACHE_SECONDS", "0"))  # X-Accel-Expires for nginx; 0: none
WARTA_PUBLIC_VERSION_SECONDS = int(env("WARTA_PUBLIC_VERSION_SECONDS", "5"))  # staleness bound across processes
WARTA_API_RATE_LIMIT = int(env("WARTA_API_RATE_LIMIT", "120"))  # requests per minute per client IP; 0: off
WARTA_RATE_LIMITED_PATHS = ["/api/"]
# The licence the open data (API, catalogue) is offered under: an SPDX identifier Warta knows
# (warta.api.licence.KNOWN), or any other licence's name together with WARTA_DATA_LICENSE_URL.
WARTA_DATA_LICENSE = env("WARTA_DATA_LICENSE", "CC-BY-4.0")
WARTA_DATA_LICENSE_URL = env("WARTA_DATA_LICENSE_URL")
WARTA_PRIVATE_PATHS = ["/kelola/", "/masuk/", "/keluar/", "/i18n/"]
WARTA_BEHIND_PROXY = env_bool("WARTA_BEHIND_PROXY")  # trust the last X-Forwarded-For address

# --- Background jobs: django-tasks' @task, run by huey. SQLite queue in the data directory by
# default; Redis by WARTA_QUEUE_URL for workers on several machines.
_queue_url = env("WARTA_QUEUE_URL")
HUEY = {
    "name": "warta",
    "immediate": env_bool("WARTA_JOBS_IMMEDIATE"),
    "huey_class": "huey.RedisHuey" if _queue_url else "huey.SqliteHuey",
    **({"url": _queue_url} if _queue_url else {"filename": str(DATA_DIR / "jobs.sqlite3")}),
    "consumer": {"workers": int(env("WARTA_JOB_WORKERS", "2")), "worker_type": "thread"},
}
TASKS = {"default": {"BACKEND": "huey.contrib.djhuey.tasks_backend.HueyBackend"}}

# --- Files: local directory by default, S3-compatible storage by WARTA_S3_BUCKET.
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_URL = "/static/"
_file_storage = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("WARTA_S3_BUCKET"),
            "endpoint_url": env("WARTA_S3_ENDPOINT_URL") or None,
            "access_key": env("WARTA_S3_ACCESS_KEY") or None,
            "secret_key": env("WARTA_S3_SECRET_KEY") or None,
            "region_name": env("WARTA_S3_REGION") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    if env("WARTA_S3_BUCKET")
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
STORAGES = {
    "default": _file_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o640
# Uploads larger than this are refused (the reverse proxy's body limit must be at least as large).
WARTA_MAX_UPLOAD_MB = int(env("WARTA_MAX_UPLOAD_MB", "50"))
# ClamAV: tcp://host:3310, unix:///run/clamav/clamd.ctl, or a signature folder for clamscan. Empty: scanning off.
WARTA_CLAMAV = env("WARTA_CLAMAV")
# The office's certificate (PKCS#12) that signs DIP editions' PDFs; empty: editions are set unsigned.
WARTA_SIGNING_P12 = env("WARTA_SIGNING_P12")
WARTA_SIGNING_P12_PASSWORD = env("WARTA_SIGNING_P12_PASSWORD")

# --- Language and time: Bahasa Indonesia first, English available; datetimes stored in UTC.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # the visitor's choice (warta.core.language) holds like the display cookies
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = env_bool("WARTA_HTTPS")
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("WARTA_TIME_ZONE", "Asia/Jakarta")

# Defaults for a new office's working calendar; the office profile holds the values in force.
WARTA_OFFICE_HOURS = env("WARTA_OFFICE_HOURS", "07:30-16:00")
WARTA_WORK_DAYS = env("WARTA_WORK_DAYS", "1,2,3,4,5")
# Share of a step's standard time after which it is flagged as about to breach.
WARTA_WARN_RATIO = float(env("WARTA_WARN_RATIO", "0.8"))

# --- Accounts and security.
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "/masuk/"
LOGIN_REDIRECT_URL = "/kelola/"  # the staff inbox, unless the sign-in page was given a safe ?next=
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("WARTA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The sign-in page itself says, in Indonesian, that the name is locked (never axes' English page).
AXES_LOCKOUT_CALLABLE = "warta.accounts.views.lockout_response"

# Two factors for every sign-in (warta.accounts.signin): a TOTP authenticator app (django-otp) plus 10 one-time
# backup codes; every page under /kelola/ needs both for staff (warta.accounts.middleware).
# Sessions last one working day; "Keluar dari semua perangkat" ends them all earlier (accounts.middleware).
SESSION_COOKIE_AGE = int(env("WARTA_SESSION_HOURS", "10")) * 3600
CSRF_FAILURE_VIEW = "warta.accounts.views.csrf_failure"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("WARTA_HTTPS")
CSRF_COOKIE_SECURE = env_bool("WARTA_HTTPS")
SECURE_SSL_REDIRECT = env_bool("WARTA_HTTPS")
SECURE_HSTS_SECONDS = 31536000 if env_bool("WARTA_HTTPS") else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("WARTA_BEHIND_PROXY") else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if env("WARTA_EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env("WARTA_EMAIL_HOST")
EMAIL_PORT = int(env("WARTA_EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("WARTA_EMAIL_USER")
EMAIL_HOST_PASSWORD = env("WARTA_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("WARTA_EMAIL_TLS", True)
DEFAULT_FROM_EMAIL = env("WARTA_EMAIL_FROM", "warta@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("WARTA_LOG_LEVEL", "INFO")},
    "loggers": {name: {"level": "WARNING"} for name in ("axes", "weasyprint", "fontTools", "huey", "django_tasks")},
}
