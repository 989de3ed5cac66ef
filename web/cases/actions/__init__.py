"""Every write to cases, one ``@transaction.atomic`` function per verb; each appends its
entries to the tamper-evident log in the same transaction."""

from web.cases.actions.blocked import resume_case
from web.cases.actions.calendar import add_closed_day, remove_closed_day
from web.cases.actions.cases import cancel_case, open_case
from web.cases.actions.complete import Completed, complete_task
from web.cases.actions.documents import add_document
from web.cases.actions.targets import TargetChange, set_step_targets
from web.cases.actions.tasks import claim_task, reassign_task, release_task
from web.cases.documents import NewDocument

__all__ = [
    "Completed",
    "NewDocument",
    "add_closed_day",
    "add_document",
    "cancel_case",
    "claim_task",
    "complete_task",
    "open_case",
    "reassign_task",
    "release_task",
    "remove_closed_day",
    "resume_case",
    "set_step_targets",
    "TargetChange",
]
