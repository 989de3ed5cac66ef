"""The MIR and ficha pages: reading, editing by planning staff only, the semáforo per
period, and every write in the log."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from web.cases.models import Event
from web.evaluation.actions import capture_values
from web.evaluation.matrix import check_program
from web.evaluation.models import Value
from web.evaluation.tests.conftest import Mir

pytestmark = pytest.mark.django_db


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_fixture_mir_passes_every_check(mir: Mir) -> None:
    assert [str(f) for f in check_program(mir.program)] == []


def test_the_matrix_page_shows_the_four_levels(mir: Mir, bruno: User) -> None:
    page = client_for(bruno).get(f"/evaluacion/mir/{mir.program.pk}/").content.decode()
    for ref in ("Fin", "Propósito", "Componente 1", "Actividad 1.1"):
        assert f">{ref}" in page
    assert "Solicitudes atendidas" in page
    assert "/filas/" not in page  # bruno reads; no edit links


def test_the_ficha_shows_the_semaforo_per_period(mir: Mir, alicia: User) -> None:
    atendidas, recibidas = mir.activity.variables.order_by("name")
    capture_values(alicia, atendidas, {1: 72.0, 2: 50.0, 3: 5.0})
    capture_values(alicia, recibidas, {1: 100.0, 2: 100.0, 3: 0.0})
    page = client_for(alicia).get(f"/evaluacion/indicadores/{mir.activity.pk}/").content.decode()
    # T1: 72 % of a meta of 80 is 90 % → verde; T2: 50/80 = 62.5 % → rojo;
    # T3: division by zero → sin dato; T4: nothing captured → sin dato
    assert page.count('class="light light-verde"') == 1
    assert page.count('class="light light-rojo"') == 1
    assert page.count('class="light light-sin-dato"') == 2
    assert "División entre cero" in page
    assert Event.objects.filter(kind="evaluation.values_captured").count() == 2


@pytest.mark.parametrize("who", ["bruno", "fernando", "gabriela", "carla"])
def test_only_planning_staff_edit_a_ficha(
    mir: Mir, who: str, request: pytest.FixtureRequest
) -> None:
    user = request.getfixturevalue(who)
    client = client_for(user)
    url = f"/evaluacion/indicadores/{mir.activity.pk}/"
    assert client.get(url).status_code == 200  # everyone in the office reads
    assert client.get(url + "editar/").status_code == 403
    response = client.post(url + "valores/", {"t1": "1"})
    assert response.status_code == 403
    assert (
        client.post(
            url + "variables/", {"name": "x", "description": "x", "source": "manual"}
        ).status_code
        == 302
    )
    assert not mir.activity.variables.filter(name="x").exists()


def test_the_planning_group_permission_lets_someone_edit(mir: Mir, bruno: User) -> None:
    bruno.user_permissions.add(Permission.objects.get(codename="edit_mir"))
    client = client_for(bruno)
    url = f"/evaluacion/indicadores/{mir.activity.pk}/editar/"
    data = {"name": "Solicitudes atendidas a tiempo", "formula": "atendidas / recibidas * 100"}
    data |= {"frequency": "trimestral", "sentido": "descendente", "green": "90", "yellow": "70"}
    response = client.post(url, data)
    assert response.status_code == 302
    mir.activity.refresh_from_db()
    assert (mir.activity.name, mir.activity.sentido) == (
        "Solicitudes atendidas a tiempo",
        "descendente",
    )
    event = Event.objects.filter(kind="evaluation.indicator_saved").latest("pk")
    assert event.payload["name"] == "Solicitudes atendidas a tiempo"


def test_values_are_captured_through_the_grid(mir: Mir, alicia: User) -> None:
    atendidas, recibidas = mir.activity.variables.order_by("name")
    url = f"/evaluacion/indicadores/{mir.activity.pk}/valores/"
    client = client_for(alicia)
    form = client.get(url).content.decode()
    assert f'name="v{atendidas.pk}_4"' in form
    data = {"t1": "80", "t2": "80", "t3": "", "t4": "90", f"v{atendidas.pk}_1": "40"}
    data[f"v{recibidas.pk}_1"] = "50"
    assert client.post(url, data).status_code == 302
    assert list(Value.objects.filter(variable=atendidas).values_list("period", "value")) == [
        (1, 40.0)
    ]
    assert sorted(mir.activity.targets.values_list("period", flat=True)) == [1, 2, 4]


def test_a_head_of_another_unit_cannot_add_rows(mir: Mir, carla: User) -> None:
    url = f"/evaluacion/mir/{mir.program.pk}/filas/nueva/"
    client_for(carla).post(url, {"level": "componente", "summary": "Otro", "position": "9"})
    assert mir.program.rows.count() == 4


def test_the_pdfs_are_pdfs(mir: Mir, bruno: User) -> None:
    client = client_for(bruno)
    for url in (
        f"/evaluacion/mir/{mir.program.pk}/mir.pdf",
        f"/evaluacion/indicadores/{mir.fin.pk}/ficha.pdf",
    ):
        response = client.get(url)
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


def test_deleting_a_componente_takes_its_actividades_and_logs_them(mir: Mir, alicia: User) -> None:
    component = mir.program.rows.get(level="componente")
    activity = mir.program.rows.get(level="actividad")
    response = client_for(alicia).post(
        f"/evaluacion/mir/{mir.program.pk}/filas/{component.pk}/borrar/"
    )
    assert response.status_code == 302
    assert sorted(mir.program.rows.values_list("level", flat=True)) == ["fin", "proposito"]
    event = Event.objects.filter(kind="evaluation.row_deleted").get()
    assert event.payload["activities"] == [activity.pk]
    findings = [str(f) for f in check_program(mir.program)]
    assert findings == ["MIR, Componentes: Debe haber al menos un Componente."]


def test_an_actividad_needs_a_componente_of_the_same_program(mir: Mir, alicia: User) -> None:
    url = f"/evaluacion/mir/{mir.program.pk}/filas/nueva/"
    page = client_for(alicia).post(
        url, {"level": "actividad", "summary": "Suelta", "position": "5"}
    )
    assert "Componente: una Actividad va bajo un Componente." in page.content.decode()
    assert mir.program.rows.count() == 4


def test_planning_staff_delete_an_indicator_others_cannot(
    mir: Mir, alicia: User, bruno: User
) -> None:
    url = f"/evaluacion/indicadores/{mir.fin.pk}/borrar/"
    client_for(bruno).post(url)
    assert mir.fin.row.indicators.count() == 1
    assert client_for(alicia).post(url).status_code == 302
    assert mir.fin.row.indicators.count() == 0
    event = Event.objects.filter(kind="evaluation.indicator_deleted").get()
    assert event.payload["variables"] == ["atendidas", "recibidas"]
    assert "Fin, Indicadores: No tiene ningún indicador." in [
        str(f) for f in check_program(mir.program)
    ]


def test_a_live_variable_names_a_procedure_of_the_dependencia(
    mir: Mir, alicia: User, cuentas: object
) -> None:
    url = f"/evaluacion/indicadores/{mir.fin.pk}/variables/"
    live = {
        "description": "Capacidad de respuesta",
        "source": "live",
        "measure": "response_capacity",
    }
    client = client_for(alicia)
    page = client.post(url, live | {"name": "capacidad", "procedure_code": "P9"}, follow=True)
    assert "ningún manual de Dirección de Gobierno Electrónico tiene un procedimiento P9" in (
        page.content.decode()
    )
    client.post(url, live | {"name": "capacidad", "procedure_code": "P1"})
    variable = mir.fin.variables.get(name="capacidad")
    assert (variable.source, variable.procedure_code) == ("live", "P1")


def test_an_administrator_without_a_unit_reads_and_a_stranger_does_not(mir: Mir) -> None:
    admin = User.objects.create_user("operadora", is_staff=True)
    assert client_for(admin).get("/evaluacion/").status_code == 200
    stranger = User.objects.create_user("visitante")
    assert client_for(stranger).get("/evaluacion/").status_code == 403
