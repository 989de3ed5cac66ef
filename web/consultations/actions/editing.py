"""Staff write a consultation: its data, its ordered questions, its publication and the
publication of its results."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from web.accounts.audit import record
from web.accounts.models import Unit
from web.consultations.errors import ConsultationError
from web.consultations.models import Consultation, Option, Question, QuestionKind
from web.consultations.permissions import can_manage, managed_units

#: The widest scale offered (1 to N).
SCALE_LIMIT = 10


@dataclass(frozen=True)
class ConsultationData:
    title: str
    description: str
    unit: Unit
    opens_at: datetime
    closes_at: datetime
    accepts_proposals: bool = False


@dataclass(frozen=True)
class QuestionData:
    text: str
    kind: str
    is_required: bool = True
    options: list[str] = field(default_factory=list)
    scale_max: int | None = None
    scale_min_label: str = ""
    scale_max_label: str = ""


def _check_data(user: User, data: ConsultationData) -> None:
    if not managed_units(user).filter(pk=data.unit.pk).exists():
        raise PermissionDenied(
            _("Only the head or an administrator of %(unit)s may run its consultations.")
            % {"unit": data.unit.name}
        )
    if not data.title.strip():
        raise ConsultationError(_("The consultation needs a title."))
    if data.closes_at <= data.opens_at:
        raise ConsultationError(_("Closing date: it must come after the opening date."))


def _payload(consultation: Consultation) -> dict[str, Any]:
    return {
        "consultation": consultation.pk,
        "title": consultation.title,
        "unit": consultation.unit.name,
        "opens_at": consultation.opens_at.isoformat(),
        "closes_at": consultation.closes_at.isoformat(),
        "accepts_proposals": consultation.accepts_proposals,
    }


def _check_manager(user: User, consultation: Consultation) -> None:
    if not can_manage(user, consultation):
        raise PermissionDenied(
            _("Only the head or an administrator of %(unit)s may change this consultation.")
            % {"unit": consultation.unit.name}
        )


@transaction.atomic
def create_consultation(user: User, data: ConsultationData) -> Consultation:
    _check_data(user, data)
    consultation = Consultation.objects.create(
        title=data.title.strip(),
        description=data.description.strip(),
        unit=data.unit,
        opens_at=data.opens_at,
        closes_at=data.closes_at,
        accepts_proposals=data.accepts_proposals,
        created_by=user,
    )
    record("consultation.created", actor=user, payload=_payload(consultation))
    return consultation


@transaction.atomic
def update_consultation(user: User, consultation: Consultation, data: ConsultationData) -> None:
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    _check_manager(user, consultation)
    _check_data(user, data)
    consultation.title, consultation.description = data.title.strip(), data.description.strip()
    consultation.unit, consultation.accepts_proposals = data.unit, data.accepts_proposals
    consultation.opens_at, consultation.closes_at = data.opens_at, data.closes_at
    consultation.updated_at = timezone.now()
    consultation.save()
    record("consultation.updated", actor=user, payload=_payload(consultation))


def _check_questions_editable(user: User, consultation: Consultation) -> None:
    _check_manager(user, consultation)
    if consultation.is_published:
        raise ConsultationError(
            _("The consultation is published: its questions can no longer change.")
        )


def _clean_question(data: QuestionData) -> QuestionData:
    text = data.text.strip()
    if not text:
        raise ConsultationError(_("Question: write its text."))
    if data.kind not in QuestionKind.values:
        raise ConsultationError(_("Question: choose its kind."))
    options = [o.strip() for o in data.options if o.strip()]
    scale = None
    if data.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        if len(options) < 2:
            raise ConsultationError(_("Options: a choice needs at least two, one per line."))
        if len(set(options)) != len(options):
            raise ConsultationError(_("Options: the same option is written twice."))
    else:
        options = []
    if data.kind == QuestionKind.SCALE:
        scale = data.scale_max
        if scale is None or not 2 <= scale <= SCALE_LIMIT:
            raise ConsultationError(
                _("Scale: its highest value must be between 2 and %(limit)s.")
                % {"limit": SCALE_LIMIT}
            )
    labels = (data.scale_min_label.strip(), data.scale_max_label.strip()) if scale else ("", "")
    return QuestionData(text, data.kind, data.is_required, options, scale, *labels)


@transaction.atomic
def save_question(
    user: User, consultation: Consultation, data: QuestionData, question: Question | None = None
) -> Question:
    """Add a question at the end, or change ``question``; options are written anew."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    _check_questions_editable(user, consultation)
    data = _clean_question(data)
    if question is None:
        question = Question(consultation=consultation, position=consultation.questions.count() + 1)
    question.text, question.kind, question.is_required = data.text, data.kind, data.is_required
    question.scale_max = data.scale_max
    question.scale_min_label, question.scale_max_label = data.scale_min_label, data.scale_max_label
    question.save()
    question.options.all().delete()
    Option.objects.bulk_create(
        Option(question=question, position=n, text=text) for n, text in enumerate(data.options, 1)
    )
    payload = {"consultation": consultation.pk, "question": question.pk, "text": question.text}
    payload |= {"kind": question.kind, "options": data.options, "scale_max": data.scale_max}
    record("consultation.question_saved", actor=user, payload=payload)
    return question


@transaction.atomic
def delete_question(user: User, question: Question) -> None:
    consultation = Consultation.objects.select_for_update().get(pk=question.consultation_id)
    _check_questions_editable(user, consultation)
    payload = {"consultation": consultation.pk, "question": question.pk, "text": question.text}
    question.delete()
    _renumber(list(consultation.questions.all()))
    record("consultation.question_deleted", actor=user, payload=payload)


@transaction.atomic
def move_question(user: User, question: Question, step: int) -> None:
    """Move ``question`` one place up (``step`` -1) or down (+1)."""
    consultation = Consultation.objects.select_for_update().get(pk=question.consultation_id)
    _check_questions_editable(user, consultation)
    questions = list(consultation.questions.all())
    at = next(n for n, q in enumerate(questions) if q.pk == question.pk)
    to = at + (1 if step > 0 else -1)
    if not 0 <= to < len(questions):
        return
    questions[at], questions[to] = questions[to], questions[at]
    _renumber(questions)
    payload = {"consultation": consultation.pk, "order": [q.pk for q in questions]}
    record("consultation.question_saved", actor=user, payload=payload)


def _renumber(questions: list[Question]) -> None:
    for n, q in enumerate(questions, 1):
        q.position = n
    Question.objects.bulk_update(questions, ["position"])


@transaction.atomic
def publish_consultation(user: User, consultation: Consultation) -> None:
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    _check_manager(user, consultation)
    if consultation.is_published:
        raise ConsultationError(_("The consultation is already published."))
    if not consultation.questions.exists():
        raise ConsultationError(_("Add at least one question before publishing."))
    consultation.published_at = timezone.now()
    consultation.save(update_fields=["published_at"])
    record("consultation.published", actor=user, payload=_payload(consultation))


@transaction.atomic
def publish_results(user: User, consultation: Consultation) -> None:
    """Results become public (approved open answers only); while the consultation is
    open they are shown as partial."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    _check_manager(user, consultation)
    if not consultation.is_published:
        raise ConsultationError(_("Publish the consultation before its results."))
    if consultation.results_published_at is not None:
        raise ConsultationError(_("The results are already published."))
    consultation.results_published_at = timezone.now()
    consultation.save(update_fields=["results_published_at"])
    payload = {"consultation": consultation.pk, "responses": consultation.responses.count()}
    record("consultation.results_published", actor=user, payload=payload)
