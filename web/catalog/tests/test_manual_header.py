"""Editar datos del manual: the header of an existing manual saved as a new version with a
required change note; its procedures stay."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from web.accounts.models import Unit
from web.catalog.models import ManualVersion, VersionOrigin
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def url(version: ManualVersion) -> str:
    return reverse("catalog:manual-header-edit", args=[version.manual_id])


def current_form(client: Any, version: ManualVersion) -> dict[str, str]:
    """The form as the page fills it in (every input, textarea and selected option)."""
    form = client.get(url(version)).context["forms"]
    data: dict[str, str] = {}
    for bound in (form.header, *form.authorizations, *form.glossary):
        for field in bound:
            value = field.value()
            data[field.html_name] = "" if value is None else str(getattr(value, "pk", value))
    for formset in (form.authorizations, form.glossary):
        for field in formset.management_form:
            data[field.html_name] = str(field.value())
    return data


def test_it_fills_the_form_with_the_current_header(
    alicia: User, pruebas_dge: ManualVersion
) -> None:
    response = signed_in(alicia).get(url(pruebas_dge))
    body = response.content.decode()
    assert response.status_code == 200 and "Editar datos del manual" in body
    assert f'value="{pruebas_dge.manual.title}"' in body
    assert 'name="note"' in body and "Nota del cambio" in body


def test_it_saves_the_header_as_a_new_version_with_the_note(
    alicia: User, pruebas_dge: ManualVersion, ingenieria: Unit
) -> None:
    # given
    client = signed_in(alicia)
    data = current_form(client, pruebas_dge)
    data.update(
        {
            "title": "Manual de Procedimientos de Ingeniería de Aplicaciones",
            "unit": str(ingenieria.pk),
            "revision": "02",
            "glosario-0-term": "DGE",
            "glosario-0-definition": "Dirección de Gobierno Electrónico",
            "note": "Cambia de unidad tras la reestructura",
        }
    )
    # when
    response = client.post(url(pruebas_dge), data)
    # then: version 2 edited from 1, same procedures, the catalog follows the new header
    assert response.status_code == 302
    manual = pruebas_dge.manual
    manual.refresh_from_db()
    version = manual.current
    assert version is not None and version.number == 2 and version.based_on == pruebas_dge
    assert (version.origin, version.note) == (
        VersionOrigin.EDITED,
        "Cambia de unidad tras la reestructura",
    )
    assert manual.title == "Manual de Procedimientos de Ingeniería de Aplicaciones"
    assert manual.unit == ingenieria
    model = version.model()
    assert model.revision == "02" and model.unit == ingenieria.name
    assert [t.term for t in model.glossary][:1] == ["DGE"]
    assert [p.code for p in model.procedures] == [p.code for p in pruebas_dge.model().procedures]
    assert len(model.diagnostics) == len(pruebas_dge.model().diagnostics)


def test_it_refuses_a_header_without_a_change_note(
    alicia: User, pruebas_dge: ManualVersion
) -> None:
    client = signed_in(alicia)
    data = {**current_form(client, pruebas_dge), "revision": "03", "note": "  "}
    response = client.post(url(pruebas_dge), data)
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert pruebas_dge.manual.versions.count() == 1


def test_it_refuses_a_note_when_nothing_changed(alicia: User, pruebas_dge: ManualVersion) -> None:
    client = signed_in(alicia)
    data = {**current_form(client, pruebas_dge), "note": "Sin cambios"}
    response = client.post(url(pruebas_dge), data)
    assert "No cambió nada" in response.content.decode()
    assert pruebas_dge.manual.versions.count() == 1


def test_it_refuses_people_who_do_not_edit_manuals(
    bruno: User, fernando: User, pruebas_dge: ManualVersion
) -> None:
    fernando.is_staff = True  # an auditor reads manuals and changes nothing, even as staff
    fernando.save()
    assert signed_in(bruno).get(url(pruebas_dge)).status_code == 403
    assert signed_in(fernando).get(url(pruebas_dge)).status_code == 403
    assert signed_in(bruno).post(url(pruebas_dge), {"note": "x"}).status_code == 403
    assert pruebas_dge.manual.versions.count() == 1


def test_it_links_the_form_from_the_manual_page(alicia: User, pruebas_dge: ManualVersion) -> None:
    page = reverse("catalog:manual-detail", args=[pruebas_dge.manual_id])
    assert url(pruebas_dge) in signed_in(alicia).get(page).content.decode()
