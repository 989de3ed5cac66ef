"""The evaluation demo: two complete MIRs, a live variable that reads the demo cases,
three years of PbR-SED; a second run adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import timezone

from web.cases.models import Event
from web.demo import CASES, Report, ensure_people, ensure_units, import_manuals, start_demo_case
from web.evaluation.demo import seed_demo
from web.evaluation.matrix import check_program
from web.evaluation.models import Assessment, Program, Source, Variable
from web.evaluation.pbr_history import history
from web.evaluation.results import indicator_results

pytestmark = pytest.mark.django_db


def test_the_demo_is_complete_live_and_idempotent(tmp_path: Path) -> None:
    units = ensure_units()
    versions = import_manuals(units, tmp_path, Report())
    people = ensure_people(units)
    for wanted in CASES:
        if wanted.manual in versions:
            start_demo_case(wanted, versions[wanted.manual], people, Report())
    report = Report()
    seed_demo(report)
    assert len(report.lines) == 5
    programs = Program.objects.filter(year=timezone.localdate().year)
    assert programs.count() == 2
    for program in programs:
        assert [str(f) for f in check_program(program)] == []
    live = Variable.objects.get(source=Source.LIVE)
    results = indicator_results(live.indicator)
    # the demo's alumbrado cases, opened in the last business days, give a value
    assert any(r.values["capacidad"] is not None for r in results)
    assert [r.assessment.year for r in history()] == [
        timezone.localdate().year + k for k in (-2, -1, 0)
    ]
    events = Event.objects.count()
    again = Report()
    seed_demo(again)
    assert again.lines == []
    assert Event.objects.count() == events
    assert Assessment.objects.count() == 3
