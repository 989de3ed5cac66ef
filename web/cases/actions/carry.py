"""Activities' times (step targets) carried to a new version of their manual: each goes
to the step the activity became (``folio.manuals.diff.match_steps``); one that no longer
exists is dropped with a notice. Registered as a catalog new-version hook in
``CasesConfig.ready()``; runs in the transaction that creates the version."""

from __future__ import annotations

from django.utils.translation import gettext as _

from web.cases.log import append_event
from web.cases.models import EventKind, StepTarget
from web.catalog.hooks import NewVersion


def carry_over_targets(change: NewVersion) -> list[str]:
    targets = StepTarget.objects.filter(procedure__version=change.previous)
    carried: list[dict[str, object]] = []
    dropped: list[dict[str, object]] = []
    notices = []
    for target in targets.select_related("procedure").order_by("procedure__position", "pk"):
        code = target.procedure.code
        row = change.procedures.get(code)
        number = change.steps.get(code, {}).get(target.step_number)
        days = {"days": target.days, "business_days": target.business_days}
        if row is None or number is None:
            dropped.append({"code": code, "step": target.step_number, **days})
            notices.append(_not_carried(code, target.step_number, gone=row is None))
            continue
        StepTarget.objects.create(procedure=row, step_number=number, **days)
        carried.append({"code": code, "from": target.step_number, "to": number, **days})
    if carried or dropped:
        payload = {
            "manual": change.version.manual_id,
            "from_version": change.previous.number,
            "to_version": change.version.number,
            "carried": carried,
            "dropped": dropped,
        }
        append_event(EventKind.STEP_TARGETS_CARRIED, actor=change.actor, payload=payload)
    return notices


def _not_carried(code: str, step: str, *, gone: bool) -> str:
    words = {"step": step, "code": code}
    if gone:
        text = _(
            "The time of activity %(step)s of %(code)s was not carried over: "
            "the procedure no longer exists."
        )
    else:
        text = _(
            "The time of activity %(step)s of %(code)s was not carried over: "
            "the activity no longer exists."
        )
    return text % words
