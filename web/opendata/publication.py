"""The procedure a dataset's publication runs as: the open-data manual's procedure, in
its version in force. Its last activity is the publication step: completing it is what
publishes the dataset (``web/opendata/actions/datasets.py:publish_dataset``)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from folio.flow.engine import advance, choices
from web.cases.errors import CaseError
from web.cases.flow import procedure_model
from web.cases.models import ACTIVE_TASK_STATES, Case, Task
from web.catalog.models import Procedure

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
