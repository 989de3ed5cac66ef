"""The role directory: people per role, searched a page at a time, and merges of
spellings of one role."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from tests.conftest import SEED_004, needs_shared
from web.catalog.actions import ensure_role, import_manual_file
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


@needs_shared
def test_it_suggests_merging_the_spellings_the_linter_groups(alicia: User) -> None:
    import_manual_file(SEED_004)
    body = signed_in(alicia).get("/catalogo/roles/").content.decode()
    assert "«Consultivo A» → «Analista Consultivo A»" in body
    assert "«Analista A/B» →" not in body  # a different role, not a spelling


def test_it_finds_roles_by_name_without_accents(alicia: User) -> None:
    ensure_role("Técnico/a de Soporte")
    ensure_role("Analista Consultivo A")
    body = signed_in(alicia).get("/catalogo/roles/", {"q": "TECNICO"}).content.decode()
    assert "Técnico/a de Soporte" in body and "Analista Consultivo A" not in body


def test_it_finds_roles_by_the_name_of_a_person(alicia: User, bruno: User) -> None:
    ensure_role("Analista Consultivo A").members.add(bruno)
    ensure_role("Técnico/a de Soporte")
    body = signed_in(alicia).get("/catalogo/roles/", {"q": "tellez"}).content.decode()
    assert "Analista Consultivo A" in body and "Técnico/a de Soporte" not in body


def test_it_shows_many_roles_a_page_at_a_time(alicia: User) -> None:
    for n in range(100):
        ensure_role(f"Rol de prueba {n:03d}")
    client = signed_in(alicia)
    first = client.get("/catalogo/roles/").content.decode()
    assert "Rol de prueba 000" in first and "Rol de prueba 099" not in first
    last = client.get("/catalogo/roles/", {"page": 5}).content.decode()
    assert "Rol de prueba 099" in last and "Página 5 de 5" in last


def test_a_reader_sees_the_people_without_forms(bruno: User, alicia: User) -> None:
    body = signed_in(bruno).get("/catalogo/roles/").content.decode()
    assert "Alicia Ramos" in body and "/personas/agregar/" not in body
