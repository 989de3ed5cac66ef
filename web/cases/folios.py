"""Case folios: ``PREFIX-YYYY-000123``, numbered per office and year without gaps."""

from __future__ import annotations

from web.accounts.models import Unit
from web.cases.models import FolioCounter


def office_of(unit: Unit) -> Unit:
    """The unit whose ``folio_prefix`` numbers ``unit``'s cases: itself or the nearest
    unit above it that has a prefix (the top unit when none has)."""
    node = unit
    while not node.folio_prefix and node.parent is not None:
        node = node.parent
    return node


def format_folio(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:06d}"


def next_folio(unit: Unit, year: int) -> str:
    """Take the office's next number. Must run inside the transaction that creates the
    case: the counter row stays locked until it commits, and a rollback returns the
    number, so the sequence has no gaps."""
    office = office_of(unit)
    counter, _created = FolioCounter.objects.select_for_update().get_or_create(
        unit=office, year=year
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    prefix = office.folio_prefix.strip() or f"U{office.pk}"
    return format_folio(prefix, year, counter.last)
