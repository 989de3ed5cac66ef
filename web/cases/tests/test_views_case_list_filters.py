"""The case list's filters, sorting and accent-insensitive search; the deadline states
are filtered in SQL and agree with the "Plazo" column the list shows."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import User
from django.test import Client

from folio.calendar import BusinessCalendar
from folio.demo import DEMO_TEXT
from folio.manuals.timespec import parse_time
from web.accounts.models import Unit
from web.cases.actions import cancel_case, claim_task, open_case
from web.cases.case_search import CaseFilters, last_start_at_risk, search_cases
from web.cases.models import Case
from web.cases.queries import case_deadlines
from web.cases.tests.conftest import SetClock, step, waiting
from web.catalog.actions import import_manual_file
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def folios(client: Client, query: str) -> list[str]:
    """The folios the list shows, in its order."""
    body = client.get(f"/casos/buscar/?{query}").content.decode()
    return re.findall(r'class="folio" href="[^"]+">([^<]+)</a>', body)


def test_it_filters_by_state_activity_holder_procedure_and_dates(
    cuentas: Procedure,
    respaldos: Procedure,
    bruno: User,
    alicia: User,
    diego: User,
    clock: SetClock,
) -> None:
    clock(datetime(2026, 3, 2, 10))
    first = open_case(cuentas, bruno, "Cuenta SAP")
    clock(datetime(2026, 3, 4, 10))
    held = open_case(cuentas, bruno, "Cuenta de correo")
    claim_task(waiting(held), alicia)
    moved = step(step(open_case(cuentas, bruno, "Cuenta de nómina"), bruno, "1"), alicia, "2")
    backup = open_case(respaldos, diego, "Respaldo mensual")
    gone = open_case(cuentas, bruno, "Cuenta duplicada")
    cancel_case(gone, bruno, "Duplicado")
    client = signed_in(alicia)

    def found(query: str) -> set[str]:
        return set(folios(client, query))

    assert found("state=cancelled") == {gone.folio}
    assert found("state=open") == {first.folio, held.folio, moved.folio, backup.folio}
    assert found("step=3") == {moved.folio}
    assert found(f"holder={alicia.pk}") == {held.folio}
    assert found(f"procedure={respaldos.pk}") == {backup.folio}
    assert found("started_from=2026-03-01&started_to=2026-03-03") == {first.folio}
    assert found("started_from=2026-03-04") == {held.folio, moved.folio, backup.folio, gone.folio}
    assert found("step=3&state=cancelled") == set()


def test_it_says_a_reversed_date_range_is_wrong(alicia: User) -> None:
    body = signed_in(alicia).get("/casos/buscar/?started_from=2026-03-05&started_to=2026-03-01")
    assert "La fecha final es anterior a la inicial." in body.content.decode()


def test_it_filters_deadline_states_in_sql_as_the_list_shows_them(
    gabriela: User, atencion: Unit, clock: SetClock
) -> None:
    # given: "1 a 5 días hábiles" cases started on each of 14 days (weekends too), and
    # one whose procedure states no time
    demo, _ = import_manual_file(DEMO_TEXT, unit=atencion)
    procedure = demo.procedures.get(code="P1")
    for day in range(2, 16):
        clock(datetime(2026, 3, day, 9))
        open_case(procedure, gabriela, f"Luminaria {day}")
    clock(datetime(2026, 3, 16, 12))
    shown = {r.case.folio: r.deadline for r in case_deadlines(Case.objects.all()) if r.deadline}
    # when / then: each state's filter finds exactly the cases the column says
    for state in ("on_time", "at_risk", "overdue"):
        found = search_cases(gabriela, CaseFilters(deadline=state))
        expected = {folio for folio, deadline in shown.items() if deadline.state == state}
        assert {case.folio for case in found} == expected, state
        assert expected, f"the world has no {state} case"


def test_it_finds_the_last_start_at_risk_across_a_weekend() -> None:
    calendar, spec = BusinessCalendar(), parse_time("1 a 5 días hábiles.")
    # Monday 16 March 2026 is a federal holiday: the last start at risk is the one
    # whose one día hábil ends before Tuesday 17
    last = last_start_at_risk(spec, date(2026, 3, 17), calendar)
    assert last is not None
    assert calendar.risk_date(last, spec) < date(2026, 3, 17)  # type: ignore[operator]
    later = calendar.risk_date(last + timedelta(days=1), spec)
    assert later is not None and later >= date(2026, 3, 17)
    assert last_start_at_risk(parse_time("5 días hábiles."), date(2026, 3, 17), calendar) is None


def test_it_searches_without_accents_or_case(cuentas: Procedure, bruno: User) -> None:
    juarez = open_case(
        cuentas, bruno, "Cuenta para la oficina de Juárez", "Tesorería", "DGE/0042/2026"
    )
    other = open_case(cuentas, bruno, "Cuenta de correo", "Catastro")
    client = signed_in(bruno)
    assert folios(client, "q=juarez") == [juarez.folio]
    assert folios(client, "q=JUÁREZ") == [juarez.folio]
    assert folios(client, "q=Juárez oficina") == [juarez.folio]
    assert folios(client, "q=tesoreria") == [juarez.folio]
    assert folios(client, "q=0042") == [juarez.folio]
    assert folios(client, f"q={other.folio.lower()}") == [other.folio]
    assert folios(client, "q=juarez catastro") == []
    # a change saved through update_fields is searchable too
    other.subject = "Cuenta en Ciudad Juárez"
    other.save(update_fields=["subject"])
    assert set(folios(client, "q=ciudad juarez")) == {other.folio}


def test_it_sorts_both_ways_and_its_links_keep_the_filters(
    cuentas: Procedure, bruno: User, clock: SetClock
) -> None:
    made = []
    for day, subject in ((3, "Cuenta B"), (2, "Cuenta A"), (4, "Cuenta C")):
        clock(datetime(2026, 3, day, 10))
        made.append(open_case(cuentas, bruno, subject))
    cancel_case(made[2], bruno, "Duplicado")
    client = signed_in(bruno)
    by_start = [made[1].folio, made[0].folio, made[2].folio]
    by_folio = sorted(case.folio for case in made)
    assert folios(client, "sort=started") == by_start
    assert folios(client, "sort=-started") == by_start[::-1]
    assert folios(client, "") == by_start[::-1]
    assert folios(client, "sort=folio") == by_folio
    assert folios(client, "sort=-folio") == by_folio[::-1]
    assert folios(client, "sort=state")[0] == made[2].folio  # cancelled before open
    assert folios(client, "sort=-state")[-1] == made[2].folio
    body = client.get("/casos/buscar/?q=cuenta&sort=folio&page=1").content.decode()
    assert 'href="?q=cuenta&amp;sort=-folio"' in body  # the other way, filters kept
    assert 'href="?q=cuenta&amp;sort=due"' in body


def test_it_pages_and_reads_a_bounded_number_of_queries(
    cuentas: Procedure, bruno: User, alicia: User, django_assert_max_num_queries: object
) -> None:
    for i in range(30):
        case = open_case(cuentas, bruno, f"Cuenta {i}")
        if i % 2:
            claim_task(waiting(case), alicia)
    client = signed_in(alicia)
    client.get("/casos/buscar/")  # warm the parsed procedure cache
    with django_assert_max_num_queries(15):  # type: ignore[operator]  # 25 rows, días inhábiles
        response = client.get("/casos/buscar/?deadline=on_time&sort=due")
    assert response.status_code == 200
    body = response.content.decode()
    assert len(re.findall('class="folio"', body)) == 25
    assert "Alicia Ramos" in body
    assert len(folios(client, "deadline=on_time&page=2")) == 5


def test_its_migration_fills_the_search_text_of_existing_cases(
    cuentas: Procedure, bruno: User
) -> None:
    case = open_case(cuentas, bruno, "Cuenta para Juárez", "Tesorería", "OF-7")
    Case.objects.update(search_text="")  # as the rows were before the migration
    migration = import_module("web.cases.migrations.0010_case_search_text")
    migration.fill_search_text(django_apps, None)
    case.refresh_from_db()
    assert case.search_text == f"{case.folio.lower()}\ncuenta para juarez\ntesoreria\nof-7"
