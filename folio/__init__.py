"""Folio's pure-Python core: manuals as data. Never imports Django."""

__version__ = "0.1.0"
