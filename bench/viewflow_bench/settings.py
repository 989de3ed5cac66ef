"""Minimal settings for running the workload on django-viewflow: auth, contenttypes and
viewflow's workflow models, nothing else. ``BENCH_DATABASE_URL`` is a PostgreSQL URL or
the path of an SQLite file (tuned like Folio's: WAL, ``synchronous=NORMAL``)."""

from __future__ import annotations

import os
from urllib.parse import unquote, urlparse

from databases import SQLITE_OPTIONS

SECRET_KEY = "viewflow-bench-only"
DEBUG = False
USE_TZ = True
TIME_ZONE = "America/Mexico_City"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "viewflow",
    "viewflow.workflow",
    "viewflow_bench",
]


def _database(url: str) -> dict[str, object]:
    if url.startswith(("postgres://", "postgresql://")):
        parts = urlparse(url)
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": parts.path.lstrip("/"),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
        }
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": url, "OPTIONS": SQLITE_OPTIONS}


DATABASES = {"default": _database(os.environ["BENCH_DATABASE_URL"])}
