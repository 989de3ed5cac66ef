"""Case pages, split by resource (wagtail style); each view parses, calls one action
or query, and renders or redirects."""

from web.cases.views.calendar import closedday_delete, closedday_list
from web.cases.views.case_list import case_export, case_list
from web.cases.views.cases import (
    case_cancel,
    case_create,
    case_detail,
    case_resume,
    task_complete,
)
from web.cases.views.documents import document_create, document_download
from web.cases.views.inbox import inbox, inbox_count, task_claim, task_reassign, task_release
from web.cases.views.targets import steptarget_edit

__all__ = [
    "case_cancel",
    "closedday_delete",
    "closedday_list",
    "case_create",
    "case_export",
    "case_detail",
    "case_list",
    "case_resume",
    "document_create",
    "document_download",
    "inbox",
    "inbox_count",
    "steptarget_edit",
    "task_claim",
    "task_complete",
    "task_reassign",
    "task_release",
]
