"""Folio's web project as ``bench/inbox.py`` serves it: the same settings and URLs, plus
a middleware that says how many SQL statements each request ran. Never part of Folio."""
