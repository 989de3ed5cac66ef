"""Filters of the planning pages: numbers as the reports write them, semáforo labels."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

register = template.Library()

LABELS = {"verde": "Green", "amarillo": "Yellow", "rojo": "Red", "sin dato": "No data"}


@register.filter
def number(value: Decimal | float | None) -> str:
    """``1,234.5``; a dash for no value."""
    if value is None:
        return "—"
    quantity = Decimal(str(value))
    text = f"{quantity:,.2f}".rstrip("0").rstrip(".")
    return text


@register.filter
def light_label(color: str) -> str:
    return _(LABELS.get(color, color))


@register.filter
def light_class(color: str) -> str:
    return color.replace(" ", "-")


@register.filter
def programmed(goal: object, month: int) -> Decimal | None:
    return goal.programmed_for(month)  # type: ignore[attr-defined]


@register.filter
def bar_class(value: Decimal | None) -> str:
    """The width class of a percentage bar, to the nearest ten (CSP forbids inline styles)."""
    if value is None:
        return "w0"
    return f"w{min(100, max(0, int(round(float(value) / 10)) * 10))}"


@register.filter
def month_name(month: int) -> str:
    from web.planning.reports import month_name as name

    return name(int(month))
