"""Staff moderate open answers: only approved ones reach the public results and exports."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from web.accounts.audit import record
from web.consultations.errors import ConsultationError
from web.consultations.models import Answer, Moderation
from web.consultations.permissions import can_manage


@transaction.atomic
def moderate_answer(user: User, answer: Answer, approve: bool) -> None:
    answer = (
        Answer.objects.select_for_update()
        .select_related("question__consultation__unit")
        .get(pk=answer.pk)
    )
    consultation = answer.question.consultation
    if not can_manage(user, consultation):
        raise PermissionDenied(
            _("Only the head or an administrator of %(unit)s may moderate its answers.")
            % {"unit": consultation.unit.name}
        )
    if not answer.text:
        raise ConsultationError(_("Only open answers are moderated."))
    before = answer.moderation
    answer.moderation = Moderation.APPROVED if approve else Moderation.REJECTED
    answer.moderated_by, answer.moderated_at = user, timezone.now()
    answer.save(update_fields=["moderation", "moderated_by", "moderated_at"])
    payload: dict[str, object] = {
        "consultation": consultation.pk,
        "answer": answer.pk,
        "question": answer.question_id,
    }
    payload |= {"from": before, "to": str(answer.moderation)}
    record("consultation.answer_moderated", actor=user, payload=payload)
