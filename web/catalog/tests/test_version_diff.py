"""The diff page between two versions of a manual (``?a=&b=``): procedures and steps
added, removed and changed, side by side, with the jumps and responsibles that changed."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.contrib.auth.models import User

from folio.manuals.model import END, Transition
from web.catalog.actions import save_manual_version
from web.catalog.models import ManualVersion
from web.catalog.tests.test_version_list import edited
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def second(pruebas_dge: ManualVersion, alicia: User) -> ManualVersion:
    """Activity 6 of P1 now ends on "No" instead of going back to 5, and is the head's
    and the coordinador's; activity 7 is deleted; P2 is dropped."""
    manual = pruebas_dge.model()
    p1 = manual.procedures[0]
    six = p1.step("6")
    assert six is not None
    head = six.responsible[0]
    coordinador = p1.step("5").responsible[0]  # type: ignore[union-attr]
    new_six = replace(
        six,
        responsible=(head, coordinador),
        next=(Transition(END, "No"), Transition(END, "En caso contrario")),
    )
    steps = tuple(new_six if s.number == "6" else s for s in p1.steps if s.number != "7")
    changed = replace(manual, procedures=(replace(p1, steps=steps),))
    note = "Un formato incompleto termina el trámite."
    return save_manual_version(
        pruebas_dge.manual, changed, user=alicia, note=note, based_on=pruebas_dge
    )


def diff_page(user: User, version: ManualVersion, query: str) -> tuple[int, str]:
    response = signed_in(user).get(f"/catalogo/manuales/{version.manual_id}/cambios/?{query}")
    return response.status_code, response.content.decode()


def test_it_shows_what_changed_side_by_side(second: ManualVersion, bruno: User) -> None:
    status, body = diff_page(bruno, second, "a=1&b=2")
    assert status == 200
    assert "Cambios de la versión 1 a la versión 2" in body
    assert "Un formato incompleto termina el trámite." in body
    assert "Procedimientos quitados" in body and "P2. Procedimiento para la copia" in body
    assert "Actividades quitadas" in body and "Recibe, verifica y firma" in body
    assert body.count('class="diff-pair"') == 1
    assert "Antes" in body and "Ahora" in body
    assert "«No»: ahora va a fin (antes: actividad 5)" in body
    assert "Coordinador/a Especializado/a en Monitoreo de Sistemas" in body


def test_it_compares_either_way(second: ManualVersion, bruno: User) -> None:
    status, body = diff_page(bruno, second, "a=2&b=1")
    assert status == 200 and "Procedimientos agregados" in body


def test_it_says_when_there_is_no_difference(second: ManualVersion, bruno: User) -> None:
    status, body = diff_page(bruno, second, "a=2&b=2")
    assert status == 200 and "Sin diferencias" in body


def test_it_tells_which_version_does_not_exist(second: ManualVersion, bruno: User) -> None:
    status, body = diff_page(bruno, second, "a=1&b=9")
    assert status == 400
    assert "Seleccione una opción válida. 9 no es una de las opciones disponibles." in body


def test_it_links_the_latest_change_from_the_manual_page(
    pruebas_dge: ManualVersion, alicia: User
) -> None:
    edited(pruebas_dge, alicia, "Se renombra P1.")
    body = signed_in(alicia).get(f"/catalogo/manuales/{pruebas_dge.manual_id}/").content.decode()
    assert "?a=1&amp;b=2" in body


def test_a_save_without_changes_shows_only_its_edition_line(
    pruebas_dge: ManualVersion, alicia: User
) -> None:
    # The change note goes into the registro de ediciones, so no save is without a change.
    save_manual_version(
        pruebas_dge.manual, pruebas_dge.model(), user=alicia, note="Sin cambios de contenido."
    )
    status, body = diff_page(alicia, pruebas_dge, "a=1&b=2")
    assert status == 200 and "Registro de ediciones" in body
    assert "02 | " in body and "Sin cambios de contenido." in body
    assert "Actividades cambiadas" not in body


def test_the_change_note_becomes_a_line_of_the_registro_de_ediciones(
    pruebas_dge: ManualVersion, alicia: User
) -> None:
    second = save_manual_version(
        pruebas_dge.manual, pruebas_dge.model(), user=alicia, note="  Se corrige\nel paso 4. "
    )
    third = save_manual_version(pruebas_dge.manual, second.model(), user=alicia, note="Otra.")
    lines = third.model().editions[-2:]
    assert [line.split(" | ")[0] for line in lines] == ["02", "03"]
    assert lines[0].endswith(" | Se corrige el paso 4.")


def test_with_no_versions_asked_it_shows_the_latest_change(
    second: ManualVersion, bruno: User
) -> None:
    status, body = diff_page(bruno, second, "")
    assert status == 200 and "Cambios de la versión 1 a la versión 2" in body
