"""Pages of the evaluation app: programs and their MIR, fichas técnicas, the PbR-SED."""

from web.evaluation.views.fichas import (
    indicator_create,
    indicator_delete,
    indicator_detail,
    indicator_edit,
    indicator_values,
    variable_create,
    variable_delete,
)
from web.evaluation.views.pbr import pbr_edit, pbr_list
from web.evaluation.views.pdf import indicator_pdf, mir_pdf
from web.evaluation.views.programs import mir_detail, program_list, row_delete, row_edit

__all__ = [
    "indicator_create",
    "indicator_delete",
    "indicator_detail",
    "indicator_edit",
    "indicator_pdf",
    "indicator_values",
    "mir_detail",
    "mir_pdf",
    "pbr_edit",
    "pbr_list",
    "program_list",
    "row_delete",
    "row_edit",
    "variable_create",
    "variable_delete",
]
