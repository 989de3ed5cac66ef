"""Authorizations (who Elabora, Revisa, Valida, Autoriza a manual), in the layouts seen:
- one cell per signature, "<p>Autoriza:</p> <p>Name Position</p>" (name and position
  sharing a paragraph);
- a row of labels "Elaboró | Revisó: | Autorizó:" with the signers in the next row;
- an "AUTORIZACIONES" heading followed by cells "<p>Name</p> <p>Position</p>" with no
  action label;
- a table "Acción | Nombre | Cargo | Firma", one signer a row (Folio's Word export).
"""

from __future__ import annotations

import re

from folio.manuals.blocks import Row
from folio.manuals.cleaning import fold, plain
from folio.manuals.model import Authorization

ACTIONS = re.compile(
    r"^(elabor[aó]|revis[aó]|revisar|valid[aó]|autoriz[aó]|aprob[oó]|aprueba|expide"
    r"|administra|dictamin[oó](?: y valid[oó])?|revis[oó] y (?:autoriz|valid)[oó])\s*:?$",
    re.I,
)
_HEADINGS = {"autorizaciones", "firmas", "control de firmas"}
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.I | re.S)
_ROLE_WORD = re.compile(
    r"\b(Secretari[oa]|Director|Directora|Subdirector|Subdirectora|Jef[ea]|Contralor[a]?"
    r"|Coordinador|Coordinadora|Titular|Presidente|Presidenta|Tesorer[oa]|Síndic[oa]"
    r"|Regidor|Regidora|Encargad[oa]|Analista)\b"
)


def read_authorizations(rows: list[Row]) -> tuple[Authorization, ...]:
    found: list[Authorization] = []
    for i, row in enumerate(rows):
        found.extend(_labelled_cells(row))
        found.extend(_label_row(rows, i))
        found.extend(_heading_block(rows, i))
        found.extend(_signer_table(rows, i))
    return tuple(dict.fromkeys(found))


#: The header of a table of signers, one a row (folded, the signature column aside).
_SIGNER_HEADER = ("accion", "nombre", "cargo")


def _signer_table(rows: list[Row], i: int) -> list[Authorization]:
    """ "Acción | Nombre | Cargo | Firma", then a row per signer: the rows of the same
    table (a text manual: the following rows of three cells or more)."""
    header = tuple(fold(plain(c)).strip(" :") for c in rows[i].cells)
    if header[:3] != _SIGNER_HEADER:
        return []
    out = []
    for row in rows[i + 1 :]:
        if row.table != rows[i].table or len(row.cells) < 3:
            break
        action, person, position = (plain(c) for c in row.cells[:3])
        if person or position:
            out.append(Authorization(person, position, action))
    return out


def _labelled_cells(row: Row) -> list[Authorization]:
    out = []
    for cell in row.cells:
        parts = [plain(p) for p in _PARAGRAPH.findall(cell) if plain(p)]
        if len(parts) >= 2 and ACTIONS.match(parts[0]):
            person, position = person_and_position(" ".join(parts[1:]))
            out.append(Authorization(person, position, parts[0].rstrip(":")))
    return out


def _label_row(rows: list[Row], i: int) -> list[Authorization]:
    """ "Elaboró | Revisó: | Autorizó:" then the signers, cell for cell."""
    labels = [plain(c) for c in rows[i].cells if c.strip()]
    if len(labels) < 2 or not all(ACTIONS.match(label) for label in labels):
        return []
    signers = _next_cells(rows, i)
    if len(signers) != len(labels):
        return []
    return [
        Authorization(*person_and_position(who), action=label.rstrip(":"))
        for label, who in zip(labels, signers, strict=True)
        if who
    ]


def _heading_block(rows: list[Row], i: int) -> list[Authorization]:
    """ "AUTORIZACIONES" then cells "<p>Name</p> <p>Position</p>" (no action label)."""
    if fold(plain(rows[i].text)).strip(" :") not in {
        "autorizaciones",
        "firmas",
        "control de firmas",
    }:
        return []
    for row in rows[i + 1 : i + 4]:
        cells = [c for c in row.cells if c.strip()]
        if not cells:
            continue
        out = []
        for cell in cells:
            parts = [plain(p) for p in _PARAGRAPH.findall(cell) if plain(p)]
            if len(parts) == 2 and not ACTIONS.match(parts[0]):
                out.append(Authorization(parts[0], parts[1], ""))
        return out
    return []


def _next_cells(rows: list[Row], i: int) -> list[str]:
    for row in rows[i + 1 : i + 3]:
        if not row.is_blank:
            return [plain(c) for c in row.cells if c.strip()]
    return []


def person_and_position(text: str) -> tuple[str, str]:
    """Name and position often share one paragraph: split at the first position word."""
    m = _ROLE_WORD.search(text)
    if m and m.start() > 0:
        return text[: m.start()].strip(" ,"), text[m.start() :].strip()
    return text, ""
