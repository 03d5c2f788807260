"""Settings for policybuilder.

Everything that differs between a laptop and production comes from the environment
(see .env.example); the helpers below fail loudly on a value they cannot read.
"""

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from policybuilder.languages import LANGUAGES as POLICY_LANGUAGES
from policybuilder.languages import OFFERED as OFFERED_LANGUAGES

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    value = os.getenv(name, default).strip().lower()
    if value not in {"true", "false", "1", "0", "yes", "no", "on", "off"}:
        raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")
    return value in {"true", "1", "yes", "on"}


def envint(name: str, default: str) -> int:
    value = os.getenv(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", "false")
SECRET_KEY = os.getenv("SECRET_KEY", "")
if not SECRET_KEY:
    # A fixed, public key only on a developer's own machine: `make run` turns DEBUG on, and the test
    # suite sets ALLOW_INSECURE_KEY (the Makefile, and pyproject's pytest env). Anything else refuses
    # to start, so a production server can never run on a key everyone can read.
    if not (DEBUG or envbool("ALLOW_INSECURE_KEY", "false")):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off: "
            'python -c "import secrets; print(secrets.token_urlsafe(50))". On your own machine, '
            "use make (run, test, db) or set DEBUG=true or ALLOW_INSECURE_KEY=true for the command."
        )
    SECRET_KEY = "insecure-local-key-set-SECRET_KEY-in-production"
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")
# The site's own address, for the links that leave a request behind: published policies' canonical links,
# their "Changes to this policy" link, the Atom feed and the owner's emails. Required in production, like
# SECRET_KEY: a public page must never name localhost as its canonical address.
SITE_URL = os.getenv("SITE_URL", "").rstrip("/")
if not SITE_URL:
    if not (DEBUG or envbool("ALLOW_INSECURE_KEY", "false")):
        raise ImproperlyConfigured("SITE_URL must be set when DEBUG is off, e.g. https://policies.example.com")
    SITE_URL = "http://127.0.0.1:8000"
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "formtools",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "django_ratelimit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "policybuilder.library",
    "policybuilder.documents",
    "policybuilder.questionnaire",
    "policybuilder.editing",
    "policybuilder.publishing",
]

MIDDLEWARE = [
    "policybuilder.ops.middleware.RequestIdMiddleware",
    "policybuilder.ops.middleware.AccessLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages gzipped (the result page carries the whole policy). BREACH needs a secret and text an attacker
    # controls in one compressed body: Django masks the CSRF token anew on every response, and the pages
    # that show a private token reflect nothing but the owner's own answers.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",  # after sessions, before common (Django's order)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "policybuilder.urls"
WSGI_APPLICATION = "policybuilder.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", "60"),  # seconds a connection is kept; 0: one per request or task
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Transactions take SQLite's write lock when they begin, so two requests saving one draft run one
    # after the other instead of both reading it first (questionnaire/concurrency.py).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.getenv("REDIS_URL", "")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    # Short socket timeouts: a Redis that hangs costs a request milliseconds, not the client's default wait.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": envint("REDIS_CONNECT_TIMEOUT_MS", "250") / 1000,
                "socket_timeout": envint("REDIS_TIMEOUT_MS", "500") / 1000,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rendered PDFs by content hash (documents/pdf_cache.py), kept a week; in local memory a store of their
# own, so that PDFs never push other entries out.
CACHES["pdf"] = {**CACHES["default"], "KEY_PREFIX": "pdf", "TIMEOUT": 7 * 24 * 3600}
if not REDIS_URL:
    CACHES["pdf"] |= {"LOCATION": "pdf", "OPTIONS": {"MAX_ENTRIES": 200}}

# Only staff have accounts (editors and admins): long passwords, a lockout after repeated failures
# (django-axes), a second factor (django-otp: TOTP, enrolled with `manage.py enroltotp`), short sessions.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", "15"))
# Lock an address that tries many accounts, and an account tried from one address; never an account
# for everyone, or one attacker could lock an editor out.
AXES_LOCKOUT_PARAMETERS = ["ip_address", ["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "editing/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "policybuilder.ops.client.client_ip"
OTP_TOTP_ISSUER = "policybuilder"
# Limits on expensive work, per client address and per private link ("count/period", django-ratelimit),
# counted in the default cache: Redis in production, so every worker shares them.
RATE_LIMITS = {
    "pdf": (os.getenv("RATE_PDF_PER_IP", "30/m"), os.getenv("RATE_PDF_PER_LINK", "10/m")),
    "publish": (os.getenv("RATE_PUBLISH_PER_IP", "10/m"), os.getenv("RATE_PUBLISH_PER_LINK", "5/m")),
    "regenerate": (os.getenv("RATE_REGENERATE_PER_IP", "10/m"), os.getenv("RATE_REGENERATE_PER_LINK", "3/m")),
    # The manage page of a published policy assembles what publishing would put online.
    "manage": (os.getenv("RATE_MANAGE_PER_IP", "60/m"), os.getenv("RATE_MANAGE_PER_LINK", "30/m")),
}
RATELIMIT_USE_CACHE = "default"
# Django's own Redis backend counts atomically, though django-ratelimit lists only django-redis; local
# memory is per process, which is fine for one developer's `make run` and the tests.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001", *([] if REDIS_URL else ["django_ratelimit.E003"])]
STAFF_SESSION_MINUTES = envint("STAFF_SESSION_MINUTES", "120")
# The retention schedule (`manage.py purgeexpired`, the app's privacy page): drafts nobody changed, and
# policies nobody opened, are deleted after these periods.
DRAFT_RETENTION_DAYS = envint("DRAFT_RETENTION_DAYS", "180")
POLICY_RETENTION_MONTHS = envint("POLICY_RETENTION_MONTHS", "24")

LANGUAGE_CODE = "en"
# The questionnaire's languages (policybuilder/languages.py): the browser's language picks one, the
# language switcher changes it. Catalogues in locale/, compiled .mo files committed beside the .po.
LANGUAGES = [(lang.django, lang.native) for lang in POLICY_LANGUAGES if lang.code in OFFERED_LANGUAGES]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Stored files: each policy's PDF, rendered once by a Celery worker. On the file system under MEDIA_ROOT
# by default; with STORAGE_BUCKET, in an S3-compatible store (AWS, MinIO, R2...) through django-storages,
# so that web and worker containers on different machines share them. boto3 reads the credentials from
# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the machine's role). Files stay private: the app
# serves each PDF itself, to whoever holds the policy's private link, never by a public bucket URL.
MEDIA_ROOT = Path(os.getenv("MEDIA_ROOT") or BASE_DIR / "media")
if os.getenv("STORAGE_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["STORAGE_BUCKET"],
            "endpoint_url": os.getenv("STORAGE_ENDPOINT_URL") or None,  # None: AWS itself
            "region_name": os.getenv("STORAGE_REGION") or None,
            "location": os.getenv("STORAGE_PREFIX", "policybuilder"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": True,  # a PDF is named by its policy's token: a new render replaces it
        },
    }

# Celery: PDFs are rendered by a worker, never by a web worker. Without CELERY_BROKER_URL (make run, the
# tests) tasks run eagerly in the process that asks; with it (Redis or RabbitMQ) a worker takes them.
CELERY_BROKER_URL = os.getenv("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_EAGER", "false" if CELERY_BROKER_URL else "true")
CELERY_TASK_ACKS_LATE = True  # a worker that dies mid-render leaves the task for another
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # renders are long: one at a time per process
CELERY_TASK_IGNORE_RESULT = True  # the outcome lives on the policy row, not in a result store
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_timeout": 2, "socket_connect_timeout": 1}
# A broker that is down costs a publish well under a second; the PDF then shows as still preparing.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
# A render runs at most this long in the worker; gunicorn's timeout no longer matters for PDFs.
PDF_TIME_LIMIT_SECONDS = envint("PDF_TIME_LIMIT_SECONDS", "60")
# How stale this process's idea of the library revision may be (library/revision.py): an editor's change
# reaches the other workers within this many seconds, and no request queries the revision in between.
LIBRARY_RECHECK_SECONDS = envint("LIBRARY_RECHECK_SECONDS", "2")

# Published policies (publishing/): how long browsers and proxies may keep a public page before asking
# again (a conditional GET then costs a 304), and how long the rendered pages stay in the shared cache.
PUBLIC_MAX_AGE_SECONDS = envint("PUBLIC_MAX_AGE_SECONDS", "300")
PUBLIC_CACHE_SECONDS = envint("PUBLIC_CACHE_SECONDS", "86400")
# How long a process may go on using a public page's state (published, unpublished, renamed) it read:
# an owner's change reaches every worker within this many seconds.
PUBLIC_STATE_RECHECK_SECONDS = envint("PUBLIC_STATE_RECHECK_SECONDS", "2")
# Email to owners who asked to hear of library updates: printed on the console unless EMAIL_HOST is set.
EMAIL_HOST = os.getenv("EMAIL_HOST", "")
EMAIL_BACKEND = os.getenv(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = envint("EMAIL_PORT", "587")
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "true")
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", "10")
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "policybuilder <no-reply@localhost>")

# Tag PDFs for screen readers (PDF/UA-1); about 15% slower to render.
PDF_TAGGED = envbool("PDF_TAGGED", "true")

# Where the clause library lives as files (`manage.py loadclauses` reads it).
CLAUSES_DIR = Path(os.getenv("CLAUSES_DIR") or BASE_DIR / "clauses")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Everything the site loads comes from its own static files: no inline scripts, no CDN.
# data: images are Bootstrap's form icons (checkbox ticks, select arrows), embedded in its CSS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    }
}
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
SESSION_COOKIE_SECURE = not DEBUG and envbool("SECURE_COOKIES", "true")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "false")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "false")
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "false")
# Trust X-Forwarded-Proto (and X-Forwarded-For, ops/client.py) only when the operator says a proxy in
# front sets them (and drops a client's own): otherwise any client could claim https or any address.
BEHIND_PROXY = envbool("BEHIND_PROXY", "false")
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# One JSON line per event on stderr, each with its request id (policybuilder/ops/logging.py).
# django.request carries every 500 with its traceback.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "policybuilder.ops.logging.RequestIdFilter"}},
    "formatters": {"json": {"()": "policybuilder.ops.logging.JsonLineFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "policybuilder": {"level": os.getenv("LOG_LEVEL", "INFO")},
        "django.request": {"level": "ERROR"},
        "weasyprint": {"level": "ERROR"},
    },
}
