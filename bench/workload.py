"""The workload of the engine benchmark: a typical 20-activity procedure and the paths
cases take through it.

Five roles; activity 6 asks whether the documents are complete (No → back to 4, taken
with p = 0.2); activity 12 asks whether the request proceeds (No → the procedure ends,
p = 0.1); everything else runs straight on. A case walks about 20 completions on
average. Paths come from a seeded RNG, so every engine in a run replays the very same
completions in the same order.

Pure Python (no Django): the Folio, SpiffWorkflow and viewflow workers all import it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from folio.manuals.model import END, Procedure, Step, TimeSpec, Transition

ROLES = (
    "Director/a de Gobierno Electrónico",
    "Jefe/a de Departamento de Ingeniería de Aplicaciones",
    "Coordinador/a Especializado/a en Monitoreo de Sistemas",
    "Analista A/B",
    "Auxiliar Administrativo/a",
)
STEP_COUNT = 20
LOOP_AT, LOOP_TO, LOOP_P = "6", "4", 0.2
EXIT_AT, EXIT_P = "12", 0.1
#: The branch labels, as the manual words them (and the parser reads them back).
NO, OTHERWISE = "No", "En caso contrario"
QUESTIONS = {LOOP_AT: "¿La documentación está completa?", EXIT_AT: "¿La solicitud procede?"}
#: A case loops back at most this many times (the random walk stays bounded).
MAX_LOOPS = 5
#: Who does each activity, by index into ``ROLES`` (a role keeps a few in a row).
STEP_ROLES = (4, 0, 1, 3, 3, 1, 2, 2, 3, 1, 0, 0, 4, 3, 2, 2, 1, 1, 0, 4)


def _activity(number: int) -> str:
    if str(number) == LOOP_AT:
        return f"Revisa la documentación. {QUESTIONS[LOOP_AT]}"
    if str(number) == EXIT_AT:
        return f"Dictamina la solicitud. {QUESTIONS[EXIT_AT]}"
    return f"Realiza la actividad {number} del trámite y la registra."


def _next(number: int) -> tuple[Transition, ...]:
    if str(number) == LOOP_AT:
        return (Transition(LOOP_TO, NO), Transition(str(number + 1), OTHERWISE))
    if str(number) == EXIT_AT:
        return (Transition(END, NO), Transition(str(number + 1), OTHERWISE))
    return (Transition(END),) if number == STEP_COUNT else (Transition(str(number + 1)),)


def build_procedure(roles: tuple[str, ...] = ROLES) -> Procedure:
    """The workload as Folio's core model (``roles``: five names in ``ROLES``' order)."""
    steps = tuple(
        Step(
            number=str(n),
            responsible=(roles[STEP_ROLES[n - 1]],),
            activity=_activity(n),
            next=_next(n),
            questions=(QUESTIONS[str(n)],) if str(n) in QUESTIONS else (),
        )
        for n in range(1, STEP_COUNT + 1)
    )
    time = TimeSpec(text="15 días hábiles.", max=15, unit="días hábiles", status="stated")
    return Procedure(
        code="P1", name="Trámite de prueba de veinte actividades", time=time, steps=steps
    )


def _cell(step: Step) -> str:
    """The Actividad cell as a municipal manual words it."""
    if str(step.number) == LOOP_AT:
        return f"{step.activity} {NO}: Regresa a la actividad no. {LOOP_TO}. {OTHERWISE}:"
    if str(step.number) == EXIT_AT:
        ending = "Envía oficio de improcedencia. Termina Procedimiento."
        return f"{step.activity} {NO}: {ending} {OTHERWISE}:"
    if step.next == (Transition(END),):
        return f"{step.activity} Termina Procedimiento."
    return step.activity


def manual_text(
    procedure: Procedure,
    office: str = "la Dirección de Gobierno Electrónico",
    registro: str = "BANCO/MP/DGE/001",
) -> str:
    """The procedure as a text manual that Folio's importer reads (the format of the
    seeds and of ``web/cases/tests/manual-pruebas-dge.txt``)."""
    title = f"Manual de Procedimientos de {office} (banco de pruebas)"
    lines = [
        f"# {title}",
        "",
        f"\t{title}\tRegistro: {registro}",
        "",
        "III. DEL DEPARTAMENTO DE INGENIERÍA DE APLICACIONES",
        "",
        f"Nombre del Procedimiento:\t{procedure.name}.",
        "Objetivo:\tMedir la velocidad del motor de casos.",
        f"Tiempo Promedio de Gestión:\t{procedure.time.text}",
        "",
        "Descripción del Procedimiento: Trámite de prueba.",
        "",
        "Responsable\tNo.\tActividad\tFormato o Documento\tTantos",
    ]
    for step in procedure.steps:
        role = step.responsible[0]
        lines.append(f"{role}\t{step.number}\t{_cell(step)}\tN/A\tN/A")
    return "\n".join(lines) + "\n"


def flow_of(procedure: Procedure) -> list[tuple[str, tuple[str, ...], tuple[Transition, ...]]]:
    """What the engines run: numbers, roles and transitions (not the wording)."""
    return [(s.number, s.responsible, s.next) for s in procedure.steps]


@dataclass(frozen=True)
class Completion:
    step: str
    role: str
    #: The branch label at a decision; None elsewhere.
    choice: str | None


def case_path(rng: random.Random) -> list[Completion]:
    """One case's completions, from activity 1 to the end."""
    path: list[Completion] = []
    number, loops = 1, 0
    while number <= STEP_COUNT:
        role = ROLES[STEP_ROLES[number - 1]]
        choice: str | None = None
        following = number + 1
        if str(number) == LOOP_AT:
            back = loops < MAX_LOOPS and rng.random() < LOOP_P
            choice, loops = (NO, loops + 1) if back else (OTHERWISE, loops)
            following = int(LOOP_TO) if back else following
        elif str(number) == EXIT_AT:
            choice = NO if rng.random() < EXIT_P else OTHERWISE
            following = STEP_COUNT + 1 if choice == NO else following
        path.append(Completion(str(number), role, choice))
        number = following
    return path


def case_paths(cases: int, seed: int) -> list[list[Completion]]:
    rng = random.Random(seed)
    return [case_path(rng) for _ in range(cases)]


def rounds(paths: list[list[Completion]]) -> list[tuple[int, Completion]]:
    """All completions in the order every engine runs them: one completion of each
    unfinished case per round, so many cases are open at once, as in an office."""
    order: list[tuple[int, Completion]] = []
    longest = max((len(p) for p in paths), default=0)
    for index in range(longest):
        order.extend((case, path[index]) for case, path in enumerate(paths) if index < len(path))
    return order
