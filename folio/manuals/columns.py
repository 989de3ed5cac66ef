"""What each column of a table means, read from its cells; header words only add evidence.

A step table has a column of step numbers that mostly increase (``1``, ``1.``, ``3.1``,
``1)``; sometimes written in another cell: "1) Promovente", or with text leaked into it
from the next column: "1 Es" | "tablece…"), a column of long text that reads as actions
("Recibe…", "Elabora…"), usually a column of short role names that repeat, and optionally
documents, copies and other columns (deadlines, evidence). Each column gets a score for
each part from its cells; the best assignment wins. ``profile`` explains the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from folio.manuals.cleaning import fold, plain
from folio.manuals.roles import ROLE_HEADS, unspace
from folio.manuals.table import ACTIVITY, COPIES, DOCUMENT, NUMBER, RESPONSIBLE, Columns

#: A header cell is short.
HEADER_CELL_MAX = 60
#: A step number leading a cell: "1", "1.", "3.1", "1)", "1.-", "Paso 3:".
LEADING_NUMBER = re.compile(
    r"^\s*(?:paso\s*(?:n[oº°]\.?|n[uú]m\.?)?\s*)?(?P<num>\d{1,3}(?:\.\d{1,3}){0,3})"
    r"(?:\s*(?:\.-|\.|\)|-|:)(?!\d))?(?:\s+|(?=[^\d\s.])|$)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_QUANTITY = re.compile(
    r"^(?:anos?|dias?|mes(?:es)?|horas?|semanas?|minutos?|habiles|naturales|copias?|tantos?"
    r"|juegos?|ejemplares?|%|original)\b"
)
#: First words of activity text: Spanish verbs in the third person, and "Se …".
_VERB_ENDINGS = ("a", "e", "an", "en")
#: Words that open a role name in a table but are not role heads for splitting.
_MORE_ROLE_HEADS = frozenset(
    {"responsable", "cajero", "cajera", "inspector", "inspectora", "oficial", "notificador"}
)
#: Nouns that end like verbs and often open a cell.
_NOT_VERBS = frozenset(
    {
        "la",
        "una",
        "area",
        "persona",
        "jefe",
        "jefa",
        "nombre",
        "fecha",
        "clave",
        "copia",
        "reporte",
        "informe",
        "acta",
        "constancia",
        "carta",
        "programa",
        "sistema",
        "tema",
        "problema",
        "lista",
        "agenda",
        "propuesta",
        "respuesta",
        "ficha",
        "factura",
        "base",
        "parte",
        "cliente",
        "minuta",
        "nota",
        "cedula",
        "cuenta",
        "orden",
        "relacion",
        "pagina",
        "guia",
        "poliza",
        "tarjeta",
        "boleta",
        "licencia",
        "carpeta",
        "bitacora",
        "plantilla",
        "encuesta",
        "evidencia",
        "estrategia",
        "etapa",
        "consulta",
        "queja",
        "demanda",
        "denuncia",
        "oficina",
        "firma",
    }
)
_DOC_WORDS = re.compile(
    r"\b(?:oficio|formato|solicitud|expediente|acuse|memor[aá]ndum|memo|reporte|informe|"
    r"acta|constancia|registro|sistema|correo|listado|lista|relaci[oó]n|archivo|factura|"
    r"recibo|dictamen|contrato|convenio|ficha|bit[aá]cora|libro|formulario|n/a|no aplica)\b"
    r"|\b[A-Z]{2,}[-./][A-Z0-9]",
    re.IGNORECASE,
)
_COPIES = re.compile(r"^(?:\d{1,2}|original(?:\s+y\s+\d*\s*copias?)?|copia|n/?a|-)$", re.I)

#: Header words by part, matched against the start of each word of a header cell.
HINTS: dict[str, tuple[str, ...]] = {
    NUMBER: ("no", "num", "n°", "#", "paso", "secuencia", "etapa", "consecutivo"),
    RESPONSIBLE: ("respons", "puesto", "actor", "area", "unidad", "ejecut", "quien", "cargo"),
    ACTIVITY: ("activ", "descrip", "accion", "tarea", "desarrollo", "procedimiento"),
    DOCUMENT: (
        "document",
        "formato",
        "insumo",
        "salida",
        "registro",
        "evidencia",
        "soporte",
        "producto",
        "anexo",
        "clave",
    ),
    COPIES: ("tantos", "copias"),
}


@dataclass(frozen=True)
class Profile:
    """What the cells of one column look like."""

    filled: int
    numbered: float  # share of cells led by a step number
    increasing: float  # share of numbered cells whose number is not below the last
    length: float  # mean length of the text after any leading number
    verbs: float  # share of cells whose text starts like an action
    roles: float  # share of cells that start with a role word and are short
    repeats: float  # 1 - distinct/filled
    documents: float  # share of cells naming documents or codes
    copies: float  # share of cells like "2", "Original y copia"
    rest_length: float  # mean length of what follows a leading number


def number_of(cell: str) -> tuple[str, str] | None:
    """``(number, rest)`` when ``cell`` starts with a step number (not a quantity:
    "1 año", "5 días hábiles", "2 copias")."""
    m = LEADING_NUMBER.match(plain(cell))
    if m is None or _QUANTITY.match(fold(m.group("rest"))):
        return None
    return m.group("num"), m.group("rest").strip()


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def profile(cells: Sequence[str]) -> Profile:
    texts = [unspace(plain(c)) for c in cells if plain(c)]
    n = len(texts)
    if not n:
        return Profile(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    numbered = [number_of(t) for t in texts]
    keys = [_key(m[0]) for m in numbered if m is not None]
    rises = sum(1 for a, b in zip(keys, keys[1:], strict=False) if b >= a)
    rests = [m[1] if m else t for m, t in zip(numbered, texts, strict=True)]
    rest_lengths = [len(m[1]) for m in numbered if m is not None]
    return Profile(
        filled=n,
        numbered=len(keys) / n,
        increasing=rises / (len(keys) - 1) if len(keys) > 1 else (1.0 if keys else 0.0),
        length=sum(map(len, rests)) / n,
        verbs=sum(_starts_with_verb(r) for r in rests) / n,
        roles=sum(_looks_like_role(r) for r in rests) / n,
        repeats=1 - len({fold(r) for r in rests}) / n,
        documents=sum(bool(_DOC_WORDS.search(t)) for t in texts) / n,
        copies=sum(bool(_COPIES.match(t)) for t in texts) / n,
        rest_length=sum(rest_lengths) / len(rest_lengths) if rest_lengths else 0.0,
    )


def _starts_with_verb(text: str) -> bool:
    words = fold(text).replace("¿", "").split()
    if not words:
        return False
    first = words[0].strip(".,:;")
    if first == "se" and len(words) > 1:
        return True
    if len(text) < 15 or first in ROLE_HEADS or first in _NOT_VERBS:
        return False
    return first.isalpha() and len(first) >= 4 and first.endswith(_VERB_ENDINGS)


def _looks_like_role(text: str) -> bool:
    words = fold(text).split()
    if not words or len(text) > 90:
        return False
    first = words[0].split("/")[0].strip("(")
    if first in {"el", "la", "los", "las"} and len(words) > 1:
        first = words[1].split("/")[0]
    singular = first[:-1] if first.endswith("s") else first
    return bool({first, singular} & ROLE_HEADS) or first in _MORE_ROLE_HEADS


def is_header_row(cells: Sequence[str]) -> bool:
    """Whether a row reads as a step table's header in any wording: short cells, no step
    numbers, (nearly) every cell naming a part."""
    texts = [plain(c) for c in cells if plain(c)]
    if len(texts) < 2 or any(len(t) > HEADER_CELL_MAX or number_of(t) for t in texts):
        return False
    return sum(hint_of(t) is not None for t in texts) >= max(2, len(texts) - 1)


def hint_of(header: str) -> str | None:
    """The part a header cell names, from any wording ("Documento de Trabajo (clave)",
    "Actor/Puesto", "Paso No.")."""
    words = re.findall(r"[a-zñ°#]+", fold(plain(header)))
    for word in words:
        for part, stems in HINTS.items():
            if any(word == s or (len(s) > 2 and word.startswith(s)) for s in stems):
                return part
    return None


def assign(header: Sequence[str] | None, body: Sequence[Sequence[str]]) -> Columns | None:
    """The columns of a step table, or ``None`` when the rows are not one."""
    width = max((len(r) for r in body), default=0)
    if header is not None:
        width = max(width, len(header))
    if width < 2 or not body:
        return None
    cols = [[r[i] if i < len(r) else "" for r in body] for i in range(width)]
    profiles = [profile(c) for c in cols]
    hints = [hint_of(header[i]) if header and i < len(header) else None for i in range(width)]
    number = _pick_number(profiles, hints)
    activity = _pick_activity(profiles, hints, number)
    if activity is None:
        return None
    if number is None and hints.count(None) == width:
        return None
    if hints[activity] != ACTIVITY and profiles[activity].verbs < 0.3:
        return None  # numbered lists of names (an index), not actions
    taken = {activity} | ({number} if number is not None else set())
    responsible = _pick_responsible(profiles, hints, taken)
    if responsible is None and number not in (None, activity) and _fused_role(profiles[number]):
        responsible = number
    if number is None and responsible is None:
        return None
    taken |= {responsible} if responsible is not None else set()
    copies = _pick(profiles, hints, taken, COPIES, lambda p: p.copies >= 0.8)
    taken |= {copies} if copies is not None else set()
    documents = tuple(
        i
        for i in range(width)
        if i not in taken and (hints[i] == DOCUMENT or (hints[i] is None and profiles[i].filled))
    )
    return Columns(number, responsible, activity, documents, copies, width)


def _pick_number(profiles: list[Profile], hints: list[str | None]) -> int | None:
    best, best_score = None, 0.0
    for i, p in enumerate(profiles):
        if p.filled < 2 and not (p.filled and hints[i] == NUMBER):
            continue
        score = p.numbered * (0.5 + 0.5 * p.increasing) + (0.3 if hints[i] == NUMBER else 0)
        if p.numbered >= 0.6 and p.increasing >= 0.6 and score > best_score + 0.05:
            best, best_score = i, score
    return best


def _pick_activity(
    profiles: list[Profile], hints: list[str | None], number: int | None
) -> int | None:
    best, best_score = None, 0.0
    for i, p in enumerate(profiles):
        if not p.filled:
            continue
        length = p.rest_length if i == number else p.length
        if i == number and p.verbs < 0.5:
            continue
        score = min(length, 200) / 40 * (0.4 + p.verbs) + (2.0 if hints[i] == ACTIVITY else 0)
        score -= 1.5 if hints[i] in (RESPONSIBLE, DOCUMENT, COPIES) else 0
        if score > best_score:
            best, best_score = i, score
    if best is None:
        return None
    p = profiles[best]
    long_enough = (p.rest_length if best == number else p.length) >= 18
    return best if long_enough or hints[best] == ACTIVITY else None


def _pick_responsible(
    profiles: list[Profile], hints: list[str | None], taken: set[int]
) -> int | None:
    best, best_score = None, 0.0
    for i, p in enumerate(profiles):
        if i in taken or not p.filled:
            continue
        short = 1.0 if p.length <= 60 else 0.3
        score = (p.roles * 1.5 + p.repeats * 0.5) * short - p.verbs - p.documents * 0.5
        score += 2.0 if hints[i] == RESPONSIBLE else 0
        score -= 2.0 if hints[i] in (DOCUMENT, COPIES, NUMBER) else 0
        if score > best_score:
            best, best_score = i, score
    return best if best_score >= 0.5 else None


def _fused_role(p: Profile) -> bool:
    """A number column whose cells go on with a role name: "1) Promovente"."""
    return p.rest_length > 0 and p.roles >= 0.5 and p.verbs < 0.3


def _pick(
    profiles: list[Profile],
    hints: list[str | None],
    taken: set[int],
    part: str,
    looks: Callable[[Profile], bool],
) -> int | None:
    for i, p in enumerate(profiles):
        if i in taken:
            continue
        if hints[i] == part or (hints[i] is None and looks(p) and p.filled):
            return i
    return None
