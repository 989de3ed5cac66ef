"""Answers to a report type's attributes (Open311 ``attribute[code]``), checked against
their datatype, list of values and whether they are required."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from web.citizens.errors import ReportRefused
from web.citizens.models import Datatype, ServiceAttribute, ServiceType


def clean_attributes(service: ServiceType, raw: dict[str, Any]) -> dict[str, Any]:
    """The answers to keep, by attribute code. Codes the type does not have are left
    out; a missing required answer or a wrong value is refused naming the attribute."""
    answers: dict[str, Any] = {}
    for attribute in service.attributes.all():
        value = raw.get(attribute.code)
        values = value if isinstance(value, list) else ([] if value is None else [value])
        values = [str(v).strip() for v in values if str(v).strip()]
        if not values:
            if attribute.required:
                message = _("Answer «%(question)s»: it is required.")
                raise ReportRefused(message % {"question": attribute.description}, _name(attribute))
            continue
        answers[attribute.code] = _clean(attribute, values)
    return answers


def _name(attribute: ServiceAttribute) -> str:
    return f"attribute[{attribute.code}]"


def _clean(attribute: ServiceAttribute, values: list[str]) -> Any:
    kind = attribute.datatype
    words = {"question": attribute.description}
    if kind == Datatype.MULTI:
        keys = {str(pair[0]) for pair in attribute.values}
        wrong = [v for v in values if v not in keys]
        if wrong:
            message = _("«%(value)s» is not an option of «%(question)s».")
            raise ReportRefused(message % {**words, "value": wrong[0]}, _name(attribute))
        return values
    value = values[0]
    if kind == Datatype.SINGLE:
        if value not in {str(pair[0]) for pair in attribute.values}:
            message = _("«%(value)s» is not an option of «%(question)s».")
            raise ReportRefused(message % {**words, "value": value}, _name(attribute))
    elif kind == Datatype.NUMBER:
        try:
            Decimal(value)
        except InvalidOperation:
            message = _("«%(question)s» takes a number.")
            raise ReportRefused(message % words, _name(attribute)) from None
    elif kind == Datatype.DATETIME and parse_datetime(value) is None:
        message = _("«%(question)s» takes a date and time (ISO 8601).")
        raise ReportRefused(message % words, _name(attribute))
    return value[:2000]
