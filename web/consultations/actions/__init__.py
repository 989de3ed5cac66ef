"""Every write to consultations, one ``@transaction.atomic`` function per verb; staff
writes and citizens' responses append their entries to the tamper-evident log in the
same transaction (never an email: citizens are logged by nothing that names them)."""

from web.consultations.actions.answering import (
    AnswerInput,
    request_code,
    submit_response,
    verify_code,
    verify_link,
)
from web.consultations.actions.editing import (
    ConsultationData,
    QuestionData,
    create_consultation,
    delete_question,
    move_question,
    publish_consultation,
    publish_results,
    save_question,
    update_consultation,
)
from web.consultations.actions.moderation import moderate_answer
from web.consultations.actions.proposals import (
    ProposalData,
    classify_proposal,
    enter_proposal,
    submit_proposal,
)

__all__ = [
    "AnswerInput",
    "ConsultationData",
    "ProposalData",
    "QuestionData",
    "classify_proposal",
    "create_consultation",
    "delete_question",
    "enter_proposal",
    "moderate_answer",
    "move_question",
    "publish_consultation",
    "publish_results",
    "request_code",
    "save_question",
    "submit_proposal",
    "submit_response",
    "update_consultation",
    "verify_code",
    "verify_link",
]
