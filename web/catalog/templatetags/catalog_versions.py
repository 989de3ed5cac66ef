"""Template filters of the versions pages."""

from __future__ import annotations

from collections.abc import Iterable

from django import template

from web.catalog.models import Procedure

register = template.Library()


@register.filter
def retired_only(rows: Iterable[Procedure]) -> list[Procedure]:
    """The procedure rows that were retired."""
    return [row for row in rows if row.retired_at is not None]
