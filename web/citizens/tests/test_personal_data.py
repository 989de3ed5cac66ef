"""The reporter's data: deleted after the retention period (``folio citizens purge``),
logged without the data; ARCO requests run as cases of the ARCO procedure."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from web.cases.models import Case, CaseState, Event
from web.catalog.models import Procedure
from web.citizens import cli
from web.citizens.actions import NewReport, PersonalData, file_report, purge_reporters
from web.citizens.models import ArcoRequest, Report, Reporter, ServiceType
from web.citizens.tests.helpers import aged_token

PERSON = PersonalData("Rosalba", "Quintanilla", "rq@example.net", "2225550199")


def filed(service: ServiceType, closed_days_ago: int | None) -> Report:
    report = file_report(NewReport(service, "Bache", address="Av. 1", attributes={}), PERSON)
    if closed_days_ago is not None:
        ended = timezone.now() - timedelta(days=closed_days_ago)
        Case.objects.filter(pk=report.case_id).update(state=CaseState.ENDED, ended_at=ended)
    return report


def test_purge_deletes_only_what_is_past_the_retention_period(
    bache: ServiceType, settings: Any
) -> None:
    settings.FOLIO_CITIZEN_RETENTION_DAYS = 30
    old, recent, running = filed(bache, 31), filed(bache, 29), filed(bache, None)
    assert purge_reporters(dry_run=True) == [old.case.folio]
    assert Reporter.objects.get(case=old.case).email == "rq@example.net"
    output, code = cli.run_purge(argparse.Namespace(dry_run=False))
    assert code == 0 and old.case.folio in output and "30 días" in output
    gone = Reporter.objects.get(case=old.case)
    assert gone.is_empty and gone.purged_at is not None
    for kept in (recent, running):
        assert Reporter.objects.get(case=kept.case).email == "rq@example.net"
    entry = Event.objects.get(kind="citizens.reporter_purged")
    assert entry.case_id == old.case_id and "rq@example.net" not in str(entry.payload)
    assert purge_reporters() == []  # a second run finds nothing more


def test_an_arco_request_opens_a_case_of_the_arco_procedure(
    client: Client, arco_ready: Procedure
) -> None:
    sent = client.post(
        "/ciudadania/arco/",
        {
            "right": "cancelacion",
            "about_folio": "DAC-2026-000001",
            "details": "Borren mi teléfono",
            "first_name": "Rosalba Quintanilla",
            "email": "rq@example.net",
            "website": "",
            "started": aged_token(),
        },
    )
    assert sent.status_code == 302
    arco = ArcoRequest.objects.get()
    assert arco.case.procedure == arco_ready and arco.right == "cancelacion"
    assert Reporter.objects.get(case=arco.case).email == "rq@example.net"
    assert client.get("/ciudadania/arco/").status_code == 200


def test_an_arco_request_without_contact_is_refused(client: Client, arco_ready: Procedure) -> None:
    page = client.post(
        "/ciudadania/arco/",
        {
            "right": "acceso",
            "details": "Quiero ver mis datos",
            "first_name": "Rosalba",
            "website": "",
            "started": aged_token(),
        },
    )
    assert "Dé su nombre y un correo o teléfono" in page.content.decode()
    assert not ArcoRequest.objects.exists()


def test_the_demo_seeds_once(atencion: Any, gabriela: User) -> None:
    from web.citizens.demo import seed_demo
    from web.demo import Report as DemoReport

    first, second = DemoReport(), DemoReport()
    seed_demo(first)
    counts = (ServiceType.objects.count(), Report.objects.count(), Case.objects.count())
    seed_demo(second)
    assert counts == (ServiceType.objects.count(), Report.objects.count(), Case.objects.count())
    assert counts[0] == 4 and counts[1] == 4 and "4 reportes" in first.text()
    assert "reportes" not in second.text()


def test_reporters_who_asked_are_told_each_new_state_once(
    luminaria: ServiceType,
    gabriela: User,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    from web.cases.actions import complete_task
    from web.cases.models import ACTIVE_TASK_STATES

    wants = PersonalData(first_name="Rosalba", email="rq@example.net", wants_updates=True)
    report = file_report(
        NewReport(luminaria, "Poste", address="Av. 1", attributes={"lamparas": "una"}), wants
    )
    file_report(
        NewReport(luminaria, "Otro", address="Av. 2", attributes={"lamparas": "una"}),
        PersonalData(email="no-quiere@example.net"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert cli.run_notify(argparse.Namespace())[0].startswith(
            "Avisos de cambio de estado enviados: 0"
        )
    complete_task(report.case.tasks.get(state__in=ACTIVE_TASK_STATES), gabriela)
    with django_capture_on_commit_callbacks(execute=True):
        output, _code = cli.run_notify(argparse.Namespace())
    assert report.case.folio in output
    assert [m.to for m in mailoutbox] == [["rq@example.net"]] and "asignada" in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        cli.run_notify(argparse.Namespace())
    assert len(mailoutbox) == 1
