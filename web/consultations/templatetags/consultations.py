"""``{% load consultations %}``: ``{{ moment|long_moment }}``."""

from __future__ import annotations

from datetime import datetime

from django import template

from web.consultations.dates import long_moment as _long_moment

register = template.Library()


@register.filter
def long_moment(moment: datetime | None) -> str:
    return _long_moment(moment) if moment is not None else ""
