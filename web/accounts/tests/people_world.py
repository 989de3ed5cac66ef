"""Shared pieces of the people tests: the data an administrator types for a new person."""

from __future__ import annotations

from typing import Any

from web.accounts.models import Unit
from web.accounts.people.actions import PersonData


def new_person(unit: Unit | None, **changes: Any) -> PersonData:
    """Hugo Lara, a new Analista of the Departamento de Ingeniería (invented)."""
    fields: dict[str, Any] = {
        "username": "hugo",
        "first_name": "Hugo",
        "last_name": "Lara Núñez",
        "email": "hugo@example.org",
        "unit": unit,
        "position": "Analista de Sistemas",
        "is_head": False,
        "is_auditor": False,
        "is_staff": False,
        **changes,
    }
    return PersonData(**fields)
