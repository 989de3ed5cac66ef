"""Demo data of the evaluation app (invented): the MIR of two programas presupuestarios
of the demo office for the current fiscal year, with complete fichas and a year of
values — one indicator reads the capacidad de respuesta of the demo manual's alumbrado
procedure live from its cases — and three years of PbR-SED self-diagnostic.

Written through the actions (so the log has it) by the demo's administrator. Running
it again adds nothing: a program or a year already there is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from django.contrib.auth.models import User
from django.utils import timezone

from web.accounts.models import Unit
from web.evaluation.actions import (
    capture_values,
    save_assessment,
    save_indicator,
    save_program,
    save_row,
    save_variable,
    set_targets,
)
from web.evaluation.models import Assessment, MirRow, Program
from web.evaluation.pbrsed import ELEMENTS
from web.evaluation.periods import periods


class Report(Protocol):
    def add(self, text: str) -> None: ...


@dataclass(frozen=True)
class DemoIndicator:
    name: str
    formula: str
    unit: str
    frequency: str
    sentido: str
    kind: str
    dimension: str
    baseline: float
    #: (name, description, live measure or "" for manual capture)
    variables: tuple[tuple[str, str, str], ...]
    #: Meta per period (repeated when shorter than the periods).
    metas: tuple[float, ...]
    #: Manual variables' values per period, by variable name.
    values: dict[str, tuple[float, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class DemoRow:
    level: str
    summary: str
    verification: str
    assumptions: str
    indicator: DemoIndicator
    #: For an Actividad: the index (in the program's rows) of its Componente.
    parent: int | None = None


def _pct(name: str, num: str, den: str, **kw: Any) -> DemoIndicator:
    variables = ((num, kw.pop("num_text"), kw.pop("num_live", "")), (den, kw.pop("den_text"), ""))
    return DemoIndicator(name, f"{num} / {den} * 100", "Porcentaje", variables=variables, **kw)


ALUMBRADO = (
    DemoRow(
        "fin",
        "Contribuir a la seguridad de las personas en el espacio público mediante calles "
        "y parques iluminados.",
        "Encuesta municipal de percepción de seguridad (anual).",
        "Las condiciones de seguridad no cambian por causas ajenas al municipio.",
        _pct(
            "Porcentaje de personas que se sienten seguras en calles iluminadas",
            "seguras",
            "encuestadas",
            num_text="Personas encuestadas que se sienten seguras",
            den_text="Personas encuestadas",
            frequency="anual",
            sentido="ascendente",
            kind="estratégico",
            dimension="eficacia",
            baseline=52.0,
            metas=(60.0,),
            values={"seguras": (574.0,), "encuestadas": (1000.0,)},
        ),
    ),
    DemoRow(
        "proposito",
        "Las colonias del municipio cuentan con alumbrado público en funcionamiento.",
        "Censo de luminarias del Departamento de Alumbrado Público.",
        "El suministro eléctrico es continuo.",
        _pct(
            "Porcentaje de luminarias en funcionamiento",
            "funcionando",
            "instaladas",
            num_text="Luminarias que funcionan al cierre del año",
            den_text="Luminarias instaladas",
            frequency="anual",
            sentido="ascendente",
            kind="estratégico",
            dimension="eficacia",
            baseline=81.0,
            metas=(90.0,),
            values={"funcionando": (11_240.0,), "instaladas": (12_800.0,)},
        ),
    ),
    DemoRow(
        "componente",
        "Reportes ciudadanos de alumbrado atendidos.",
        "Expedientes de Folio del procedimiento de reportes de alumbrado.",
        "La ciudadanía reporta las fallas que observa.",
        DemoIndicator(
            "Capacidad de respuesta a los reportes de alumbrado",
            "capacidad",
            "Porcentaje",
            "mensual",
            "ascendente",
            "de gestión",
            "eficiencia",
            70.0,
            (("capacidad", "Reportes concluidos ÷ recibidos × 100 (Folio)", "response_capacity"),),
            (85.0,),
        ),
    ),
    DemoRow(
        "actividad",
        "Reparación de luminarias reportadas por las cuadrillas.",
        "Bitácora de las cuadrillas de mantenimiento.",
        "Se cuenta con material eléctrico en almacén.",
        _pct(
            "Porcentaje de luminarias reparadas",
            "reparadas",
            "reportadas",
            num_text="Luminarias reparadas en el trimestre",
            den_text="Luminarias reportadas en el trimestre",
            frequency="trimestral",
            sentido="ascendente",
            kind="de gestión",
            dimension="eficacia",
            baseline=68.0,
            metas=(75.0, 78.0, 80.0, 82.0),
            values={
                "reparadas": (310.0, 290.0, 240.0, 335.0),
                "reportadas": (400.0, 380.0, 410.0, 390.0),
            },
        ),
        parent=2,
    ),
)

GOBIERNO_DIGITAL = (
    DemoRow(
        "fin",
        "Contribuir a un gobierno cercano mediante trámites y servicios en línea.",
        "Informe anual de gobierno digital.",
        "La población tiene acceso a internet.",
        _pct(
            "Porcentaje de trámites municipales disponibles en línea",
            "en_linea",
            "tramites",
            num_text="Trámites que se pueden iniciar en línea",
            den_text="Trámites del catálogo municipal",
            frequency="anual",
            sentido="ascendente",
            kind="estratégico",
            dimension="eficacia",
            baseline=18.0,
            metas=(30.0,),
            values={"en_linea": (22.0,), "tramites": (96.0,)},
        ),
    ),
    DemoRow(
        "proposito",
        "Las dependencias atienden sus solicitudes internas de sistemas en tiempo.",
        "Expedientes de Folio de la Dirección de Gobierno Electrónico.",
        "Las dependencias envían sus solicitudes completas.",
        _pct(
            "Porcentaje de solicitudes de sistemas atendidas en tiempo",
            "en_tiempo",
            "atendidas",
            num_text="Solicitudes concluidas dentro del plazo",
            den_text="Solicitudes concluidas",
            frequency="anual",
            sentido="ascendente",
            kind="estratégico",
            dimension="calidad",
            baseline=70.0,
            metas=(85.0,),
            values={"en_tiempo": (412.0,), "atendidas": (470.0,)},
        ),
    ),
    DemoRow(
        "componente",
        "Cuentas de usuario de los sistemas municipales entregadas.",
        "Registro de cuentas de la Dirección de Gobierno Electrónico.",
        "Recursos Humanos informa las altas a tiempo.",
        DemoIndicator(
            "Días hábiles promedio para entregar una cuenta",
            "dias",
            "Días hábiles",
            "semestral",
            "descendente",
            "de gestión",
            "eficiencia",
            7.0,
            (("dias", "Mediana de días hábiles por cuenta entregada", ""),),
            (5.0, 5.0),
            {"dias": (5.4, 6.8)},
        ),
    ),
    DemoRow(
        "actividad",
        "Revisión de las solicitudes de cuenta recibidas.",
        "Bandeja de Folio del Departamento de Ingeniería de Aplicaciones.",
        "Las solicitudes llegan con el formato completo.",
        _pct(
            "Porcentaje de solicitudes devueltas por estar incompletas",
            "devueltas",
            "recibidas",
            num_text="Solicitudes devueltas por información incompleta",
            den_text="Solicitudes recibidas",
            frequency="trimestral",
            sentido="descendente",
            kind="de gestión",
            dimension="calidad",
            baseline=20.0,
            metas=(15.0,),
            values={
                "devueltas": (14.0, 19.0, 30.0, 12.0),
                "recibidas": (110.0, 120.0, 118.0, 122.0),
            },
        ),
        parent=2,
    ),
)

#: code, name, unit name, rows
PROGRAMS = (
    ("E-014", "Alumbrado público", "Dirección de Atención Ciudadana", ALUMBRADO),
    ("P-003", "Gobierno digital", "Dirección de Gobierno Electrónico", GOBIERNO_DIGITAL),
)

#: year offset → (published score, national average, rank, ranked, self-assessment level)
PBR_YEARS = {
    -2: (35.2, 44.9, 31, 64, 0.40),
    -1: (39.8, 46.1, 27, 64, 0.48),
    0: (43.6, 47.0, 22, 64, 0.55),
}


def seed_demo(report: Report) -> None:
    admin = User.objects.filter(username="alicia").first()
    if admin is None:
        report.add("Evaluación: no está la persona administradora de la demostración.")
        return
    year = timezone.localdate().year
    for code, name, unit_name, rows in PROGRAMS:
        unit = Unit.objects.filter(name=unit_name).first()
        if unit is None or Program.objects.filter(code=code, year=year).exists():
            continue
        program = save_program(admin, None, code=code, name=name, unit=unit, year=year)
        _rows(admin, program, rows)
        report.add(f"MIR {code} {name} ({year}) con {len(rows)} filas y sus fichas técnicas.")
    for offset, figures in PBR_YEARS.items():
        if not Assessment.objects.filter(year=year + offset).exists():
            _assessment(admin, year + offset, figures)
            report.add(f"Autodiagnóstico PbR-SED {year + offset}.")


def _rows(admin: User, program: Program, rows: tuple[DemoRow, ...]) -> None:
    saved: list[MirRow] = []
    for position, demo in enumerate(rows, 1):
        data = {
            "level": demo.level,
            "summary": demo.summary,
            "verification": demo.verification,
            "assumptions": demo.assumptions,
            "position": position,
            "parent": saved[demo.parent] if demo.parent is not None else None,
        }
        row = save_row(admin, program, None, data)
        saved.append(row)
        _indicator(admin, row, demo.indicator, program.year)


def _indicator(admin: User, row: MirRow, demo: DemoIndicator, year: int) -> None:
    data = {
        "name": demo.name,
        "definition": f"Mide {demo.name[0].lower()}{demo.name[1:]}.",
        "formula": demo.formula,
        "measure_unit": demo.unit,
        "frequency": demo.frequency,
        "baseline_value": demo.baseline,
        "baseline_year": year - 1,
        "sentido": demo.sentido,
        "green": 90.0,
        "yellow": 70.0,
        "dimension": demo.dimension,
        "type": demo.kind,
    }
    indicator = save_indicator(admin, row, None, data)
    numbers = [p.number for p in periods(indicator)]
    metas = {n: demo.metas[min(i, len(demo.metas) - 1)] for i, n in enumerate(numbers)}
    set_targets(admin, indicator, metas)
    for name, description, live in demo.variables:
        source = "live" if live else "manual"
        variable = save_variable(
            admin,
            indicator,
            None,
            {
                "name": name,
                "description": description,
                "source": source,
                "measure": live,
                "procedure_code": "P1" if live else "",
            },
        )
        if not live:
            values = demo.values.get(name, ())
            capture_values(admin, variable, dict(zip(numbers, values, strict=False)))


def _assessment(admin: User, year: int, figures: tuple[float, float, int, int, float]) -> None:
    published, national, rank, ranked, level = figures
    answers = {}
    for k, code in enumerate(ELEMENTS):
        # invented: a level per year with a fixed spread per element
        answers[code] = round(min(100.0, max(0.0, level * 100 + ((k * 37) % 41) - 20)), 1)
    save_assessment(
        admin,
        year,
        answers=answers,
        published_score=published,
        national_average=national,
        rank=rank,
        ranked=ranked,
    )
