"""Folio's Django project: catalog of manuals, cases, inboxes. The core is ``folio``."""
