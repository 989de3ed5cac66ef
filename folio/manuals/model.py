"""The typed model of a manual: what every importer produces and every later part reads.

All classes are frozen dataclasses holding tuples, so a parsed manual is immutable and
comparable: loading the JSON export back gives an equal object.

Spanish domain words (folio, oficio, dependencia, Tiempo Promedio de Gestión) are kept
where no English word is exact; see ``docs/glossary.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

ManualKind = Literal["procedimientos", "organizacion"]
Severity = Literal["error", "warning", "info"]

#: ``Transition.to`` value for "the procedure ends here".
END = "end"
#: Prefix of ``Transition.to`` for "continue in another procedure".
EXTERNAL = "external:"


@dataclass(frozen=True)
class SourceRef:
    """Where something was read: file name, page (1-based, when the format has pages)
    and line (1-based line of a text file, line within the page of a PDF, or block index
    of a DOCX)."""

    file: str = ""
    page: int | None = None
    line: int | None = None

    def describe(self) -> str:
        parts = [self.file or "<input>"]
        if self.page is not None:
            parts.append(f"página {self.page}")
        if self.line is not None:
            parts.append(f"línea {self.line}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Transition:
    """One outgoing edge of a step.

    ``to`` is a step number as written ("9", "3.1"), ``END``, ``"external:<name or
    code>"``, or ``None`` when the manual announces a jump but names no target
    ("Regresa a la actividad no."). ``when`` is the branch label exactly as worded
    ("No", "En caso contrario", "Modificación"); nested decisions join labels with
    " › " ("No › Si"). ``None`` means unconditional."""

    to: str | None
    when: str | None = None


@dataclass(frozen=True)
class DocumentRef:
    """A document a step produces or receives: normalized type plus the raw text and
    any form code (``FORM.293/SECATI/012224``) found in it."""

    type: str
    text: str
    form_code: str | None = None


@dataclass(frozen=True)
class Step:
    number: str
    responsible: tuple[str, ...]
    activity: str
    documents: tuple[DocumentRef, ...] = ()
    copies: str = ""
    next: tuple[Transition, ...] = ()
    #: Questions asked at this step ("¿Es viable?"), in reading order.
    questions: tuple[str, ...] = ()
    #: The raw Responsable cell; empty when the cell was blank and the responsible
    #: was carried over from the row above.
    responsible_raw: str = ""
    #: Stage heading for layouts that group steps ("Secuencia de etapas").
    stage: str = ""
    source: SourceRef = field(default_factory=SourceRef)

    @property
    def is_decision(self) -> bool:
        return len({t.when for t in self.next if t.when is not None}) >= 2 or bool(self.questions)


#: How sure the importer is of a procedure: ``ok`` when it was read without findings that
#: need a person, ``revisar`` when some of its diagnostics do (see ``review.py``).
ReviewStatus = Literal["ok", "revisar"]

TimeUnit = Literal["horas", "días", "días hábiles", "días naturales", "semanas", "meses", "años"]
TimeStatus = Literal["stated", "variable", "recurring", "missing", "unparsed"]


@dataclass(frozen=True)
class TimeSpec:
    """*Tiempo Promedio de Gestión*, as written and parsed.

    ``max``/``unit`` are the upper bound; ``min``/``min_unit`` the lower bound (they
    differ in "1 semana a 6 meses"). "Variable" → status ``variable`` with no numbers;
    "Revisión y actualización mensual" → status ``recurring`` with ``recurrence``."""

    text: str = ""
    min: float | None = None
    max: float | None = None
    unit: TimeUnit | None = None
    min_unit: TimeUnit | None = None
    status: TimeStatus = "missing"
    recurrence: str | None = None


@dataclass(frozen=True)
class Form:
    """A coded form and, when the manual reproduces it, its *instructivo de llenado*."""

    code: str
    name: str = ""
    fields: tuple[str, ...] = ()
    has_instructivo: bool = False
    source: SourceRef = field(default_factory=SourceRef)


@dataclass(frozen=True)
class Indicator:
    """An indicator stated in the text, e.g. capacidad de respuesta =
    numerator ÷ denominator × factor, with its target."""

    name: str
    text: str
    numerator: str = ""
    denominator: str = ""
    factor: float | None = None
    target: str = ""
    source: SourceRef = field(default_factory=SourceRef)


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    unit: str = ""
    objective: str = ""
    legal_basis: str = ""
    policies: tuple[str, ...] = ()
    time: TimeSpec = field(default_factory=TimeSpec)
    #: Normalized form codes referenced anywhere in the procedure.
    forms: tuple[str, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    steps: tuple[Step, ...] = ()
    source: SourceRef = field(default_factory=SourceRef)
    review: ReviewStatus = "ok"

    def step(self, number: str) -> Step | None:
        """The first step numbered ``number``; found through an index built once."""
        return self._steps_by_number.get(number)

    @cached_property
    def _steps_by_number(self) -> dict[str, Step]:
        index: dict[str, Step] = {}
        for s in self.steps:
            index.setdefault(s.number, s)
        return index


@dataclass(frozen=True)
class Authorization:
    person: str
    position: str = ""
    action: str = ""  # Elabora, Revisa, Valida, Autoriza…


@dataclass(frozen=True)
class Term:
    """A glossary or simbología entry."""

    term: str
    definition: str = ""


@dataclass(frozen=True)
class Unit:
    """An organizational unit. ``parent`` is the parent's ``number``; it is stored
    explicitly because the numbering and the reports-to lines can disagree."""

    number: str
    name: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Position:
    number: str  # record heading number, e.g. "2.1.3"
    title: str  # puesto funcional
    nominal: str = ""  # puesto nominal
    unit: str | None = None  # Unit.number
    reports_to: str = ""  # "Puesto al que le reporta", as written
    reports_to_number: str | None = None  # resolved Position.number, if resolvable
    subordinates: tuple[str, ...] = ()  # "Puestos que le reportan", as written
    objective: str = ""
    functions: tuple[str, ...] = ()
    value: str = ""  # "Valor que aporta al puesto que reporta"
    kind: str = ""  # "Tipo de Puesto"
    aliases: tuple[str, ...] = ()
    source: SourceRef = field(default_factory=SourceRef)


@dataclass(frozen=True)
class Organization:
    units: tuple[Unit, ...] = ()
    positions: tuple[Position, ...] = ()


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    procedure: str | None = None
    step: str | None = None
    source: SourceRef = field(default_factory=SourceRef)


@dataclass(frozen=True)
class Manual:
    kind: ManualKind
    title: str = ""
    unit: str = ""
    code: str = ""  # registro / clave
    elaborated: str = ""  # fecha de elaboración, as written
    updated: str = ""  # fecha de actualización, as written
    revision: str = ""
    authorizations: tuple[Authorization, ...] = ()
    introduction: str = ""
    glossary: tuple[Term, ...] = ()
    symbols: tuple[Term, ...] = ()
    editions: tuple[str, ...] = ()  # registro de ediciones / control de cambios
    distribution: tuple[str, ...] = ()  # controlled copies
    procedures: tuple[Procedure, ...] = ()
    forms: tuple[Form, ...] = ()
    organization: Organization | None = None
    #: Importer findings (rows that could not be placed, …); lint adds its own.
    diagnostics: tuple[Diagnostic, ...] = ()
    source: SourceRef = field(default_factory=SourceRef)

    def procedure(self, code: str) -> Procedure | None:
        for p in self.procedures:
            if p.code == code:
                return p
        return None
