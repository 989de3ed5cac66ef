"""The PbR-SED diagnostic the SHCP applies to states and municipalities: its 9 sections
and their elements (as the SHCP's *Informe del avance alcanzado… en la implantación y
operación del PbR-SED* names them), and the arithmetic of a self-assessment.

Each element is self-assessed from 0 to 100 % of what the SHCP asks for it. A section's
score is the mean of its answered elements; the total is the mean of the answered
sections, every section weighing the same. The SHCP's own weights change between
editions and are not reproduced here: the published score is entered beside the
self-assessment, never derived from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    number: int
    name: str
    elements: tuple[tuple[str, str], ...]


SECTIONS: tuple[Section, ...] = (
    Section(
        1,
        "Planeación",
        (
            ("1.1", "Plan Municipal de Desarrollo"),
            ("1.2", "Programas derivados de la planeación municipal"),
            ("1.3", "Vinculación con los Objetivos de Desarrollo Sostenible"),
        ),
    ),
    Section(
        2,
        "Programación",
        (
            ("2.1", "Información programática"),
            ("2.2", "Diagnóstico de los programas presupuestarios"),
            ("2.3", "Padrón de beneficiarios"),
        ),
    ),
    Section(
        3,
        "Presupuestación",
        (
            ("3.1", "Estados financieros"),
            ("3.2", "Criterios del CONAC"),
            ("3.3", "Endeudamiento"),
            ("3.4", "Uso de la información de desempeño"),
            ("3.5", "Paquete económico"),
            ("3.6", "Documentos difundidos en lenguaje ciudadano"),
        ),
    ),
    Section(
        4,
        "Ejercicio y control",
        (
            ("4.1", "Etapas contables de ingresos y egresos"),
            ("4.2", "Regulación de la mecánica operativa de los programas"),
            ("4.3", "Métodos de contratación"),
        ),
    ),
    Section(
        5,
        "Seguimiento",
        (
            ("5.1", "Indicadores de desempeño"),
            ("5.2", "Seguimiento de objetivos y metas"),
        ),
    ),
    Section(
        6,
        "Evaluación",
        (
            ("6.1", "Programa Anual de Evaluación"),
            ("6.2", "Evaluaciones realizadas"),
            ("6.3", "Seguimiento a recomendaciones de las evaluaciones"),
        ),
    ),
    Section(
        7,
        "Rendición de cuentas",
        (
            ("7.1", "Cuenta pública"),
            ("7.2", "Auditorías"),
            ("7.3", "Control interno"),
        ),
    ),
    Section(8, "Consolidación", (("8.1", "Implantación y operación del PbR-SED"),)),
    Section(9, "Buenas prácticas", (("9.1", "Acciones innovadoras para implantar el PbR-SED"),)),
)

ELEMENTS: dict[str, str] = {code: name for s in SECTIONS for code, name in s.elements}


@dataclass(frozen=True)
class Scores:
    #: Section number → mean of its answered elements (None when none is answered).
    sections: dict[int, float | None]
    total: float | None
    answered: int


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def score(answers: Mapping[str, float]) -> Scores:
    """Section and total scores of a year's answers (element code → 0–100)."""
    unknown = sorted(set(answers) - set(ELEMENTS))
    if unknown:
        raise ValueError(f"Elementos desconocidos del diagnóstico: {', '.join(unknown)}.")
    for code, value in answers.items():
        if not 0 <= value <= 100:
            raise ValueError(f"Elemento {code}: la calificación {value:g} no está entre 0 y 100.")
    sections = {
        s.number: _mean([answers[code] for code, _name in s.elements if code in answers])
        for s in SECTIONS
    }
    total = _mean([v for v in sections.values() if v is not None])
    return Scores(sections, total, len(answers))
