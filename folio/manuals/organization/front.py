"""Front and back matter of an organization manual: the sign-off sheet (hoja de
formalización), the introduction, the glossary and the change log."""

from __future__ import annotations

import re

from folio.manuals.blocks import Row
from folio.manuals.model import Authorization, Term
from folio.manuals.organization.layout import fold, row_text

_ACTIONS = frozenset({
    "elabora", "elaboro", "elaborar", "elaborado por", "revisa", "reviso", "revisar",
    "revisado por", "autoriza", "autorizo", "autorizar", "autorizado por", "aprueba",
    "aprobo", "aprobar", "aprobado por", "valida", "valido", "validar", "administra",
    "expide", "expidio", "vo bo", "visto bueno", "propone", "supervisa",
})  # fmt: skip
_SIGNATURE = re.compile(r"\s*(?:[-–—]\s*)?\(?\s*r[uú]brica\s*\)?\s*$|_{3,}", re.IGNORECASE)
_PERSON_LABEL = re.compile(r"^(?:nombre|cargo|puesto|firma)\s*:\s*", re.IGNORECASE)
_EDITION_HEADER = frozenset({
    "version", "fecha", "motivo", "descripcion", "descripcion del cambio", "cambio",
    "cambios", "revision", "no", "numero", "edicion", "observaciones", "pagina",
    "paginas", "no de revision", "fecha de revision", "autorizo", "elaboro",
})  # fmt: skip
_CONNECTORS = frozenset({"de", "del", "la", "el", "los", "las", "y", "e", "o", "u", "a",
                         "en", "para", "con", "que", "por", "su", "sus", "al"})  # fmt: skip


def continues(previous: str, text: str) -> bool:
    """Whether ``text`` is the rest of a paragraph cut by a line or page break: it
    starts in lower case, or ``previous`` stops on a comma, hyphen or connector word."""
    if not previous or not text:
        return False
    if text[0].islower():
        return True
    last = previous.rstrip()
    words = fold(last).split()
    return last.endswith((",", "-", "–")) or bool(words) and words[-1] in _CONNECTORS


def join_paragraphs(texts: list[str]) -> list[str]:
    """Paragraphs with the pieces a page break cut apart put back together."""
    out: list[str] = []
    for text in texts:
        if out and continues(out[-1], text):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def parse_introduction(rows: list[Row]) -> str:
    return "\n\n".join(join_paragraphs([row_text(r) for r in rows]))


def _action(cell: str) -> str | None:
    text = cell.strip().rstrip(":").strip()
    return text.capitalize() if fold(text) in _ACTIONS else None


def parse_authorizations(rows: list[Row]) -> tuple[Authorization, ...]:
    """Sign-offs written as an action line ("ELABORA") followed by the person and the
    position, or as a table whose first row holds the actions and whose next rows hold
    the persons and positions column by column."""
    blocks: list[tuple[list[str], list[Row]]] = []
    for row in rows:
        actions = [a for a in (_action(c) for c in row.cells) if a is not None]
        if row.cells and len(actions) == len(row.cells):
            blocks.append((actions, []))
        elif blocks:
            blocks[-1][1].append(row)
    found: list[Authorization] = []
    for actions, body in blocks:
        if len(actions) == 1:
            found.append(_authorization(actions[0], [row_text(r) for r in body]))
            continue
        for column, action in enumerate(actions):
            texts = [r.cells[column] for r in body if len(r.cells) == len(actions)]
            found.append(_authorization(action, texts))
    return tuple(found)


def _authorization(action: str, texts: list[str]) -> Authorization:
    cleaned = [_SIGNATURE.sub("", _PERSON_LABEL.sub("", t)).strip() for t in texts]
    lines = [t for t in cleaned if t and fold(t) not in {"firma", "rubrica"}]
    person = lines[0] if lines else ""
    position = lines[1] if len(lines) > 1 else ""
    return Authorization(person=person, position=position, action=action)


def parse_glossary(rows: list[Row]) -> tuple[Term, ...]:
    """Terms written as "Término: definición", "Término – definición" or as two cells;
    a line with neither continues the previous definition."""
    terms: list[Term] = []
    for row in rows:
        if len(row.cells) >= 2:
            terms.append(Term(row.cells[0].rstrip(" :"), " ".join(row.cells[1:])))
            continue
        text = row_text(row)
        m = re.match(r"^(?P<term>[^:–—]{1,80}?)\s*(?::|\s[-–—]\s)\s*(?P<definition>.+)$", text)
        if m:
            terms.append(Term(m["term"].strip(), m["definition"].strip()))
        elif terms:
            last = terms[-1]
            terms[-1] = Term(last.term, f"{last.definition} {text}".strip())
    return tuple(terms)


def parse_editions(rows: list[Row]) -> tuple[str, ...]:
    """Change-log rows as "01 | 31-03-2023 | Creación del Manual …", header row left
    out."""
    editions = []
    for row in rows:
        if all(fold(c) in _EDITION_HEADER for c in row.cells):
            continue
        editions.append(" | ".join(row.cells))
    return tuple(editions)
