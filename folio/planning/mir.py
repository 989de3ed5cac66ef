"""The Matriz de Indicadores para Resultados (MIR) of a programa presupuestario, and the
checks of its logic.

A MIR has four levels: one **Fin**, one **Propósito**, one or more **Componentes** and
one or more **Actividades** under each Componente. Each row has its resumen narrativo,
indicators, medios de verificación and supuestos; each indicator has its *ficha
técnica*. The minimum fields of a ficha follow CONAC's *Lineamientos para la
construcción y diseño de indicadores de desempeño mediante la Metodología de Marco
Lógico*: nombre, definición, método de cálculo, unidad de medida, frecuencia de
medición, línea base, metas, sentido and parámetros de semaforización; dimensión
(eficacia, eficiencia, calidad, economía) and tipo (estratégico, de gestión) are
asked for too, as the SHCP's MIR format does.

The longest measurement interval allowed per level follows the CONAC and SHCP MML
guidance as commonly applied: Fin at most sexenal, Propósito at most anual, Componente
at most semestral, Actividad at most trimestral (more frequent is always allowed). The
limits are data (``LEVEL_MAX_FREQUENCY``); they were not checked here against the DOF
text of the Lineamientos, which none of the reference corpora at hand held. Fin and Propósito
indicators are estratégicos and Actividad indicators de gestión; Componentes may be
either.

Every finding names its place (the row and, where it applies, the indicator) and the
field, so a planner can go straight to it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from folio.planning.formulas import parse_problem, variables_of

Level = Literal["fin", "proposito", "componente", "actividad"]
LEVELS: tuple[Level, ...] = ("fin", "proposito", "componente", "actividad")
LEVEL_LABELS: dict[Level, str] = {
    "fin": "Fin",
    "proposito": "Propósito",
    "componente": "Componente",
    "actividad": "Actividad",
}

#: Frequencies of measurement and their length in months.
FREQUENCY_MONTHS: dict[str, int] = {
    "mensual": 1,
    "bimestral": 2,
    "trimestral": 3,
    "cuatrimestral": 4,
    "semestral": 6,
    "anual": 12,
    "bienal": 24,
    "trienal": 36,
    "quinquenal": 60,
    "sexenal": 72,
}
#: The least frequent measurement allowed per level (see the module's docstring).
LEVEL_MAX_FREQUENCY: dict[Level, str] = {
    "fin": "sexenal",
    "proposito": "anual",
    "componente": "semestral",
    "actividad": "trimestral",
}
DIMENSIONS = ("eficacia", "eficiencia", "calidad", "economía")
TYPES = ("estratégico", "de gestión")
LEVEL_TYPES: dict[Level, tuple[str, ...]] = {
    "fin": ("estratégico",),
    "proposito": ("estratégico",),
    "componente": TYPES,
    "actividad": ("de gestión",),
}

_MONTHS = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
_PERIOD_NAMES = {2: "Bimestre", 3: "Trimestre", 4: "Cuatrimestre", 6: "Semestre"}


@dataclass(frozen=True)
class PeriodSpec:
    """One measurement period of a fiscal year: its number (1…n), label and days."""

    number: int
    label: str
    start: date
    end: date


def periods_of(frequency: str, year: int) -> list[PeriodSpec]:
    """The periods of ``year`` an indicator of ``frequency`` is measured in; one period
    (the year) for annual or less frequent measurement."""
    months = FREQUENCY_MONTHS.get(frequency)
    if months is None:
        raise ValueError(f"Frecuencia de medición desconocida: {frequency!r}.")
    if months >= 12:
        return [PeriodSpec(1, str(year), date(year, 1, 1), date(year, 12, 31))]
    specs = []
    for number in range(1, 12 // months + 1):
        first = (number - 1) * months + 1
        last = first + months - 1
        end = (date(year + 1, 1, 1) if last == 12 else date(year, last + 1, 1)) - timedelta(1)
        if months == 1:
            label = f"{_MONTHS[first - 1].capitalize()} {year}"
        else:
            label = f"{_PERIOD_NAMES[months]} {number} {year}"
        specs.append(PeriodSpec(number, label, date(year, first, 1), end))
    return specs


@dataclass(frozen=True)
class Sheet:
    """A ficha técnica as the checks see it (empty text or None is a missing field)."""

    name: str
    definition: str = ""
    formula: str = ""
    unit: str = ""
    frequency: str = ""
    baseline_value: float | None = None
    baseline_year: int | None = None
    #: Meta per period number.
    targets: Mapping[int, float | None] = field(default_factory=dict)
    sentido: str = ""
    green: float | None = None
    yellow: float | None = None
    dimension: str = ""
    type: str = ""
    variables: Sequence[str] = ()


@dataclass(frozen=True)
class Row:
    """A row of the matrix; ``ref`` names it in findings ("Componente 2"), ``parent``
    is the ref of an Actividad's Componente."""

    ref: str
    level: Level
    summary: str = ""
    indicators: Sequence[Sheet] = ()
    verification: str = ""
    assumptions: str = ""
    parent: str | None = None


@dataclass(frozen=True)
class Finding:
    place: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.place}, {self.field}" if self.field else self.place
        return f"{where}: {self.message}"


def check_matrix(rows: Sequence[Row], year: int) -> list[Finding]:
    """Every problem of the MIR's logic and of its fichas, in matrix order."""
    findings = _check_levels(rows)
    for row in rows:
        findings += _check_row(row)
        for number, sheet in enumerate(row.indicators, 1):
            place = f"{row.ref}, indicador {number} ({sheet.name or 'sin nombre'})"
            findings += check_sheet(sheet, row.level, year, place)
    return findings


def _check_levels(rows: Sequence[Row]) -> list[Finding]:
    found: list[Finding] = []
    for level in ("fin", "proposito"):
        count = sum(1 for r in rows if r.level == level)
        if count != 1:
            label = LEVEL_LABELS[level]
            found.append(Finding("MIR", label, f"Debe haber exactamente un {label} (hay {count})."))
    components = [r for r in rows if r.level == "componente"]
    if not components:
        found.append(Finding("MIR", "Componentes", "Debe haber al menos un Componente."))
    refs = {r.ref for r in components}
    for component in components:
        if not any(r.level == "actividad" and r.parent == component.ref for r in rows):
            found.append(Finding(component.ref, "Actividades", "No tiene ninguna Actividad."))
    for row in rows:
        if row.level == "actividad" and row.parent not in refs:
            found.append(Finding(row.ref, "Componente", "No está bajo ningún Componente."))
    return found


def _check_row(row: Row) -> list[Finding]:
    found = []
    for name, value in (
        ("Resumen narrativo", row.summary),
        ("Medios de verificación", row.verification),
        ("Supuestos", row.assumptions),
    ):
        if not value.strip():
            found.append(Finding(row.ref, name, "Falta."))
    if not row.indicators:
        found.append(Finding(row.ref, "Indicadores", "No tiene ningún indicador."))
    return found


def check_sheet(sheet: Sheet, level: Level, year: int, place: str) -> list[Finding]:
    """The ficha's missing CONAC fields, its frequency against the level's limit, its
    type against the level, and its formula against its variables."""
    found = [Finding(place, name, "Falta.") for name in _missing_fields(sheet)]
    months = FREQUENCY_MONTHS.get(sheet.frequency)
    if sheet.frequency and months is None:
        found.append(Finding(place, "Frecuencia de medición", f"Desconocida: {sheet.frequency}."))
    limit = LEVEL_MAX_FREQUENCY[level]
    if months is not None and months > FREQUENCY_MONTHS[limit]:
        found.append(
            Finding(
                place,
                "Frecuencia de medición",
                f"Es {sheet.frequency}; un indicador de {LEVEL_LABELS[level]} debe "
                f"medirse con frecuencia {limit} o mayor.",
            )
        )
    if sheet.type and sheet.type not in LEVEL_TYPES[level]:
        allowed = " o ".join(LEVEL_TYPES[level])
        found.append(Finding(place, "Tipo", f"Un indicador de {LEVEL_LABELS[level]} es {allowed}."))
    if months is not None:
        found += _check_targets(sheet, year, place)
    return found + _check_formula(sheet, place)


def _missing_fields(sheet: Sheet) -> list[str]:
    texts = {
        "Nombre": sheet.name,
        "Definición": sheet.definition,
        "Método de cálculo": sheet.formula,
        "Unidad de medida": sheet.unit,
        "Frecuencia de medición": sheet.frequency,
        "Sentido": sheet.sentido,
        "Dimensión": sheet.dimension,
        "Tipo": sheet.type,
    }
    missing = [name for name, value in texts.items() if not value.strip()]
    if sheet.baseline_value is None:
        missing.append("Línea base (valor)")
    if sheet.baseline_year is None:
        missing.append("Línea base (año)")
    if sheet.green is None or sheet.yellow is None:
        missing.append("Parámetros de semaforización")
    return missing


def _check_targets(sheet: Sheet, year: int, place: str) -> list[Finding]:
    missing = [
        p.label for p in periods_of(sheet.frequency, year) if sheet.targets.get(p.number) is None
    ]
    if not missing:
        return []
    return [Finding(place, "Metas", f"Falta la meta de: {', '.join(missing)}.")]


def _check_formula(sheet: Sheet, place: str) -> list[Finding]:
    if not sheet.formula.strip():
        return []
    problem = parse_problem(sheet.formula)
    if problem:
        return [Finding(place, "Método de cálculo", problem)]
    undefined = [name for name in variables_of(sheet.formula) if name not in sheet.variables]
    if undefined:
        names = ", ".join(undefined)
        return [Finding(place, "Método de cálculo", f"Usa variables no definidas: {names}.")]
    return []
