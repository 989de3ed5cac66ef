"""Refusals a view can show as they are: ``str(error)`` is a sentence for the user.
Permission refusals use Django's ``PermissionDenied``."""

from __future__ import annotations


class CaseError(Exception):
    """A case operation that cannot be done as asked."""


class CaseNotOpen(CaseError):
    """The case has ended, is blocked or was cancelled."""


class TaskNotOpen(CaseError):
    """The task is not waiting for anyone (done, cancelled, or claimed by someone else)."""


class TaskAlreadyCompleted(TaskNotOpen):
    """Someone completed the task first (or the same form was sent twice)."""


class TaskChanged(CaseError):
    """The task changed since the form was shown (claimed, released or reassigned)."""


class ChoiceNotOffered(CaseError):
    """The answer is not one of the step's branches; ``choices`` are the ones it offers."""

    def __init__(self, message: str, choices: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.choices = choices


class ReasonRequired(CaseError):
    """Reassigning or cancelling needs a reason."""


class DocumentRefused(CaseError):
    """The file is too large, empty or of a type the office does not keep."""


class CaseNotBlocked(CaseError):
    """Only a blocked case can be resumed (or it was resumed already)."""


class UnknownStep(CaseError):
    """The activity is not a step of the case's procedure version."""


class ProcedureRetired(CaseError):
    """The manual or the procedure was retired: no new cases (running ones go on)."""


class NobodyHoldsRole(CaseError):
    """The first activity is for roles nobody holds; ``roles`` are their names."""

    def __init__(self, message: str, roles: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.roles = roles
