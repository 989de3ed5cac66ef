"""Moments as the consultation pages write them: "5 de diciembre de 2026, 09:00" in the
office's time zone (Django's "F" capitalises Spanish months)."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format


def long_moment(moment: datetime) -> str:
    local = timezone.localtime(moment)
    month = date_format(local, "F").lower()
    return f"{local.day} de {month} de {local.year}, {local:%H:%M}"
