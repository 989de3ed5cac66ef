"""Folio's settings (``web/settings.py``, same environment variables) with the bench's
URLs added in front of Folio's."""

from web.settings import *  # noqa: F403

ROOT_URLCONF = "inbox_site.urls"
MIDDLEWARE = ["inbox_site.middleware.count_queries", *MIDDLEWARE]  # noqa: F405
