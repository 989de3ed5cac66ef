"""Refusals of catalog writes, worded for the person who asked (Spanish through i18n)."""


class CatalogError(Exception):
    """A catalog write that cannot be done as asked; the message says why and what to do."""
