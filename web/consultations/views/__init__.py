"""Consultation pages, split by what they serve (wagtail style): staff editing,
citizens' answering, results, moderation and proposals."""

from web.consultations.views.moderation import answer_moderate, moderation_list
from web.consultations.views.proposals import (
    proposal_classify,
    proposal_create,
    proposal_enter,
    proposal_list,
)
from web.consultations.views.public import (
    code_request,
    code_verify,
    consultation_detail,
    consultation_index,
    link_verify,
    privacy,
    response_create,
    response_done,
)
from web.consultations.views.results import results_download, results_page
from web.consultations.views.staff import (
    consultation_create,
    consultation_edit,
    consultation_list,
    consultation_publish,
    question_change,
    question_edit,
)

__all__ = [
    "answer_moderate",
    "code_request",
    "code_verify",
    "consultation_create",
    "consultation_detail",
    "consultation_edit",
    "consultation_index",
    "consultation_list",
    "consultation_publish",
    "link_verify",
    "moderation_list",
    "privacy",
    "proposal_classify",
    "proposal_create",
    "proposal_enter",
    "proposal_list",
    "question_change",
    "question_edit",
    "response_create",
    "response_done",
    "results_download",
    "results_page",
]
