"""The editor on real manuals: seed 004's widest procedure (P29, 12 lanes) and the
positions of seed 002, the organization manual, offered as responsibles."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from folio.demo import SEEDS
from web.accounts.models import Unit
from web.catalog.actions import import_manual_file
from web.catalog.models import ManualVersion
from web.catalog.tests.editor_world import HTMX, open_editor, step_post

pytestmark = pytest.mark.django_db


def seed(prefix: str, unit: Unit) -> ManualVersion:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"the seed manuals are not in {SEEDS} (../shared is absent)")
    version, _ = import_manual_file(found[0], unit=unit)
    return version


def test_it_edits_and_saves_the_widest_seed_procedure(alicia: User, dge: Unit) -> None:
    # given
    version = seed("004", dge)
    p29 = version.procedures.get(code="P29")
    client, draft = open_editor(alicia, p29)
    first = p29.data["steps"][0]["number"]
    # when
    page = client.get(f"/catalogo/borradores/{draft.pk}/").content.decode()
    edited = step_post(draft, first, activity="Recibe la solicitud y la registra.")
    row = client.post(f"/catalogo/borradores/{draft.pk}/pasos/{first}/", edited, headers=HTMX)
    saved = client.post(f"/catalogo/borradores/{draft.pk}/guardar/", {"note": "Redacción."})
    # then
    assert page.count('class="step-row') == len(p29.data["steps"]) and "<svg" in page
    assert row.status_code == 200 and "Recibe la solicitud y la registra." in row.content.decode()
    new = version.manual.versions.get(number=2).procedures.get(code="P29")
    assert saved["Location"] == f"/catalogo/procedimientos/{new.pk}/"
    assert new.data["steps"][0]["activity"] == "Recibe la solicitud y la registra."
    assert new.data["steps"][1:] == p29.data["steps"][1:]


def test_it_offers_the_organization_manuals_positions(alicia: User, dge: Unit) -> None:
    organization = seed("002", dge)
    version = seed("004", dge)
    positions = organization.data["organization"]["positions"]
    client, draft = open_editor(alicia, version.procedures.get(code="P1"))
    page = client.get(f"/catalogo/borradores/{draft.pk}/").content.decode()
    title = next(p["title"] for p in positions if p["title"])
    assert f'<option value="{title}">' in page
