"""Every write to the evaluation app, one ``@transaction.atomic`` function per verb; each
records what it changed in the tamper-evident log in the same transaction."""

from web.evaluation.actions.fichas import (
    capture_values,
    delete_indicator,
    delete_variable,
    save_indicator,
    save_variable,
    set_targets,
)
from web.evaluation.actions.pbr import save_assessment
from web.evaluation.actions.programs import delete_row, save_program, save_row

__all__ = [
    "capture_values",
    "delete_indicator",
    "delete_row",
    "delete_variable",
    "save_assessment",
    "save_indicator",
    "save_program",
    "save_row",
    "save_variable",
    "set_targets",
]
