"""*Captura manual*: the values of the manuals' indicators that no measure of the cases
computes, entered each month by the heads of the manual's unit (or of a unit above it)
with a file as evidence; the auditor reads them. A correction is a new capture that
names the one it corrects and says why: nothing is overwritten, everything is logged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from folio.indicators import map_indicator
from folio.manuals.model import Indicator
from web.cases.documents import NewDocument, checked_type, store_content
from web.cases.errors import DocumentRefused
from web.cases.flow import procedure_model
from web.cases.log import append_event
from web.cases.models import DocumentKind, EventKind
from web.cases.permissions import AnyUser, profile_of
from web.catalog.models import Procedure
from web.indicators.capture_models import IndicatorCapture

FOUR = Decimal("0.0001")


class CaptureError(ValueError):
    """A capture that cannot be made as asked; ``str(err)`` is a sentence for the user."""


@dataclass(frozen=True)
class Entry:
    """What the form sends: numerator and denominator, or the value itself."""

    numerator: Decimal | None
    denominator: Decimal | None
    value: Decimal | None
    note: str
    evidence_name: str
    evidence: bytes


def may_capture(user: AnyUser, procedure: Procedure) -> bool:
    """A head of the manual's unit or of a unit above it (the auditor only reads)."""
    profile = profile_of(user)
    if profile is None or profile.is_auditor or not profile.is_head or profile.unit is None:
        return False
    unit_id = procedure.version.manual.unit_id
    return unit_id is not None and unit_id in profile.unit.subtree_ids()


def may_read(user: AnyUser, procedure: Procedure) -> bool:
    profile = profile_of(user)
    return profile is not None and (profile.is_auditor or may_capture(user, procedure))


def manual_indicator(procedure: Procedure, name: str) -> Indicator:
    """The procedure's indicator called ``name`` that is kept by hand."""
    for indicator in procedure_model(procedure).indicators:
        if indicator.name == name and map_indicator(indicator).manual_entry:
            return indicator
    raise CaptureError(
        _("The procedure %(code)s states no indicator «%(name)s» kept by hand.")
        % {"code": procedure.code, "name": name}
    )


def history(procedure: Procedure, name: str) -> list[IndicatorCapture]:
    """Every capture of the indicator, newest first, across the manual's versions."""
    return list(
        IndicatorCapture.objects.filter(
            manual_id=procedure.version.manual_id,
            procedure_code=procedure.code,
            indicator_name=name,
        ).select_related("captured_by", "corrects")
    )


def current_captures(
    unit_ids: set[int], month: date
) -> dict[tuple[int, str, str], IndicatorCapture]:
    """The latest capture of each indicator of the manuals of ``unit_ids`` for
    ``month``, by (manual id, procedure code, indicator name). One query."""
    rows = IndicatorCapture.objects.filter(manual__unit_id__in=unit_ids, month=month)
    found: dict[tuple[int, str, str], IndicatorCapture] = {}
    for row in rows.select_related("captured_by").order_by("captured_at", "pk"):
        found[(row.manual_id, row.procedure_code, row.indicator_name)] = row
    return found


@transaction.atomic
def capture_indicator_value(
    user: User, procedure: Procedure, name: str, month: date, entry: Entry
) -> IndicatorCapture:
    """Record the indicator's value for ``month`` (its first day). A second capture of
    the same month corrects the latest one and must say why (``entry.note``)."""
    if not may_capture(user, procedure):
        raise PermissionDenied(_("Only the heads of the manual's unit capture its indicators."))
    indicator = manual_indicator(procedure, name)
    month = month.replace(day=1)
    if month > timezone.localdate().replace(day=1):
        raise CaptureError(_("%(month)s has not begun yet.") % {"month": f"{month:%Y-%m}"})
    factor = map_indicator(indicator).factor
    value = _value(entry, factor)
    previous = (
        IndicatorCapture.objects.select_for_update()
        .filter(
            manual_id=procedure.version.manual_id,
            procedure_code=procedure.code,
            indicator_name=name,
            month=month,
        )
        .order_by("-captured_at", "-pk")
        .first()
    )
    if previous is not None and not entry.note.strip():
        raise CaptureError(
            _("%(month)s already has a value (%(value)s): say in the note why you correct it.")
            % {"month": f"{month:%Y-%m}", "value": _plain(previous.value)}
        )
    stored, sha = _evidence(entry)
    capture = IndicatorCapture.objects.create(
        manual_id=procedure.version.manual_id,
        procedure=procedure,
        procedure_code=procedure.code,
        indicator_name=name,
        month=month,
        numerator=entry.numerator if entry.value is None else None,
        denominator=entry.denominator if entry.value is None else None,
        factor=factor,
        value=value,
        note=entry.note.strip(),
        evidence_name=entry.evidence_name,
        evidence_file=stored,
        evidence_sha256=sha,
        captured_by=user,
        captured_at=timezone.now(),
        corrects=previous,
    )
    append_event(EventKind.INDICATOR_CAPTURED, actor=user, payload=_payload(capture))
    return capture


def _value(entry: Entry, factor: float) -> Decimal:
    if entry.value is not None:
        if entry.numerator is not None or entry.denominator is not None:
            raise CaptureError(
                _("Write either the numerator and the denominator, or the value, not both.")
            )
        return entry.value.quantize(FOUR, ROUND_HALF_UP)
    if entry.numerator is None or entry.denominator is None:
        raise CaptureError(_("Write the numerator and the denominator, or the value itself."))
    if entry.denominator == 0:
        raise CaptureError(_("The denominator is zero: the indicator has no value this month."))
    try:
        raw = entry.numerator / entry.denominator * Decimal(repr(factor))
        return raw.quantize(FOUR, ROUND_HALF_UP)
    except InvalidOperation as err:
        raise CaptureError(_("The value is too large.")) from err


def _evidence(entry: Entry) -> tuple[str, str]:
    if not entry.evidence_name:
        raise CaptureError(_("Attach the evidence of the value (a PDF, image or spreadsheet)."))
    try:
        checked_type(NewDocument(str(DocumentKind.OTHER), entry.evidence_name, entry.evidence))
    except DocumentRefused as err:
        raise CaptureError(str(err)) from err
    return store_content(entry.evidence)


def _plain(number: Decimal | None) -> str:
    if number is None:
        return ""
    text = f"{number.normalize():f}"
    return text


def _payload(capture: IndicatorCapture) -> dict[str, object]:
    return {
        "capture": capture.pk,
        "manual": capture.manual_id,
        "procedure": capture.procedure_code,
        "indicator": capture.indicator_name,
        "month": f"{capture.month:%Y-%m}",
        "numerator": _plain(capture.numerator),
        "denominator": _plain(capture.denominator),
        "factor": capture.factor,
        "value": _plain(capture.value),
        "note": capture.note,
        "evidence": capture.evidence_name,
        "evidence_sha256": capture.evidence_sha256,
        "corrects": capture.corrects_id,
    }
