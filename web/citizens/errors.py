"""Refusals of the citizens app: ``str(error)`` is a Spanish sentence naming the field."""

from __future__ import annotations


class ReportRefused(ValueError):
    """A report that cannot be filed as sent; ``field`` names the field at fault
    (an Open311 parameter name) when there is one."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class CatalogueError(ValueError):
    """A report type or application that cannot be saved as given."""
