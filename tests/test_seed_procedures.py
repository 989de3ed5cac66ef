"""Every procedure of seeds 000, 003 and 004 against the hand-checked inventory.

Step numbers, responsibles (blank cells resolved, compound cells split) and source lines
are read at run time from ``../shared/reference/seeds-procedures.md``; the transitions the
inventory describes in prose are encoded below as data, procedure by procedure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from folio.manuals.load import load_manual
from folio.manuals.model import Manual, Procedure

from .conftest import REFERENCE, SEED_000, SEED_003, SEED_004, needs_shared

pytestmark = needs_shared

SEEDS = {"000": SEED_000, "003": SEED_003, "004": SEED_004}

# Transitions that differ from "go to the next step" (last step: "end"). "Si…" means a
# conditional label that starts with "Si " (the whole condition as the manual words it).
FLOWS: dict[str, dict[str, list[tuple[str | None, str | None]]]] = {
    "000-P2": {"6": [("5", "Si…"), ("7", "En caso contrario")]},
    "004-P1": {
        "3": [("end", "No"), ("4", "En caso contrario")],
        "5": [("9", "Si"), ("6", "En caso contrario")],
        "10": [("12", "Si"), ("11", "En caso contrario")],
        "11": [("9", None)],
        "16": [("18", "Si"), ("17", "En caso contrario")],
        "17": [("15", None)],
        "20": [("22", "Si"), ("21", "En caso contrario")],
        "21": [("18", None)],
        "22": [("18", "No"), ("23", "De lo contrario")],
    },
    "004-P2": {
        "4": [("end", "No"), ("5", "En caso contrario")],
        "8": [("5", "No"), ("9", "En caso contrario")],
    },
    "004-P3": {"5": [("end", "Si"), ("6", "En caso contrario")]},
    "004-P4": {"4": [("end", "No"), ("5", "En caso contrario")]},
    "004-P5": {"11": [("9", "No"), ("12", "En caso contrario")]},
    "004-P6": {"13": [("7", "Si"), ("14", "En caso contrario")]},
    "004-P8": {"1": [("end", "Si…"), ("2", "En caso contrario")]},
    "004-P9": {"3": [("1", "Si…"), ("4", "En caso contrario")]},
    "004-P10": {"2": [("1", "Si…"), ("3", "En caso contrario")]},
    "004-P12": {
        "3": [("end", "No"), ("4", "En caso contrario")],
        "5": [("end", "Si"), ("6", "No › Si"), ("7", "No › En caso contrario")],
        "6": [("9", None)],
        "8": [("external:P31", "No"), ("9", "En caso contrario")],
    },
    # The unnumbered decision rows belong to steps 1 and 2; the second names no target.
    "004-P13": {
        "1": [("1", "No"), ("2", "En caso contrario")],
        "2": [(None, "Si"), ("3", "De lo contrario")],
    },
    "004-P15": {
        "3": [("8", "Modificación"), ("10", "Baja"), ("4", "En caso contrario")],
        "4": [("6", "Si"), ("5", "De lo contrario")],
        "5": [("end", None)],
        "7": [("end", None)],
        "9": [("end", None)],
    },
    "004-P16": {"8": [("end", "Si"), ("9", "En caso contrario")]},
    "004-P17": {
        "3": [("4", "Si"), ("5", "En caso contrario")],
        "4": [("end", None)],
        "5": [("7", "Si"), ("6", "En caso contrario")],
    },
    # The question of the unnumbered row after 3.1 is answered in step 4's cell.
    "004-P18": {
        "3": [("3.1", "Si"), ("9", "En caso contrario")],
        "3.1": [("4", "Si"), ("8", "En caso contrario")],
    },
    "004-P19": {"3": [("4", "Si"), ("5", "En caso contrario")], "4": [("end", None)]},
    "004-P20": {"3": [("4", "Si"), ("5", "En caso contrario")], "4": [("6", None)]},
    "004-P21": {
        "4": [("6", "Si"), ("5", "En caso contrario")],
        "7": [("8", "Si"), ("9", "En caso contrario")],
        "8": [("end", None)],
    },
    "004-P22": {
        "3": [("4", "Si"), ("16", "En caso contrario")],
        "10": [("11", "Si"), ("17", "En caso contrario")],
        "15": [("end", None)],
        "16": [("2", None)],
    },
    "004-P23": {
        "6": [("9", "Si"), ("7", "En caso contrario")],
        "7": [("9", "No"), ("8", "En caso contrario")],
    },
    "004-P24": {
        "4": [("8", "No"), ("5", "En caso contrario")],
        "5": [("9", "No"), ("6", "En caso contrario")],
        "8": [("end", None)],
    },
    "004-P25": {"3": [("6", "Si"), ("4", "En caso contrario")], "5": [("end", None)]},
    "004-P26": {
        "5": [("17", "Si"), ("6", "De lo contrario")],
        "6": [("8", "Si"), ("7", "De lo contrario")],
        "16": [("9", "No"), ("17", "De lo contrario")],
    },
    "004-P28": {"3": [("2", "Si…"), ("4", "En caso contrario")]},
    "004-P29": {
        "9": [("6", "No"), ("10", "En caso contrario")],
        "11": [("6", "No"), ("12", "En caso contrario")],
        "13": [("9", "No"), ("14", "En caso contrario")],
        "14": [("9", "No"), ("15", "En caso contrario")],
        "16": [
            ("9", "Si"),
            ("17", "En caso contrario › Lineamiento"),
            ("26", "En caso contrario › Si es Norma"),
        ],
        "18": [("19", "Si"), ("20", "En caso contrario")],
        "19": [("17", None)],
        "21": [("9", "No"), ("22", "De lo contrario")],
        "25": [("end", None)],
        "28": [("21", "No"), ("29", "De lo contrario")],
        "30": [("28", "No"), ("31", "En caso contrario")],
    },
    "004-P30": {"3": [("2", "No"), ("4", "En caso contrario")]},
    "004-P31": {
        "2": [("1", "Si"), ("3", "En caso contrario")],
        "5": [("3", "Si"), ("6", "En caso contrario")],
    },
}

# Compound Responsable cells and the atomic roles they hold (reference §7.5 and §9).
COMPOUND = {
    "Director/a de Gobierno Electrónico o Mesa de servicio": (
        "Director/a de Gobierno Electrónico",
        "Mesa de servicio",
    ),
    "Jefe/a de Departamento de Administración de Infraestructura y/o Soporte Técnico": (
        "Jefe/a de Departamento de Administración de Infraestructura",
        "Jefe/a de Departamento de Soporte Técnico",
    ),
    "Departamento de Soporte Técnico y/o Administración de Infraestructura": (
        "Departamento de Soporte Técnico",
        "Departamento de Administración de Infraestructura",
    ),
    "Mesa de Servicio y/o Dirección de Gobierno Electrónico": (
        "Mesa de Servicio",
        "Dirección de Gobierno Electrónico",
    ),
    "Jefe de Departamento de Servicios Web, Analista Consultivo A y Servidor Público de la "
    "Dependencia Solicitante": (
        "Jefe de Departamento de Servicios Web",
        "Analista Consultivo A",
        "Servidor Público de la Dependencia Solicitante",
    ),
    "Analista Consultivo A, Analista A": ("Analista Consultivo A", "Analista A"),
    "Analista Consultivo A, Analista": ("Analista Consultivo A", "Analista"),
    "Enlaces (datos abiertos y seguridad)": ("Enlace de Datos Abiertos", "Enlace de Seguridad"),
    "Enlace de Seguridad, Enlace de Transparencia": (
        "Enlace de Seguridad",
        "Enlace de Transparencia",
    ),
    "Enlace Administrativo/a o Director/a Administrativo/a de las Dependencias": (
        "Enlace Administrativo/a",
        "Director/a Administrativo/a de las Dependencias",
    ),
    "Enlace Administrativo/a o Director/a Administrativo/a": (
        "Enlace Administrativo/a",
        "Director/a Administrativo/a",
    ),
    "Subdirector/a de Infraestructura Tecnológica o Sistemas": (
        "Subdirector/a de Infraestructura Tecnológica",
        "Subdirector/a de Sistemas",
    ),
    "Subdirector/a de Infraestructura Tecnológica y Sistemas": (
        "Subdirector/a de Infraestructura Tecnológica",
        "Subdirector/a de Sistemas",
    ),
    "Jefe de Departamento de Servicios Web, Analista Consultivo A y Persona Servidora "
    "Pública de la Dependencia Solicitante": (
        "Jefe de Departamento de Servicios Web",
        "Analista Consultivo A",
        "Persona Servidora Pública de la Dependencia Solicitante",
    ),
}


@dataclass(frozen=True)
class RefStep:
    number: str
    responsible: str
    line: int


@dataclass(frozen=True)
class RefProcedure:
    key: str  # "004-P12"
    name: str
    time: str
    policies: int
    steps: tuple[RefStep, ...]


_HEADING = re.compile(r"^#{3,4} (\d{3})-P(\d+): (.+)$")
_ROW = re.compile(r"^\| ([0-9.]+) \| (.+?) \| .* \| (\d+)(?: \+ \d+)? \|$")


@cache
def reference() -> dict[str, RefProcedure]:
    text = (REFERENCE / "seeds-procedures.md").read_text(encoding="utf-8")
    procedures: dict[str, RefProcedure] = {}
    current: dict[str, object] | None = None
    for line in text.splitlines():
        if m := _HEADING.match(line):
            current = {"key": f"{m[1]}-P{m[2]}", "name": m[3], "time": "", "pol": 0, "steps": []}
            procedures[str(current["key"])] = _freeze(current)
        elif current is None:
            continue
        elif line.startswith("## "):
            current = None
            continue
        elif m := re.match(r"^\* Tiempo Promedio de Gestión: `(.+?)`", line):
            current["time"] = m[1]
        elif m := re.match(
            r"^\* Políticas(?: de Operación)?(?: \(5\.1\.10\))?: \*\*(\d+)\*\*", line
        ):
            current["pol"] = int(m[1])
        elif m := _ROW.match(line):
            steps = current["steps"]
            assert isinstance(steps, list)
            steps.append(RefStep(m[1], _ref_responsible(m[2]), int(m[3])))
        else:
            continue
        procedures[str(current["key"])] = _freeze(current)
    return procedures


def _freeze(d: dict[str, object]) -> RefProcedure:
    steps = d["steps"]
    assert isinstance(steps, list)
    return RefProcedure(
        str(d["key"]), str(d["name"]), str(d["time"]), int(str(d["pol"])), tuple(steps)
    )


def _ref_responsible(cell: str) -> str:
    cell = cell.removeprefix("↳ ").strip()
    return re.sub(r"\s*\((?:see note|blank across page break)\)$", "", cell)


@cache
def parsed(seed: str) -> Manual:
    return load_manual(Path(SEEDS[seed]))


def procedure(key: str) -> Procedure:
    seed, code = key.split("-")
    found = parsed(seed).procedure(code)
    assert found is not None, f"{key} not parsed"
    return found


ALL = [f"000-P{i}" for i in range(1, 5)] + ["003-P1"] + [f"004-P{i}" for i in range(1, 32)]


def test_it_finds_all_36_procedures() -> None:
    assert sorted(reference()) == sorted(ALL)
    counts = {seed: len(parsed(seed).procedures) for seed in SEEDS}
    assert counts == {"000": 4, "003": 1, "004": 31}


@pytest.mark.parametrize("key", ALL)
def test_it_reads_the_steps_as_the_inventory(key: str) -> None:
    ref, got = reference()[key], procedure(key)
    assert [s.number for s in got.steps] == [s.number for s in ref.steps]
    for r, s in zip(ref.steps, got.steps, strict=True):
        expected = COMPOUND.get(r.responsible, (r.responsible.rstrip("."),))
        assert s.responsible == expected, f"{key} step {s.number}"
        assert s.source.line == r.line, f"{key} step {s.number}"


@pytest.mark.parametrize("key", ALL)
def test_it_reads_the_transitions_as_the_inventory(key: str) -> None:
    got = procedure(key)
    numbers = [s.number for s in got.steps]
    flows = FLOWS.get(key, {})
    for i, step in enumerate(got.steps):
        default = [(numbers[i + 1] if i + 1 < len(numbers) else "end", None)]
        expected = flows.get(step.number, default)
        actual = [(t.to, t.when) for t in step.next]
        assert len(actual) == len(expected), f"{key} step {step.number}: {actual}"
        for (to, when), (ato, awhen) in zip(expected, actual, strict=True):
            assert ato == to, f"{key} step {step.number}: {actual}"
            if when is not None and when.endswith("…"):
                assert awhen is not None and awhen.startswith(when[:-1] + " ")
            else:
                assert awhen == when, f"{key} step {step.number}: {actual}"


@pytest.mark.parametrize("key", ALL)
def test_it_reads_name_time_and_policies(key: str) -> None:
    ref, got = reference()[key], procedure(key)
    assert got.name.rstrip(".") == ref.name.rstrip(".")
    assert got.time.text == ref.time
    assert len(got.policies) == ref.policies, got.policies
