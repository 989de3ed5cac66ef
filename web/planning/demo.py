"""Demo data of the planning app (invented): the Plan Municipal de Desarrollo of San
Isidro del Valle, the 2026 PATs of two dependencias with a year of monthly progress run
as cases of the institute's capture procedure, and the Enlaces.

The planning institute (IMPLAN) gets one analyst who reviews progress; the Enlaces are
people of the base demo. Captures and reviews are back-dated to the first business days
of the month after the one they report. Running it again adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Protocol

from django.contrib.auth.models import User
from django.utils import timezone

from folio.calendar import BusinessCalendar
from folio.planning.pmd_import import COLUMNS, parse_table
from web.accounts.models import Profile, Unit
from web.planning.actions import capture_progress, return_progress, validate_progress
from web.planning.actions.enlaces import save_enlace
from web.planning.actions.pat import save_goal, save_pat, save_program, save_project
from web.planning.actions.pmd import import_pmd, save_pmd
from web.planning.models import EnlaceRole, Goal, PlanElement, Pmd, Progress, Project
from web.planning.procedure import VALIDATOR_ROLE, validator_role


class Report(Protocol):
    def add(self, text: str) -> None: ...


PMD_NAME = "Plan Municipal de Desarrollo de San Isidro del Valle"
IMPLAN = ("Instituto Municipal de Planeación", "IMPLAN")
ANALYST = ("mariana", "Mariana Quiroz")

#: Nivel | Clave | Descripción | Indicadores | Nivel de implementación | ODS | estatal | nacional
PMD_TABLE = """
Eje | 1 | San Isidro ordenado y sostenible | | | | |
Objetivo | 1.1 | Mejorar los servicios públicos de la ciudad | Satisfacción con los servicios | | 11.1 | PED 3.2: Servicios públicos de calidad |
Estrategia | 1.1.1 | Modernizar el alumbrado público | | | | |
Línea de acción | 1.1.1.1 | Sustituir 4 000 luminarias por tecnología LED | Luminarias sustituidas | 55 | 7.3; 11.6 | | PND 3: Desarrollo sustentable
Línea de acción | 1.1.1.2 | Atender los reportes de alumbrado en menos de 5 días hábiles | Reportes atendidos a tiempo | 70 | 11.1 | |
Estrategia | 1.1.2 | Recuperar los espacios públicos | | | | |
Línea de acción | 1.1.2.1 | Rehabilitar 12 parques de barrio | Parques rehabilitados | 30 | 11.7 | |
Eje | 2 | Gobierno abierto y cercano | | | | |
Objetivo | 2.1 | Responder con oportunidad a la ciudadanía | Capacidad de respuesta | | 16.6 | PED 1.4: Gobierno eficaz |
Estrategia | 2.1.1 | Un folio para cada solicitud | | | | |
Línea de acción | 2.1.1.1 | Registrar con folio toda solicitud ciudadana y darle seguimiento | Solicitudes con folio | 80 | 16.6; 16.10 | | PND 1: Política y gobierno
Línea de acción | 2.1.1.2 | Publicar cada mes el avance de los programas de trabajo | Informes publicados | 90 | 16.6 | |
Estrategia | 2.1.2 | Gobierno digital | | | | |
Línea de acción | 2.1.2.1 | Digitalizar 20 trámites de alto uso | Trámites en línea | 35 | 16.6; 9.c | |
Eje | 3 | Comunidad segura e incluyente | | | | |
Objetivo | 3.1 | Reducir la violencia en el espacio público | Percepción de seguridad | | 16.1; 5.2 | PED 2.1: Seguridad ciudadana |
Estrategia | 3.1.1 | Calles iluminadas y transitables | | | | |
Línea de acción | 3.1.1.1 | Iluminar los 30 cruceros de mayor riesgo para las mujeres | Cruceros iluminados | 20 | 5.2; 11.7 | |
"""  # noqa: E501


@dataclass(frozen=True)
class DemoGoal:
    unit: str
    program: tuple[str, str]
    project: str
    budget: int
    lines: tuple[str, ...]
    ods: tuple[str, ...]
    goal: str
    measure: str
    programmed: tuple[float | None, ...]
    #: Reached ÷ programmed each month (January first).
    pace: tuple[float, ...] = (0.9, 0.95, 1.0, 1.05, 0.8, 0.95, 1.0, 0.7, 0.92, 1.0, 0.98)
    live: str = ""


MONTHLY = (40.0,) * 12
QUARTERLY = (None, None, 3.0, None, None, 3.0, None, None, 3.0, None, None, 3.0)
GOALS = (
    DemoGoal(
        "Dirección de Atención Ciudadana",
        ("DAC-01", "Atención ciudadana oportuna"),
        "Atención de reportes de alumbrado",
        180000,
        ("1.1.1.2", "2.1.1.1"),
        ("11.1", "16.6"),
        "Reportes de alumbrado atendidos",
        "reportes",
        MONTHLY,
    ),
    DemoGoal(
        "Dirección de Atención Ciudadana",
        ("DAC-01", "Atención ciudadana oportuna"),
        "Atención de reportes de alumbrado",
        180000,
        ("1.1.1.2",),
        ("11.1",),
        "Casos de alumbrado concluidos en Folio",
        "casos",
        (None,) * 11 + (5.0,),
        live="completed",
    ),
    DemoGoal(
        "Dirección de Atención Ciudadana",
        ("DAC-02", "Espacios públicos iluminados"),
        "Cruceros seguros",
        950000,
        ("3.1.1.1",),
        ("5.2", "11.7"),
        "Cruceros de riesgo iluminados",
        "cruceros",
        QUARTERLY,
        pace=(1, 1, 1, 1, 1, 0.67, 1, 1, 0.67, 1, 1),
    ),
    DemoGoal(
        "Dirección de Gobierno Electrónico",
        ("DGE-01", "Gobierno digital"),
        "Trámites en línea",
        640000,
        ("2.1.2.1",),
        ("16.6", "9.c"),
        "Trámites digitalizados",
        "trámites",
        (None, 1.0, 1.0, 2.0, 2.0, 2.0, 1.0, 2.0, 2.0, 2.0, 2.0, 3.0),
        pace=(1, 1, 1, 0.5, 1, 1, 1, 1, 0.5, 1, 1),
    ),
    DemoGoal(
        "Dirección de Gobierno Electrónico",
        ("DGE-01", "Gobierno digital"),
        "Mesa de ayuda",
        120000,
        ("2.1.1.1",),
        ("16.6",),
        "Solicitudes de soporte resueltas",
        "solicitudes",
        (120.0,) * 12,
    ),
)

#: username → (unit, role, designation date)
ENLACES = (
    ("andres", "Dirección de Atención Ciudadana", EnlaceRole.PLANEACION, date(2025, 1, 20)),
    ("teresa", "Dirección de Atención Ciudadana", EnlaceRole.PRESUPUESTACION, date(2025, 1, 20)),
    ("elena", "Dirección de Gobierno Electrónico", EnlaceRole.PLANEACION, date(2025, 2, 3)),
    ("bruno", "Dirección de Gobierno Electrónico", EnlaceRole.EVALUACION, date(2025, 2, 3)),
)
YEAR = 2026


def seed_demo(report: Report) -> None:
    analyst = _institute()
    if analyst is None:
        return
    pmd = _pmd(analyst, report)
    _enlaces(analyst)
    goals = [_goal(analyst, pmd, demo) for demo in GOALS]
    made = sum(_progress(analyst, goal, demo) for goal, demo in zip(goals, GOALS, strict=True))
    report.add(f"Planeación: {pmd.name}; PAT {YEAR} de 2 dependencias; {made} avances nuevos.")


def _institute() -> User | None:
    from web.demo import PASSWORD

    unit, _created = Unit.objects.get_or_create(
        name=IMPLAN[0], defaults={"folio_prefix": IMPLAN[1]}
    )
    user = User.objects.filter(username=ANALYST[0]).first()
    if user is None:
        first, _, last = ANALYST[1].partition(" ")
        email = f"{ANALYST[0]}@ayuntamiento.example"
        user = User.objects.create_user(
            ANALYST[0], email, PASSWORD, first_name=first, last_name=last
        )
    Profile.objects.update_or_create(user=user, defaults={"unit": unit, "position": VALIDATOR_ROLE})
    validator_role().members.add(user)
    if not Unit.objects.filter(name__in=[g.unit for g in GOALS]).exists():
        return None
    return user


def _pmd(analyst: User, report: Report) -> Pmd:
    pmd = Pmd.objects.filter(name=PMD_NAME).first()
    if pmd is not None:
        return pmd
    pmd = save_pmd(Pmd(name=PMD_NAME, start_year=2025, end_year=2027), analyst)
    rows = [[c.strip() for c in line.split("|")] for line in PMD_TABLE.strip().splitlines()]
    result = parse_table([list(COLUMNS), *rows])
    import_pmd(pmd, result, analyst, "demo")
    report.add(f"Planeación: {len(result.rows)} elementos del PMD importados.")
    return pmd


def _enlaces(analyst: User) -> None:
    for username, unit_name, role, designated in ENLACES:
        user = User.objects.filter(username=username).first()
        unit = Unit.objects.filter(name=unit_name).first()
        if user is None or unit is None:
            continue
        if not unit.enlaces.filter(role=role, person=user).exists():
            save_enlace(unit, role, user, designated, analyst)


def _goal(analyst: User, pmd: Pmd, demo: DemoGoal) -> Goal:
    unit = Unit.objects.get(name=demo.unit)
    pat = save_pat(unit, YEAR, analyst)
    program = pat.programs.filter(code=demo.program[0]).first()
    if program is None:
        program = save_program(pat, *demo.program, "", analyst)
    project = program.projects.filter(name=demo.project).first()
    if project is None:
        enlace = unit.enlaces.filter(role=EnlaceRole.PLANEACION).first()
        project = Project(
            program=program,
            name=demo.project,
            budget=Decimal(demo.budget),
            responsible_unit=unit,
            enlace=enlace,
            ods_targets=list(demo.ods),
        )
        lines = PlanElement.objects.filter(pmd=pmd, key__in=demo.lines)
        save_project(project, analyst, list(lines))
    goal = project.goals.filter(description=demo.goal).first()
    if goal is None:
        goal = Goal(
            project=project,
            description=demo.goal,
            unit_of_measure=demo.measure,
            programmed=list(demo.programmed),
            live_measure=demo.live,
            live_procedure_code="P1" if demo.live else "",
            live_unit=unit if demo.live else None,
            frequency="trimestral" if demo.programmed is QUARTERLY else "mensual",
        )
        save_goal(goal, analyst)
    return goal


def _progress(analyst: User, goal: Goal, demo: DemoGoal) -> int:
    """January to November; October of the first DGE goal waits returned, November of the
    first DAC goal waits for review."""
    enlace = goal.project.program.pat.unit.enlaces.filter(role=EnlaceRole.PLANEACION).first()
    if goal.is_live or enlace is None:
        return 0
    made = 0
    for month, pace in enumerate(demo.pace, 1):
        planned = goal.programmed_for(month)
        if planned is None or Progress.objects.filter(goal=goal, month=month).exists():
            continue
        value = (planned * Decimal(str(pace))).quantize(Decimal(1))
        with _at(month, 2):
            progress = capture_progress(goal, month, enlace.person, value, _narrative(demo, value))
        made += 1
        if (demo is GOALS[0] and month == 11) or (demo is GOALS[3] and month == 10):
            if demo is GOALS[3]:
                with _at(month, 4):
                    return_progress(
                        progress, analyst, "Adjunte la captura de pantalla del trámite publicado."
                    )
            continue
        with _at(month, 4):
            validate_progress(progress, analyst)
    return made


def _narrative(demo: DemoGoal, value: Decimal) -> str:
    return f"Se registraron {value} {demo.measure} en el mes, según la bitácora."


def _at(month: int, business_day: int):  # type: ignore[no-untyped-def]
    """The ``business_day``-th business day of the month after ``month``, 10:00."""
    from web.demo import _clock

    day = date(YEAR + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    calendar = BusinessCalendar()
    count = 0
    while count < business_day:
        day += timedelta(days=1)
        count += calendar.is_business_day(day)
    return _clock(timezone.make_aware(datetime.combine(day, time(10, 0))))
