"""Fichas técnicas: the indicator's fields, its variables, its metas and the values of
its manually captured variables."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from folio.planning.semaphore import Thresholds
from web.accounts.audit import record
from web.catalog.models import Procedure
from web.evaluation.actions.programs import _refuse_unless
from web.evaluation.errors import EvaluationError
from web.evaluation.models import Indicator, MirRow, Source, Target, Value, Variable
from web.evaluation.periods import period_numbers
from web.evaluation.permissions import can_edit
from web.indicators.live import MEASURES

INDICATOR_FIELDS = (
    "name",
    "definition",
    "formula",
    "measure_unit",
    "frequency",
    "baseline_value",
    "baseline_year",
    "sentido",
    "green",
    "yellow",
    "dimension",
    "type",
)


@transaction.atomic
def save_indicator(
    user: User, row: MirRow, indicator: Indicator | None, data: Mapping[str, Any]
) -> Indicator:
    """Create or change a ficha técnica. An incomplete ficha is saved (the MIR check
    lists what it lacks); thresholds that make no semáforo are refused."""
    _refuse_unless(can_edit(user, row.program))
    indicator = indicator or Indicator(row=row)
    if not str(data.get("name", "")).strip():
        raise EvaluationError(_("Nombre: the indicator needs a name."))
    green, yellow = data.get("green"), data.get("yellow")
    if green is not None and yellow is not None:
        try:
            Thresholds(green=green, yellow=yellow)
        except ValueError as error:
            raise EvaluationError(_("Semáforo: %(error)s") % {"error": error}) from None
    for name in INDICATOR_FIELDS:
        if name in data:
            setattr(indicator, name, data[name])
    indicator.save()
    payload: dict[str, Any] = {name: getattr(indicator, name) for name in INDICATOR_FIELDS}
    payload |= {"indicator": indicator.pk, "row": row.pk}
    record("evaluation.indicator_saved", actor=user, payload=payload)
    return indicator


@transaction.atomic
def save_variable(
    user: User, indicator: Indicator, variable: Variable | None, data: Mapping[str, Any]
) -> Variable:
    _refuse_unless(can_edit(user, indicator.row.program))
    variable = variable or Variable(indicator=indicator)
    name = str(data["name"]).strip()
    if not name.isidentifier():
        raise EvaluationError(
            _("Name: %(name)r must be one word of letters, digits and _ (e.g. número_atendidas).")
            % {"name": name}
        )
    if indicator.variables.filter(name=name).exclude(pk=variable.pk).exists():
        raise EvaluationError(
            _("Name: the indicator already has a variable %(name)s.") % {"name": name}
        )
    source = data.get("source", Source.MANUAL)
    measure = str(data.get("measure", "")) if source == Source.LIVE else ""
    if source == Source.LIVE and measure not in MEASURES:
        raise EvaluationError(_("Measure: choose the procedure measure to read."))
    code = str(data.get("procedure_code", "")).strip() if measure else ""
    if code:
        _check_procedure(indicator, code)
    variable.name, variable.description = name, str(data.get("description", "")).strip()
    variable.source, variable.measure, variable.procedure_code = source, measure, code
    variable.save()
    payload = {"variable": variable.pk, "indicator": indicator.pk, "name": name}
    payload |= {"source": source, "measure": measure, "procedure": variable.procedure_code}
    record("evaluation.variable_saved", actor=user, payload=payload)
    return variable


def _check_procedure(indicator: Indicator, code: str) -> None:
    """The code must name a procedure of a manual of the program's dependencia (or of a
    unit below it): the live measure reads that dependencia's cases."""
    unit = indicator.row.program.unit
    units = unit.subtree_ids()
    if not Procedure.objects.filter(code=code, version__manual__unit_id__in=units).exists():
        raise EvaluationError(
            _("Procedure code: no manual of %(unit)s has a procedure %(code)s.")
            % {"unit": unit.name, "code": code}
        )


@transaction.atomic
def delete_variable(user: User, variable: Variable) -> None:
    indicator = variable.indicator
    _refuse_unless(can_edit(user, indicator.row.program))
    payload = {"variable": variable.pk, "indicator": indicator.pk, "name": variable.name}
    variable.delete()
    record("evaluation.variable_deleted", actor=user, payload=payload)


def _check_periods(indicator: Indicator, periods: Mapping[int, float | None]) -> None:
    allowed = period_numbers(indicator)
    wrong = sorted(set(periods) - allowed)
    if wrong:
        raise EvaluationError(
            _("Period %(period)s does not exist for a %(frequency)s indicator.")
            % {"period": wrong[0], "frequency": indicator.frequency or "—"}
        )


@transaction.atomic
def set_targets(user: User, indicator: Indicator, metas: Mapping[int, float | None]) -> None:
    """Replace the metas of the given periods (None removes a meta)."""
    _refuse_unless(can_edit(user, indicator.row.program))
    _check_periods(indicator, metas)
    for period, value in metas.items():
        if value is None:
            Target.objects.filter(indicator=indicator, period=period).delete()
        else:
            Target.objects.update_or_create(
                indicator=indicator, period=period, defaults={"value": value}
            )
    payload = {"indicator": indicator.pk, "metas": {str(p): v for p, v in metas.items()}}
    record("evaluation.targets_set", actor=user, payload=payload)


@transaction.atomic
def capture_values(user: User, variable: Variable, values: Mapping[int, float | None]) -> None:
    """Record a manual variable's values per period (None removes a value)."""
    indicator = variable.indicator
    _refuse_unless(can_edit(user, indicator.row.program))
    if variable.source != Source.MANUAL:
        raise EvaluationError(
            _("%(name)s is read from the cases; it is not captured.") % {"name": variable.name}
        )
    _check_periods(indicator, values)
    now = timezone.now()
    for period, value in values.items():
        if value is None:
            Value.objects.filter(variable=variable, period=period).delete()
        else:
            Value.objects.update_or_create(
                variable=variable,
                period=period,
                defaults={"value": value, "captured_by": user, "captured_at": now},
            )
    payload = {"variable": variable.pk, "indicator": indicator.pk, "name": variable.name}
    payload["values"] = {str(p): v for p, v in values.items()}
    record("evaluation.values_captured", actor=user, payload=payload)


@transaction.atomic
def delete_indicator(user: User, indicator: Indicator) -> None:
    """Remove an indicator with its variables, metas and captured values."""
    _refuse_unless(can_edit(user, indicator.row.program))
    payload: dict[str, Any] = {name: getattr(indicator, name) for name in INDICATOR_FIELDS}
    payload |= {"indicator": indicator.pk, "row": indicator.row_id}
    payload["variables"] = list(indicator.variables.values_list("name", flat=True))
    indicator.delete()
    record("evaluation.indicator_deleted", actor=user, payload=payload)
