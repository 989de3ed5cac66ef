"""The demo consultation: answered, moderated, results published; a second run adds
nothing."""

from __future__ import annotations

from web.accounts.models import Unit
from web.conftest import person
from web.consultations.demo import PEOPLE, TITLE, seed_demo
from web.consultations.models import Consultation, Moderation, Proposal, Response
from web.demo import Report


def test_it_seeds_once(db: None) -> None:
    unit = Unit.objects.create(name="Dirección de Atención Ciudadana", folio_prefix="DAC")
    person("lucia", "Lucía Herrera", unit, "Director/a de Atención Ciudadana", is_head=True)
    report = Report()
    seed_demo(report)
    consultation = Consultation.objects.get(title=TITLE)
    assert consultation.results_published_at is not None
    assert Response.objects.count() == PEOPLE
    assert Proposal.objects.filter(moderation=Moderation.APPROVED).count() == 4
    seed_demo(report)
    assert Consultation.objects.count() == 1 and Response.objects.count() == PEOPLE
    assert len(report.lines) == 1
