"""The yearly PbR-SED self-diagnostic."""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from web.accounts.audit import record
from web.evaluation.errors import EvaluationError
from web.evaluation.models import Answer, Assessment
from web.evaluation.pbrsed import score
from web.evaluation.permissions import is_planning_staff


@transaction.atomic
def save_assessment(
    user: User,
    year: int,
    *,
    answers: Mapping[str, float | None],
    evidence: Mapping[str, str] | None = None,
    published_score: float | None = None,
    national_average: float | None = None,
    rank: int | None = None,
    ranked: int | None = None,
) -> Assessment:
    """Create or replace a year's answers (None leaves an element unanswered) and the
    figures the SHCP published for it."""
    if not is_planning_staff(user):
        raise PermissionDenied(_("Only planning staff may answer the PbR-SED diagnostic."))
    given = {code: value for code, value in answers.items() if value is not None}
    try:
        score(given)
    except ValueError as error:
        raise EvaluationError(str(error)) from None
    figures = ((_("Published score"), published_score), (_("National average"), national_average))
    for label, figure in figures:
        if figure is not None and not 0 <= figure <= 100:
            raise EvaluationError(_("%(field)s: it must be between 0 and 100.") % {"field": label})
    if rank is not None and ranked is not None and rank > ranked:
        raise EvaluationError(_("Rank: it cannot be larger than the number ranked."))
    assessment, _created = Assessment.objects.update_or_create(
        year=year,
        defaults={
            "published_score": published_score,
            "national_average": national_average,
            "rank": rank,
            "ranked": ranked,
        },
    )
    assessment.answers.all().delete()
    notes = evidence or {}
    Answer.objects.bulk_create(
        Answer(assessment=assessment, element=code, score=value, evidence=notes.get(code, ""))
        for code, value in sorted(given.items())
    )
    payload = {"year": year, "answers": dict(sorted(given.items()))}
    payload |= {"published_score": published_score, "national_average": national_average}
    payload |= {"rank": rank, "ranked": ranked}
    record("evaluation.pbr_saved", actor=user, payload=payload)
    return assessment
