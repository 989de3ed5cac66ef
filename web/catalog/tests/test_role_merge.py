"""Merging a spelling of a role: a confirmation page first; malformed requests get a
Spanish 400, never a 500."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.catalog import roles_views
from web.catalog.actions import ensure_role
from web.catalog.models import Role, RoleAlias
from web.catalog.roles import MergeSuggestion
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_asks_before_merging_and_says_what_moves(alicia: User, bruno: User) -> None:
    keep, variant = ensure_role("Analista Consultivo A"), ensure_role("Consultivo A")
    variant.members.add(bruno)
    url = f"/catalogo/roles/{variant.pk}/unir/"
    response = signed_in(alicia).get(url, {"into": keep.pk})
    body = response.content.decode()
    assert response.status_code == 200
    assert "«Consultivo A» pasará a ser otra forma de escribir «Analista Consultivo A»" in body
    assert "Bruno Téllez" in body and 'method="post"' in body
    assert Role.objects.filter(name="Consultivo A").exists()  # nothing merged yet


def test_it_merges_a_spelling_keeping_its_people(alicia: User, bruno: User) -> None:
    keep, variant = ensure_role("Analista Consultivo A"), ensure_role("Consultivo A")
    variant.members.add(bruno)
    response = signed_in(alicia).post(f"/catalogo/roles/{variant.pk}/unir/", {"into": keep.pk})
    assert response.status_code == 302
    assert not Role.objects.filter(name="Consultivo A").exists()
    assert list(keep.members.all()) == [bruno]
    assert RoleAlias.objects.get(name="Consultivo A").role == keep
    assert ensure_role("Consultivo A") == keep  # later imports land on the merged role


@pytest.mark.parametrize("into", [None, "", "abc", "12.5", "999999", "9" * 30, "self"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_it_refuses_a_malformed_merge(alicia: User, into: str | None, method: str) -> None:
    variant = ensure_role("Consultivo A")
    ensure_role("Analista Consultivo A")
    before = Role.objects.count()
    data = {} if into is None else {"into": str(variant.pk) if into == "self" else into}
    client = signed_in(alicia)
    response = getattr(client, method)(f"/catalogo/roles/{variant.pk}/unir/", data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Diga con qué rol" in body or "no puede unirse consigo mismo" in body
    assert Role.objects.count() == before and not RoleAlias.objects.filter(name="Consultivo A")


def test_a_merge_link_is_offered_not_a_button_that_merges(
    alicia: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep, variant = ensure_role("Analista Consultivo A"), ensure_role("Consultivo A")
    suggestion = MergeSuggestion(variant, keep)
    monkeypatch.setattr(roles_views, "merge_suggestions", lambda: [suggestion])
    body = signed_in(alicia).get("/catalogo/roles/").content.decode()
    assert f'href="/catalogo/roles/{variant.pk}/unir/?into={keep.pk}"' in body
    assert '/unir/" method' not in body
