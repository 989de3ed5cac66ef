"""Folio's settings (``web/settings.py``, same environment variables) with the query
counter in front."""

from web.settings import *  # noqa: F403

MIDDLEWARE = ["inbox_site.middleware.count_queries", *MIDDLEWARE]  # noqa: F405
