from __future__ import annotations

from web.cases.models import Event
from web.demo import Report, ensure_people, ensure_units
from web.opendata.demo import seed_demo
from web.opendata.models import Dataset, ResourceVersion


def test_the_demo_publishes_through_cases_and_runs_twice_without_adding(db: None) -> None:
    ensure_people(ensure_units())
    report = Report()
    seed_demo(report)
    published = set(
        Dataset.objects.filter(published_at__isnull=False).values_list("name", flat=True)
    )
    assert {"indicadores-mensuales", "luminarias-reparadas"} <= published
    in_review = Dataset.objects.get(name="areas-verdes")
    assert in_review.published_at is None and in_review.case is not None
    for dataset in Dataset.objects.filter(published_at__isnull=False):
        assert dataset.case is not None and dataset.case.state == "ended"
    counts = (Dataset.objects.count(), ResourceVersion.objects.count(), Event.objects.count())
    seed_demo(Report())
    assert (
        Dataset.objects.count(),
        ResourceVersion.objects.count(),
        Event.objects.count(),
    ) == counts
    assert "conjuntos publicados" in report.text()
    problems = [
        line
        for line in report.lines
        if line.startswith("Datos abiertos: ") and "/datos/" not in line
    ]
    assert problems == []
