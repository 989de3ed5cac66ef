"""Reading the decision and loop language of one step's text.

Real manuals write flow control inside the activity text, in many variants:
"¿Es viable? No: … Termina Procedimiento. En caso contrario:", "• Si: continúa en la
actividad no. 12", "regresa a la actividad 5", "pasa al punto 4", "¿Es Alta, Modificación o
Baja? Modificación: pasa a la actividad 8. Baja: …", "a) … continúa en el paso 16",
"Si Ir al paso 12 / No Fin del Procedimiento", "… y finaliza procedimiento", "Si requiere
enmiendas continúa en el paso 16. Si no requiere enmiendas continúa en el paso 17.", "si está
incompleta se finaliza procedimiento de lo contrario continúa con el paso No. 4". False
friends ("Determina", "Termina la llamada", "regresa al Titular") must not be read as flow;
finding targets is ``flowtargets.py``'s job.

Labels are kept as the manual words them, first letter capitalised: an answer ("Si",
"No", "No tiene", "Modificación", "En caso contrario") or, for a condition written
without a colon, the whole condition ("Si la información está incompleta", "a) Si
requiere enmiendas"). A condition carries its own question, so a row that opens with one
is a decision of its own, never the tail of another row's branch.

``analyze(text)`` splits a step's text into a lead (text before the first branch label,
holding any question), branches (label + content + target) and the lead's own target.
Resolving targets against neighbouring rows is ``transitions.py``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from folio.manuals.cleaning import BULLET, fold
from folio.manuals.flowtargets import Target, find_target, has_end_marker

__all__ = ["Analysis", "Branch", "Target", "analyze", "find_target", "has_end_marker"]

_BOUNDARY = r"(?:^|(?<=[•○?¿.;:/])|(?<=[.;:?/]\s)|(?<=•\s)|(?<=\.\s\s))"
_ELSE = re.compile(
    r"(?:^|(?<=\s)|(?<=[•○?¿.;:/]))\s*(?P<label>(?:en\s+caso\s+contrario|de\s+lo\s+contrario"
    r"|caso\s+contrario|en\s+otro\s+caso))\s*[:.,]?",
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
# Answers opening a row that a pending decision waits for: "Si Turna el expediente…"
# (the answer alone, then the action) or "Si procede, turna…" (a condition and a comma).
# "No obstante," "Si bien …," "No Aplica" are no answers.
_NOT_ANSWER = r"(?!(?i:obstante|bien|aplica)\b)"
_ANSWER_WORD = re.compile(rf"\s*(?P<label>(?i:s[ií]|no))\s+{_NOT_ANSWER}(?=[A-ZÁÉÍÓÚÑ])")
_ANSWER_CONDITION = re.compile(
    rf"\s*(?P<label>(?i:s[ií]|no)\s+{_NOT_ANSWER}[^,.;:?¿•]{{1,80}}?)\s*,"
)
_NUMBER_MARK = re.compile(r"(?i)\b(actividad|paso|punto|n[uú]mero)\s*(n[oº°])\.")
_SENTENCE_DOT = re.compile(r"[.;](?:\s|$)")
_QUESTION = re.compile(r"¿[^?¿]*\?")
_CONNECTORS = frozenset({"y", "e", "se", "entonces", "luego"})
_GOES_ON = frozenset({"continua", "prosigue", "sigue"})
#: How far a condition written without a colon may run before its target.
_CONDITION_WINDOW = 600
ELSE_LABELS = ("en caso contrario", "de lo contrario", "caso contrario", "en otro caso")

# A label's kind: an answer to a question, a condition that asks its own question, or a
# lettered item ("a)") that reads as a condition once joined with its text.
ANSWER, CONDITION, LETTER = "answer", "condition", "letter"
_Span = tuple[int, int, str, str]


@dataclass(frozen=True)
class Branch:
    label: str
    content: str
    target: Target | None
    #: A question asked inside the branch ("No: ¿Cuenta con equipo de respaldo?").
    question: str | None = None
    start: int = 0
    #: The label is a condition of its own ("Si requiere enmiendas", "a) …"), not an
    #: answer to a question asked elsewhere ("Si:", "En caso contrario:").
    conditional: bool = False

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

    @property
    def opens_with_answer(self) -> bool:
        """The row opens with an answer ("Si:", "En caso contrario:"): it is a branch of a
        decision asked earlier, or the tail of one reached by a jump."""
        return self.starts_with_label and bool(self.branches) and not self.branches[0].conditional


@lru_cache(maxsize=4096)
def analyze(text: str, pending_question: str = "") -> Analysis:
    """Split cleaned step text (bullets as `` • ``) into lead, questions and branches.

    ``pending_question`` is a question (or condition) asked on an earlier row whose
    branches may start this row; its option words are accepted as labels ("Lineamiento:"),
    and so are a bare "Si"/"No" or "Si procede," opening the row."""
    questions = tuple(q.strip() for q in _QUESTION.findall(text))
    spans = _label_spans(text, " ".join(questions) + " " + pending_question)
    if pending_question:
        spans = _with_opening_answer(text, spans)
    if not spans:
        lead = text.strip(f" {BULLET}")
        return Analysis(lead, questions, (), find_target(lead))
    lead = text[: spans[0][0]].strip(f" {BULLET}")
    branches = []
    for i, (start, end, label, kind) in enumerate(spans):
        stop = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        content = text[end:stop].strip(f" {BULLET}:,;")
        branches.append(_branch(label.strip(" ,;:."), kind, content, start))
    starts = not lead
    lead_target = find_target(lead) if lead else None
    return Analysis(lead, _lead_questions(lead), tuple(branches), lead_target, starts)


def _lead_questions(lead: str) -> tuple[str, ...]:
    return tuple(q.strip() for q in _QUESTION.findall(lead))


def _branch(label: str, kind: str, content: str, start: int) -> Branch:
    question = None
    q = _QUESTION.search(content)
    target = find_target(content, conditional=True)
    if kind == LETTER and target is not None and target.start > 0:
        label = f"{label} {condition_label(content[: target.start])}"
    if q and (target is None or q.start() < target.start):
        question = q.group(0).strip()
        target = None if target is None or target.start > q.start() else target
    label = label.strip() if kind == LETTER else _capitalized(label.strip())
    return Branch(label, content, target, question, start, kind != ANSWER)


def condition_label(raw: str) -> str:
    """A condition as a label: "Si no procede, notifica y [pasa…]" → "Si no procede";
    "si está incompleta se [finaliza…]" → "Si está incompleta"."""
    words = raw.strip(" ,;:.").split(" ")
    chained = False
    while len(words) > 1 and fold(words[-1]).strip(",;.") in _CONNECTORS | _GOES_ON:
        chained = chained or fold(words[-1]) in {"y", "e"}
        words.pop()
    label = " ".join(words).strip(" ,;:.")
    if chained and "," in label:
        label = label[: label.rfind(",")].strip(" ,;:.")  # drop the chained action
    return _capitalized(label)


def _capitalized(label: str) -> str:
    return label[:1].upper() + label[1:]


def _label_spans(text: str, questions: str) -> list[_Span]:
    """Positions of branch labels as (start, end, label, kind), in order, non-overlapping."""
    masked = _mask_jumps(text)
    candidates: list[_Span] = []
    for rx, kind in ((_ELSE, ANSWER), (_YESNO_COLON, ANSWER), (_LETTER, LETTER)):
        for m in rx.finditer(masked):
            candidates.append((m.start("label"), m.end(), m.group("label"), kind))
    candidates += _bare_yesno(text, masked)
    candidates += _named_options(text, masked, questions)
    if sum(1 for c in candidates if c[3] == LETTER) == 1:
        candidates = [c for c in candidates if c[3] != LETTER]
    return _non_overlapping(candidates)


def _with_opening_answer(text: str, spans: list[_Span]) -> list[_Span]:
    """With a decision pending, "Si Turna el expediente" or "Si procede, turna…" opening
    the row answers it even with no target of its own."""
    offset = len(text) - len(text.lstrip(f" {BULLET}"))
    if spans and spans[0][0] <= offset:
        return spans
    m = _ANSWER_WORD.match(text, offset)
    if m is not None:
        return _non_overlapping([(m.start("label"), m.end(), m.group("label"), ANSWER), *spans])
    m = _ANSWER_CONDITION.match(text, offset)
    if m is not None:
        label = condition_label(m.group("label"))
        return _non_overlapping([(m.start("label"), m.end(), label, CONDITION), *spans])
    return spans


def _mask_jumps(text: str) -> str:
    """Hide "No." inside "actividad No. 5" (or "pasoNo.5") so it is not read as a "No"
    label."""
    return _NUMBER_MARK.sub(lambda m: m.group(1) + " " + "#" * len(m.group(2)) + ".", text)


def _bare_yesno(text: str, masked: str) -> list[_Span]:
    """ "Si la información está incompleta, regresa a la actividad 1" /
    "SI son aceptados, pasa al punto 4" / "Si Ir al paso 12" / "Si no cumple, paso 6": a
    Si/No condition without a colon counts as a label when a flow target follows it in
    its sentence."""
    found = []
    for m in _YESNO_BARE.finditer(masked):
        start = m.start("label")
        sentence_end = _sentence_end(text, m.end())
        target = find_target(text[m.end() : sentence_end], conditional=True)
        if target is None:
            continue
        end = m.end() + target.start
        if ":" in text[start:end]:  # "No tiene: …" is an answer, read as such
            continue
        other = _ELSE.search(masked, m.end(), end)  # "Si cumple continúa. En caso contrario…"
        if other is not None:
            end = other.start("label")
        found.append((start, end, condition_label(text[start:end]), CONDITION))
    return found


def _sentence_end(text: str, pos: int) -> int:
    # A bare condition runs to the end of its list item or to the next "." that is
    # followed by an end marker's sentence, whichever comes first; allow one "." inside
    # so "… del 072. Termina procedimiento." keeps its target. Bounded, so that a huge
    # cell full of "Si" is read in linear time.
    limit = min(len(text), pos + _CONDITION_WINDOW)
    stops = [i for i in (text.find(BULLET, pos, limit), text.find(" / ", pos, limit)) if i != -1]
    for count, m in enumerate(_SENTENCE_DOT.finditer(text, pos, limit), 1):
        if count == 2:
            stops.append(m.end())
            break
    return min(stops) if stops else limit


def _named_options(text: str, masked: str, questions: str) -> list[_Span]:
    """ "Modificación: pasa a la actividad 8" after "¿Es Alta, Modificación o Baja?", and
    "Alta: pasa a la actividad 5" after "¿Tipo de trámite?" (an option that jumps)."""
    if not questions.strip():
        return []
    words = set(re.findall(r"[a-zñ]{3,}", fold(questions)))
    found = []
    for m in _NAMED.finditer(masked):
        label = m.group("label")
        if fold(label.split()[0]) in words or _jumps_at_once(text, m.end()):
            found.append((m.start("label"), m.end(), label, ANSWER))
    return found


def _jumps_at_once(text: str, pos: int) -> bool:
    head = text[pos : pos + 80].lstrip(f" {BULLET}")
    target = find_target(head)
    return target is not None and target.start == 0 and target.kind != "missing"


def _non_overlapping(cands: list[_Span]) -> list[_Span]:
    result: list[_Span] = []
    for c in sorted(cands, key=lambda c: (c[0], -(c[1] - c[0]))):
        if result and c[0] < result[-1][1]:
            continue
        result.append(c)
    return result
