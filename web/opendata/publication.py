"""The procedure a dataset's publication runs as: the open-data manual's procedure, in
its version in force. Its last activity is the publication step: completing it is what
publishes the dataset, whether from the dataset's page (``publish_dataset``) or from the
inbox (``publish_on_case_end``, a listener of the log)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext as _

from folio.flow.engine import advance, choices
from web.accounts.audit import record
from web.cases.errors import CaseError
from web.cases.flow import procedure_model
from web.cases.log import Entry
from web.cases.models import ACTIVE_TASK_STATES, Case, EventKind, Task
from web.catalog.models import Procedure
from web.opendata.models import Dataset

#: The registro of the manual whose procedure publishes datasets
#: (``folio/demo/manual-datos-abiertos.txt``).
MANUAL_CODE = "DEMO/MP/DGE/DA/001"


class NoPublicationProcedure(CaseError):
    pass


def publication_procedure() -> Procedure:
    """The newest version's first procedure of the open-data manual."""
    found = (
        Procedure.objects.filter(
            version__manual__code=MANUAL_CODE,
            version__manual__retired_at__isnull=True,
            retired_at__isnull=True,
        )
        .select_related("version__manual")
        .order_by("-version__number", "position")
        .first()
    )
    if found is None:
        raise NoPublicationProcedure(
            _("The open-data manual (%(code)s) is not imported: import it in the catalog first.")
            % {"code": MANUAL_CODE}
        )
    return found


def waiting_task(case: Case) -> Task | None:
    return case.tasks.filter(state__in=ACTIVE_TASK_STATES).order_by("-pk").first()


def is_publication_step(case: Case, task: Task) -> bool:
    """Completing ``task`` ends the case: it is the step that publishes."""
    model = procedure_model(case.procedure)
    step = model.step(task.step_number)
    if step is None or choices(step):
        return False  # a decision is a review, never the publication
    return advance(model, task.step_number).kind == "end"


def publish_on_case_end(entries: list[Entry]) -> None:
    """Log listener (``OpendataConfig.ready``): when a dataset's publication case ends at
    its last activity — from the dataset's page or from the inbox — the dataset becomes
    public in the same transaction, and the log says so. A dataset with no resource stays
    unpublished (its page says why)."""
    for entry in entries:
        if entry.kind != EventKind.CASE_ENDED or entry.case_id is None:
            continue
        if entry.payload.get("how") != "end":
            continue
        dataset = Dataset.objects.filter(case_id=entry.case_id, published_at__isnull=True).first()
        if dataset is None or not dataset.resources.filter(versions__isnull=False).exists():
            continue
        Dataset.objects.filter(pk=dataset.pk).update(published_at=timezone.now())
        actor = User.objects.filter(pk=entry.actor_id).first() if entry.actor_id else None
        payload = {
            "dataset": dataset.name,
            "case": entry.case_id,
            "step": entry.payload.get("step"),
        }
        record("opendata.dataset_published", actor=actor, payload=payload)
