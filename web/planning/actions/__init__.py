"""Every write of planning, one ``@transaction.atomic`` function per verb, each logged."""

from web.planning.actions.progress import (
    Evidence,
    ProgressError,
    capture_progress,
    correct_progress,
    return_progress,
    validate_progress,
)

__all__ = [
    "Evidence",
    "ProgressError",
    "capture_progress",
    "correct_progress",
    "return_progress",
    "validate_progress",
]
