"""Versions of a manual: their history, what changed between two (``folio.manuals.diff``),
what a new version carries over from the one before, and retiring manuals and
procedures."""
