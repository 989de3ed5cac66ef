"""The role directory: people per role, and merges of spellings of one role."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from tests.conftest import SEED_004, needs_shared
from web.catalog.actions import ensure_role, import_manual_file
from web.catalog.models import Role, RoleAlias
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


@needs_shared
def test_it_suggests_merging_the_spellings_the_linter_groups(alicia: User) -> None:
    import_manual_file(SEED_004)
    body = signed_in(alicia).get("/catalogo/roles/").content.decode()
    assert "«Consultivo A» → «Analista Consultivo A»" in body
    assert "«Analista A/B» →" not in body  # a different role, not a spelling


def test_it_merges_a_spelling_keeping_its_people(alicia: User, bruno: User) -> None:
    # given
    keep, variant = ensure_role("Analista Consultivo A"), ensure_role("Consultivo A")
    variant.members.add(bruno)
    # when
    response = signed_in(alicia).post(f"/catalogo/roles/{variant.pk}/unir/", {"into": keep.pk})
    # then
    assert response.status_code == 302
    assert not Role.objects.filter(name="Consultivo A").exists()
    assert list(keep.members.all()) == [bruno]
    assert RoleAlias.objects.get(name="Consultivo A").role == keep
    assert ensure_role("Consultivo A") == keep  # later imports land on the merged role


def test_it_sets_the_people_of_a_role(alicia: User, bruno: User) -> None:
    role = ensure_role("Analista Consultivo A")
    signed_in(alicia).post(f"/catalogo/roles/{role.pk}/personas/", {"members": [bruno.pk]})
    assert list(role.members.all()) == [bruno]


def test_it_lets_only_administrators_change_roles(bruno: User) -> None:
    role = ensure_role("Analista Consultivo A")
    response = signed_in(bruno).post(f"/catalogo/roles/{role.pk}/personas/", {"members": []})
    assert response.status_code == 302 and "/cuentas/entrar/" in response["Location"]
    assert signed_in(bruno).get("/catalogo/roles/").status_code == 200  # reading is fine
