"""Reading the decision and loop language of one step's text.

Real manuals write flow control inside the activity text, in many variants:
"¿Es viable? No: … Termina Procedimiento. En caso contrario:", "• Si: continúa en la
actividad no. 12", "regresa a la actividad 5", "pasa al punto 4", "¿Es Alta, Modificación o
Baja? Modificación: pasa a la actividad 8. Baja: …", "a) … continúa en el paso 16",
"Si Ir al paso 12 / No Fin del Procedimiento", "… y finaliza procedimiento". False friends
("Determina", "Termina la llamada", "regresa al Titular") must not be read as flow.

``analyze(text)`` splits a step's text into a lead (text before the first branch label,
holding any question), branches (label + content + target) and the lead's own target.
Resolving targets against neighbouring rows is ``transitions.py``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from folio.manuals.cleaning import BULLET, fold

# --- targets -------------------------------------------------------------------------

_NUM = r"(\d+(?:\.\d+)*)"
_JUMP = re.compile(
    r"\b(?:contin[uú]a|continuar|pasa|pasar|regresa|regresar|retorna|vuelve|ir|va|ve)"
    r"(?:\s+(?:a\s+la|la\s+a|a\s+el|en\s+la|en\s+el|al|a|en|la))?"
    r"(?:\s+(?P<kw>actividad(?:es)?|paso|punto|etapa)\b)?"
    r"(?:\s*(?:n[uú]mero|n[oº°]\.?|n[uú]m\.?)(?=\s*\d|\s*[.,;]|\s*$|\s+\D))?"
    rf"\s*(?P<num>{_NUM})?",
    re.IGNORECASE,
)
_EXTERNAL = re.compile(
    r"\b(?:ir|pasa|contin[uú]a|continuar|remite|aplica)\s+(?:a|al|en|con)\s+(?:el\s+)?"
    r"procedimiento\s+(?P<name>[^.;•]+)",
    re.IGNORECASE,
)
_END = re.compile(
    r"\b(?:termina|terminar|finaliza|finalizar|concluye|fin)\s+(?:el\s+|del\s+|de\s+)?"
    r"procedimiento\b",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"¿[^?¿]*\?")


@dataclass(frozen=True)
class Target:
    """``kind`` is "step" (``value`` = number), "missing" (a jump with no number),
    "end", or "external" (``value`` = the named procedure)."""

    kind: str
    value: str = ""
    start: int = 0


def find_target(text: str) -> Target | None:
    """The first flow target written in ``text``, if any."""
    found: list[Target] = []
    for m in _EXTERNAL.finditer(text):
        found.append(Target("external", m.group("name").strip(" ,"), m.start()))
    for m in _END.finditer(text):
        found.append(Target("end", "", m.start()))
    for m in _JUMP.finditer(text):
        num, kw = m.group("num"), m.group("kw")
        if num and (kw or _bare_number_ok(text, m)):
            found.append(Target("step", num, m.start()))
        elif kw and not num and _is_flow_keyword(kw):
            found.append(Target("missing", "", m.start()))
    if not found:
        return None
    return min(found, key=lambda t: t.start)


def _bare_number_ok(text: str, m: re.Match[str]) -> bool:
    # "regresa a 18": a number right after the verb, not a quantity ("pasa a 3 áreas").
    rest = text[m.end("num") :].lstrip()
    return not rest or not rest[0].isalpha() or fold(rest).startswith(("y ", "e "))


def _is_flow_keyword(kw: str) -> bool:
    return fold(kw) in {"actividad", "paso", "punto", "etapa"}


def has_end_marker(text: str) -> bool:
    return _END.search(text) is not None


# --- branch labels -------------------------------------------------------------------

_BOUNDARY = r"(?:^|(?<=[•○?¿.;:/])|(?<=[.;:?/]\s)|(?<=•\s)|(?<=\.\s\s))"
_ELSE = re.compile(
    r"(?:^|(?<=\s)|(?<=[•○?¿.;:/]))\s*(?P<label>(?:en\s+caso\s+contrario|de\s+lo\s+contrario|caso\s+contrario"
    r"|en\s+otro\s+caso))\s*[:.,]?",
    re.IGNORECASE,
)
_YESNO_COLON = re.compile(
    _BOUNDARY + r"\s*(?P<label>(?:s[ií]|no)\b[^:.;?¿•]{0,40}?)\s*:", re.IGNORECASE
)
_YESNO_BARE = re.compile(
    r"(?:" + _BOUNDARY + r"|(?<=[a-záéíóúñ]\s)(?-i:(?=S[IiÍí]\s|N[Oo]\s)))"
    r"\s*(?P<label>(?:s[ií]|no))\s+(?=\w)",
    re.IGNORECASE,
)
_LETTER = re.compile(_BOUNDARY + r"\s*(?P<label>[a-h]\))\s+", re.IGNORECASE)
_NAMED = re.compile(
    _BOUNDARY + r"\s*(?P<label>[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+[\wáéíóúñ]+){0,2})\s*:",
)
ELSE_LABELS = ("en caso contrario", "de lo contrario", "caso contrario", "en otro caso")


@dataclass(frozen=True)
class Branch:
    label: str
    content: str
    target: Target | None
    #: A question asked inside the branch ("No: ¿Cuenta con equipo de respaldo?").
    question: str | None = None
    start: int = 0

    @property
    def is_else(self) -> bool:
        return is_else_label(self.label)


def is_else_label(label: str) -> bool:
    return fold(label).startswith(ELSE_LABELS)


@dataclass(frozen=True)
class Analysis:
    lead: str
    questions: tuple[str, ...]
    branches: tuple[Branch, ...]
    #: Target written in the lead (unconditional jump or end), if any.
    target: Target | None
    starts_with_label: bool = False
    question_spans: tuple[tuple[int, int], ...] = field(default=())

    @property
    def has_flow(self) -> bool:
        return bool(self.questions or self.branches or self.target)


@lru_cache(maxsize=4096)
def analyze(text: str, pending_question: str = "") -> Analysis:
    """Split cleaned step text (bullets as `` • ``) into lead, questions and branches.

    ``pending_question`` is a question asked on an earlier row whose branches may start
    this row; its option words are accepted as labels ("Lineamiento:")."""
    questions = tuple(q.strip() for q in _QUESTION.findall(text))
    spans = _label_spans(text, " ".join(questions) + " " + pending_question)
    if not spans:
        lead = text.strip(f" {BULLET}")
        return Analysis(lead, questions, (), find_target(lead))
    lead = text[: spans[0][0]].strip(f" {BULLET}")
    branches = []
    for i, (start, end, label) in enumerate(spans):
        stop = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        content = text[end:stop].strip(f" {BULLET}:,;")
        branches.append(_branch(label.strip(" ,;:."), content, start))
    starts = not lead
    lead_target = find_target(lead) if lead else None
    return Analysis(lead, _lead_questions(lead), tuple(branches), lead_target, starts)


def _lead_questions(lead: str) -> tuple[str, ...]:
    return tuple(q.strip() for q in _QUESTION.findall(lead))


def _branch(label: str, content: str, start: int) -> Branch:
    question = None
    q = _QUESTION.search(content)
    target = find_target(content)
    if _is_letter(label) and target is not None and target.start > 0:
        label = f"{label} {content[: target.start].strip(' ,;.')}"
    if q and (target is None or q.start() < target.start):
        question = q.group(0).strip()
        target = None if target is None or target.start > q.start() else target
    return Branch(label.strip(), content, target, question, start)


def _label_spans(text: str, questions: str) -> list[tuple[int, int, str]]:
    """Positions of branch labels as (start, end, label), in order, non-overlapping."""
    masked = _mask_jumps(text)
    candidates: list[tuple[int, int, str]] = []
    for rx in (_ELSE, _YESNO_COLON, _LETTER):
        for m in rx.finditer(masked):
            candidates.append((m.start("label"), m.end(), m.group("label")))
    candidates += _bare_yesno(text, masked)
    candidates += _named_options(masked, questions)
    if sum(1 for c in candidates if _is_letter(c[2])) == 1:
        candidates = [c for c in candidates if not _is_letter(c[2])]
    return _non_overlapping(candidates)


def _mask_jumps(text: str) -> str:
    """Hide "No." inside "actividad No. 5" so it is not read as a "No" label."""
    return re.sub(
        r"(?i)\b(actividad|paso|punto|n[uú]mero)\s+(n[oº°])\.",
        lambda m: m.group(1) + " " + "#" * len(m.group(2)) + ".",
        text,
    )


def _is_letter(label: str) -> bool:
    return re.fullmatch(r"[a-hA-H]\)", label) is not None


def _bare_yesno(text: str, masked: str) -> list[tuple[int, int, str]]:
    """ "Si la información está incompleta, regresa a la actividad 1" /
    "SI son aceptados, pasa al punto 4" / "Si Ir al paso 12": a Si/No condition
    without a colon counts as a label when a flow target follows it in its sentence."""
    found = []
    for m in _YESNO_BARE.finditer(masked):
        start = m.start("label")
        sentence_end = _sentence_end(text, m.end())
        target = find_target(text[m.end() : sentence_end])
        if target is None:
            continue
        condition = text[start : m.end() + target.start].strip(" ,;")
        found.append((start, m.end() + target.start, condition))
    return found


def _sentence_end(text: str, pos: int) -> int:
    # A bare condition runs to the end of its list item or to the next "." that is
    # followed by an end marker's sentence, whichever comes first; allow one "." inside
    # so "… del 072. Termina procedimiento." keeps its target.
    stops = [i for i in (text.find(BULLET, pos), text.find(" / ", pos)) if i != -1]
    dots = [m.end() for m in re.finditer(r"[.;](?:\s|$)", text[pos:])]
    if len(dots) >= 2:
        stops.append(pos + dots[1])
    return min(stops) if stops else len(text)


def _named_options(masked: str, questions: str) -> list[tuple[int, int, str]]:
    """ "Modificación: pasa a la actividad 8" after "¿Es Alta, Modificación o Baja?"."""
    if not questions.strip():
        return []
    words = set(re.findall(r"[a-zñ]{3,}", fold(questions)))
    found = []
    for m in _NAMED.finditer(masked):
        label = m.group("label")
        if fold(label.split()[0]) in words:
            found.append((m.start("label"), m.end(), label))
    return found


def _non_overlapping(cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    result: list[tuple[int, int, str]] = []
    for c in sorted(cands, key=lambda c: (c[0], -(c[1] - c[0]))):
        if result and c[0] < result[-1][1]:
            continue
        result.append(c)
    return result
