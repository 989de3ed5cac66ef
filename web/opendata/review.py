"""Walking a publication case through its review (used by the demo and the tests; staff
do the same from their inbox): the reviewer's answer that sends it on to publication."""

from __future__ import annotations

from django.contrib.auth.models import User

from folio.flow.engine import advance, choices
from web.cases.actions import complete_task
from web.cases.flow import procedure_model
from web.opendata.models import Dataset
from web.opendata.publication import waiting_task


def approve_review(dataset: Dataset, reviewer: User) -> None:
    """Complete the review step with the answer that leads to the publication step."""
    case = dataset.case
    assert case is not None
    task = waiting_task(case)
    assert task is not None
    model = procedure_model(case.procedure)
    step = model.step(task.step_number)
    assert step is not None
    onward = [
        c
        for c in choices(step)
        if advance(model, task.step_number, c).kind == "step"
        and _leads_to_last(model, advance(model, task.step_number, c).target)
    ]
    complete_task(task, reviewer, onward[0] if onward else None, "Revisado: sin datos personales.")


def _leads_to_last(model: object, target: str) -> bool:
    return advance(model, target).kind == "end"  # type: ignore[arg-type]
