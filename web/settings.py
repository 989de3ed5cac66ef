"""Settings, driven by the environment (healthchecks style).

Embedded default: SQLite in WAL mode under ``var/``, so a newcomer needs nothing else.
Production: ``DATABASE_URL=postgres://user:pass@host:5432/name`` (psycopg 3).
"""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlparse

from web.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("FOLIO_VAR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG")
if "pytest" in sys.modules:
    # The test suite runs on the development key, and so do the commands its tests start.
    os.environ.setdefault("FOLIO_DEV", "1")
#: Without ``SECRET_KEY`` every process runs on this public key; ``web.wsgi`` refuses to
#: serve on it unless ``DEBUG`` or ``FOLIO_DEV=1`` (set by ``folio demo``) says this is a
#: developer's machine. Management commands (migrate, makemigrations) still run.
DEVELOPMENT_KEY = "folio-development-only-key-change-me"
SECRET_KEY = os.environ.get("SECRET_KEY", "") or DEVELOPMENT_KEY
FOLIO_DEV = DEBUG or env_bool("FOLIO_DEV")
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "web.accounts",
    "web.catalog",
    "web.cases",
    "web.indicators",
    "web.notifications",
    "web.planning",
    "web.evaluation",
    "web.citizens",
    "web.consultations",
    "web.opendata",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the Spanish page
]

ROOT_URLCONF = "web.urls"
WSGI_APPLICATION = "web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "web" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "web.home.nav",
            ],
        },
    },
]


def database_from_env() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        parts = urlparse(url)
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": parts.path.lstrip("/"),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
        }
    path = Path(os.environ.get("SQLITE_PATH", VAR_DIR / "folio.sqlite3"))
    path.parent.mkdir(parents=True, exist_ok=True)  # a fresh clone has no var/ yet
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            # Reads through mmap share the operating system's page cache between
            # connections (Django opens one per request): 256 MiB of address space.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456;"
            ),
        },
    }


DATABASES = {"default": database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out address
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "es-mx"
LANGUAGES = [("es-mx", "Español (México)")]
LOCALE_PATHS = [BASE_DIR / "web" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Mexico_City")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "web" / "static"]
#: Serve app and project static files without a collectstatic step (small deployments).
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "media"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
#: Largest manual or case document accepted, in bytes.
FOLIO_MAX_UPLOAD = int(os.environ.get("FOLIO_MAX_UPLOAD", 20 * 1024 * 1024))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "folio@localhost")
#: The mail server, for EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"

#: HTTPS deployments behind a reverse proxy that terminates TLS and sets
#: ``X-Forwarded-Proto`` and ``X-Forwarded-For`` (Caddy, nginx): one switch, ``FOLIO_HTTPS=1``.
FOLIO_HTTPS = env_bool("FOLIO_HTTPS")
if FOLIO_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("FOLIO_HSTS_SECONDS", 365 * 24 * 3600))
    # Folio is served from its own host name: its subdomains, if any, are HTTPS too.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

#: Sign-in throttling (django-axes): 10 failed sign-ins from one address lock that
#: address out, the right password included, for ``FOLIO_LOCKOUT_MINUTES`` (30); a
#: successful sign-in clears the count. Attempts are listed in the admin (Axes).
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("FOLIO_LOCKOUT_MINUTES", 30)))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "web.accounts.throttle.lockout_response"
AXES_USERNAME_FORM_FIELD = "username"
#: Behind the HTTPS proxy every request comes from the proxy: count the address it saw.
AXES_CLIENT_IP_CALLABLE = "web.accounts.throttle.client_address"

#: Content-Security-Policy (django-csp): scripts only from Folio's own static files.
#: Styles also allow inline ``<style>``: the diagrams are inline SVG that carry their own
#: stylesheet (the same SVG people download), htmx swaps new diagrams in (a nonce of the
#: first page would not match them), and the case page outlines the current activity with a
#: generated rule; htmx adds its indicator rule. ``style=`` attributes are refused
#: (``style-src-attr 'none'``): a page sets a style through a class of its stylesheet.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "style-src-attr": ["'none'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

#: Server errors with their traceback on standard error, and in ``FOLIO_LOG_FILE`` when set
#: (a relative name is under ``var/``, e.g. ``FOLIO_LOG_FILE=folio.log``).
LOGGING = logging_config(os.environ.get("FOLIO_LOG_FILE", ""), VAR_DIR)

#: Public address used in notification emails.
FOLIO_BASE_URL = os.environ.get("FOLIO_BASE_URL", "http://127.0.0.1:8000")
#: Business days before a task's due date when `folio notify` warns its holder.
FOLIO_NOTIFY_DAYS = int(os.environ.get("FOLIO_NOTIFY_DAYS", 2))
#: Where `folio audit anchor` appends the log head and `folio audit verify` checks it.
FOLIO_AUDIT_ANCHORS = Path(os.environ.get("FOLIO_AUDIT_ANCHORS", VAR_DIR / "audit-anchors.jsonl"))
#: Citizens: the Open311 ``jurisdiction_id`` this server answers for (another is a 404),
#: and the days the reporter's data are kept after the case closes (`folio citizens purge`).
FOLIO_OPEN311_JURISDICTION = os.environ.get("FOLIO_OPEN311_JURISDICTION", "folio.local")
FOLIO_CITIZEN_RETENTION_DAYS = int(os.environ.get("FOLIO_CITIZEN_RETENTION_DAYS", 365))
