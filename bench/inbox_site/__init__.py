"""Folio's web project plus one bench-only page: the inbox's first page, paginated with
``inbox_queries``. Served by gunicorn from ``bench/inbox.py``; never part of Folio."""
