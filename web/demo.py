"""The demo office: manuals, people and a few cases at different stages.

``seed()`` imports Folio's demo manual (Dirección de Atención Ciudadana, invented) and,
when ``../shared/seeds`` is beside the checkout, the seed manuals — the Dirección de
Gobierno Electrónico's among them, and the organization manual. It then creates the
people of both offices (invented names; positions and roles as the manuals write them)
and opens cases, advancing them with the real actions along the engine's covering walks.
Running it again adds nothing that is already there.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from unittest import mock

from django.contrib.auth.models import User
from django.utils import timezone

from folio.calendar import BusinessCalendar
from folio.demo import DEMO_TEXT, SEEDS
from folio.flow.walks import covering_walks
from folio.manuals.blocks import ParseError
from web.accounts.models import Profile, Unit
from web.cases.actions import claim_task, complete_task, open_case
from web.cases.models import ACTIVE_TASK_STATES, Case
from web.cases.permissions import can_act_on, can_open_case
from web.catalog.actions import ensure_role, import_manual_file
from web.catalog.models import ManualVersion, Procedure

PASSWORD = "folio-demo-2026"

#: Unit name → (folio prefix, parent unit name).
#: Key → (unit name, folio prefix, parent key).
UNITS: dict[str, tuple[str, str, str]] = {
    "DAC": ("Dirección de Atención Ciudadana", "DAC", ""),
    "ALU": ("Departamento de Alumbrado Público", "", "DAC"),
    "DGE": ("Dirección de Gobierno Electrónico", "DGE", ""),
    "ING": ("Departamento de Ingeniería de Aplicaciones", "", "DGE"),
    "INF": ("Departamento de Administración de Infraestructura", "", "DGE"),
    "DVI": ("Dirección de Vinculación Interinstitucional", "DVI", ""),
    "UVS": ("Unidad de Vinculación Social", "UVS", ""),
    "CM": ("Contraloría Municipal", "CM", ""),
}

#: Which unit runs each seed manual (by file name prefix); 001 is not a readable manual
#: and 002 is the organization manual.
SEED_UNITS = {"000": "DVI", "003": "UVS", "004": "DGE"}


@dataclass(frozen=True)
class Person:
    username: str
    name: str
    unit: str
    #: The position as the manuals write it; it is also the person's role.
    position: str
    #: Other spellings of the role in the manuals.
    spellings: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()


#: username | name | unit | position | other spellings (;) | flags (head, admin,
#: auditor). Analysts first: they record the steps of outside parties.
PEOPLE_TABLE = """
bruno    | Bruno Téllez    | DGE | Analista Consultivo A | |
gabriela | Gabriela Soto   | DAC | Operador/a de Atención Ciudadana | |
alicia   | Alicia Ramos    | DGE | Director/a de Gobierno Electrónico | | head admin
carla    | Carla Méndez    | ING | Jefe/a de Departamento de Ingeniería de Aplicaciones \
         | Jefe/a de Departamento de Ingeniería de aplicaciones | head
diego    | Diego Fuentes   | ING | Coordinador/a Especializado/a en Monitoreo de Sistemas \
         | Coordinador /a Especializado/a (monitoreo de sistemas) |
elena    | Elena Campos    | INF | Analista A/B | |
lucia    | Lucía Herrera   | DAC | Director/a de Atención Ciudadana | | head
teresa   | Teresa Vidal    | DAC | Auxiliar Administrativo/a | |
andres   | Andrés Cabrera  | DAC | Analista de Atención Ciudadana | |
hugo     | Hugo Salinas    | ALU | Jefe/a de Departamento de Alumbrado Público | | head
ramon    | Ramón Ortega    | ALU | Cuadrilla de Mantenimiento | |
fernando | Fernando Ibarra | CM  | Auditor/a de la Contraloría Municipal | | auditor
"""


def _people(table: str) -> tuple[Person, ...]:
    rows = table.replace("\\\n", "").strip().splitlines()
    people = []
    for row in rows:
        user, name, unit, position, spellings, flags = (c.strip() for c in row.split("|"))
        others = tuple(x.strip() for x in spellings.split(";") if x.strip())
        people.append(Person(user, name, unit, position, others, frozenset(flags.split())))
    return tuple(people)


PEOPLE = _people(PEOPLE_TABLE)


@dataclass(frozen=True)
class DemoCase:
    """A case opened ``days_ago`` business days ago, advanced along the procedure's
    covering walk number ``walk`` for ``moves`` moves (to its end when None); with
    ``claim`` the person who may act takes the waiting task."""

    manual: str
    code: str
    subject: str
    requesting_unit: str
    days_ago: int
    walk: int
    moves: int | None
    claim: bool = False
    oficio: str = ""


MANUALS = {"DAC": "DEMO/MP/DAC/001", "DGE": "PCCR2124/RMP/SECATI/DGE/022/04102022"}

#: manual | procedure | business days ago | walk | moves ("-": to the end) | claim |
#: oficio | requesting unit | subject
CASES_TABLE = """
DAC | P1 | 8 | 1 | 3 |       |               | Ciudadanía (reporte telefónico) | Poste dañado frente a la escuela primaria
DAC | P1 | 2 | 1 | 3 | claim |               | Ciudadanía (reporte telefónico) | Luminarias apagadas en la avenida Juárez
DAC | P1 | 1 | 1 | 3 |       |               | Ciudadanía (ventanilla)         | Luminaria parpadeante en el parque central
DAC | P1 | 3 | 2 | 6 | claim |               | Ciudadanía (ventanilla)         | Luminaria apagada en la calle 5 de Mayo
DAC | P1 | 2 | 0 | - |       |               | Ciudadanía (reporte telefónico) | Reporte de fuga de agua (no es alumbrado)
DAC | P2 | 4 | 2 | 7 |       | SI/0412/2026  | Secretaría de Infraestructura   | Información sobre el programa de bacheo
DAC | P2 | 0 | 0 | 1 |       | RSP/077/2026  | Regiduría de Servicios Públicos | Estadística de reportes del primer trimestre
DGE | P4 | 5 | 1 | 5 | claim | TM/1187/2026  | Tesorería Municipal             | Cuenta SAP para la Tesorería Municipal
DGE | P4 | 2 | 1 | 3 |       | DRH/0310/2026 | Dirección de Recursos Humanos   | Cuenta del sistema de nómina para Recursos Humanos
DGE | P4 | 6 | 0 | - |       | AHM/045/2026  | Archivo Histórico Municipal     | Cuenta de correo para el Archivo Histórico
"""  # noqa: E501


def _cases(table: str) -> tuple[DemoCase, ...]:
    cases = []
    for row in table.strip().splitlines():
        manual, code, days, walk, moves, claim, oficio, unit, subject = (
            c.strip() for c in row.split("|")
        )
        cases.append(
            DemoCase(
                MANUALS[manual],
                code,
                subject,
                unit,
                int(days),
                int(walk),
                None if moves == "-" else int(moves),
                claim == "claim",
                oficio,
            )
        )
    return tuple(cases)


CASES = _cases(CASES_TABLE)


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.lines.append(text)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def seed(seeds: Path = SEEDS) -> str:
    """Create whatever of the demo office is missing; returns a summary."""
    report = Report()
    units = ensure_units()
    versions = import_manuals(units, seeds, report)
    people = ensure_people(units)
    report.add(f"Personas de la oficina de demostración (contraseña: {PASSWORD}):")
    for person in PEOPLE:
        report.add(f"  {person.username:<9} {person.name} — {person.position}")
    for wanted in sorted(CASES, key=lambda c: -c.days_ago):
        version = versions.get(wanted.manual)
        if version is not None:
            start_demo_case(wanted, version, people, report)
    seed_app_demos(report)
    return report.text()


# Apps that add their own demo data: each module has ``seed_demo(report: Report) -> None``,
# which creates whatever of its part is missing (a second ``folio demo`` adds nothing).
APP_DEMOS = (
    "web.indicators.demo",
    "web.planning.demo",
    "web.evaluation.demo",
    "web.citizens.demo",
    "web.consultations.demo",
    "web.opendata.demo",
)


def seed_app_demos(report: Report) -> None:
    import importlib
    import importlib.util

    for name in APP_DEMOS:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).seed_demo(report)


def ensure_units() -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for key, (name, prefix, parent) in UNITS.items():
        defaults = {"folio_prefix": prefix, "parent": units.get(parent)}
        units[key], _created = Unit.objects.get_or_create(name=name, defaults=defaults)
    return units


def import_manuals(units: dict[str, Unit], seeds: Path, report: Report) -> dict[str, ManualVersion]:
    """Import the demo manual and the readable seeds; keyed by registro (or title)."""
    paths: list[tuple[Path, Unit | None]] = [(DEMO_TEXT, units["DAC"])]
    if seeds.is_dir():
        for path in sorted(seeds.glob("*.txt")):
            key = SEED_UNITS.get(path.name[:3], "")
            paths.append((path, units[key] if key else None))
    versions: dict[str, ManualVersion] = {}
    for path, unit in paths:
        try:
            version, created = import_manual_file(path, unit=unit)
        except ParseError as err:
            report.add(f"{err} No se importó.")
            continue
        manual = version.manual
        versions[manual.code or manual.title] = version
        state = "importado" if created else "ya estaba importado"
        report.add(f"{path.name}: {manual.title} (versión {version.number}), {state}.")
    return versions


def ensure_people(units: dict[str, Unit]) -> list[User]:
    people = []
    for person in PEOPLE:
        user = User.objects.filter(username=person.username).first()
        if user is None:
            first, _, last = person.name.partition(" ")
            admin = "admin" in person.flags
            user = User.objects.create_user(
                person.username,
                f"{person.username}@ayuntamiento.example",
                PASSWORD,
                first_name=first,
                last_name=last,
                is_staff=admin,
                is_superuser=admin,
            )
        unit = units[person.unit]
        flags = {"is_head": "head" in person.flags, "is_auditor": "auditor" in person.flags}
        defaults = {"unit": unit, "position": person.position, **flags}
        Profile.objects.update_or_create(user=user, defaults=defaults)
        if not flags["is_auditor"]:
            for name in (person.position, *person.spellings):
                ensure_role(name, unit).members.add(user)
        people.append(user)
    return people


def start_demo_case(
    wanted: DemoCase, version: ManualVersion, people: Sequence[User], report: Report
) -> None:
    procedure = version.procedures.filter(code=wanted.code).first()
    if procedure is None or Case.objects.filter(subject=wanted.subject).exists():
        return
    walks = covering_walks(procedure.model())
    moves = list(walks[min(wanted.walk, len(walks) - 1)].moves)[: wanted.moves]
    moment = _business_days_ago(wanted.days_ago)
    opener = next((p for p in people if _may_open(p, procedure)), None)
    if opener is None:
        return
    with _clock(moment):
        case = open_case(
            procedure,
            opener,
            wanted.subject,
            wanted.requesting_unit,
            wanted.oficio,
            timezone.localdate(moment) if wanted.oficio else None,
        )
    registered = case.tasks.exclude(state__in=ACTIVE_TASK_STATES).values_list("step_number")
    if moves and [(moves[0][0],)] == list(registered):
        moves = moves[1:]  # starting the case was that activity's registration
    for k, (_number, choice) in enumerate(moves, 1):
        task = case.tasks.get(state__in=ACTIVE_TASK_STATES)
        actor = next((p for p in people if can_act_on(p, task)), None)
        if actor is None:
            break
        with _clock(moment + timedelta(minutes=25 * k)):
            complete_task(task, actor, choice)
    case.refresh_from_db()
    left = case.tasks.filter(state__in=ACTIVE_TASK_STATES).first()
    holder = next((p for p in people if left and can_act_on(p, left)), None)
    if wanted.claim and left is not None and holder is not None:
        claim_task(left, holder)
    report.add(f"Caso {case.folio}: {case.subject} ({case.get_state_display()}).")


def _may_open(user: User, procedure: Procedure) -> bool:
    return can_open_case(user, procedure)


def _business_days_ago(days: int) -> datetime:
    calendar, day = BusinessCalendar(), timezone.localdate()
    while days > 0:
        day -= timedelta(days=1)
        days -= calendar.is_business_day(day)
    return timezone.make_aware(datetime.combine(day, time(9, 30)))


@contextmanager
def _clock(moment: datetime) -> Iterator[None]:
    """Actions stamp what they write with ``timezone.now()``: back-date a demo case."""
    moment = min(moment, timezone.now())
    with mock.patch.object(timezone, "now", lambda: moment):
        yield
