"""From step-table rows to draft steps: numbers, carried-over responsibles, merged rows.

Rules, all from real manuals:
- a blank Responsable cell continues the previous row's responsible, across page breaks;
- an unnumbered row holding a question, branches or an end marker belongs to the step
  above ("¿Está completa la información? • Si: …", a lone "Termina Procedimiento.");
- an unnumbered row without flow language continues the text of the step above (a cell
  split by a page footer);
- a stage row ("1. Publica relación …" | "1.1 … 1.2 …") becomes one step per numbered
  sub-activity (1.1, 1.2), each keeping the stage name;
- a row that cannot be placed becomes a diagnostic quoting it, never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from folio.manuals.cleaning import clean, plain
from folio.manuals.model import Diagnostic, SourceRef
from folio.manuals.table import TableRow

_PLAIN_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?$")
#: A step number is a label a person reads ("12", "3.1.2"); longer ones are not numbers
#: (a case's task keeps at most this many characters of it).
MAX_NUMBER = 20
_STAGE_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\s*(?:\.-|\.|-|\))\s*(?P<stage>\S.*)$", re.DOTALL)


@dataclass
class Draft:
    """A step being assembled; text is cleaned with `` • `` bullets."""

    number: str
    responsible: str
    responsible_raw: str
    text: str
    documents: str
    copies: str
    source: SourceRef
    stage: str = ""
    extra_sources: list[SourceRef] = field(default_factory=list)

    def append(self, text: str, documents: str = "", copies: str = "") -> None:
        self.text = f"{self.text} {text}".strip()
        if documents and documents not in self.documents:
            self.documents = f"{self.documents} {documents}".strip()
        if copies and not self.copies:
            self.copies = copies


def build_drafts(rows: list[TableRow], procedure: str) -> tuple[list[Draft], list[Diagnostic]]:
    drafts: list[Draft] = []
    diagnostics: list[Diagnostic] = []
    carried = ""
    for tr in rows:
        text = clean(tr.activity)
        if not text and not tr.number and not tr.responsible:
            continue
        number, stage = _number_and_stage(tr.number)
        if tr.responsible:
            carried = tr.responsible
        if number is None and tr.number:
            diagnostics.append(_unplaced(tr, procedure, "su número no es legible"))
            continue
        if number:
            drafts.extend(_new_drafts(number, stage, text, tr, carried))
        elif drafts:
            _merge_unnumbered(drafts, text, tr)
        else:
            diagnostics.append(_unplaced(tr, procedure, "no tiene número ni paso anterior"))
    return drafts, diagnostics


def _number_and_stage(cell: str) -> tuple[str | None, str]:
    text = plain(cell)
    if not text:
        return "", ""
    m = _PLAIN_NUMBER.match(text)
    if m:
        return (m.group(1), "") if len(m.group(1)) <= MAX_NUMBER else (None, "")
    m = _STAGE_NUMBER.match(text)
    if m and len(m.group(1)) <= MAX_NUMBER:
        return m.group(1), m.group("stage").strip()
    return None, ""


def _new_drafts(number: str, stage: str, text: str, tr: TableRow, carried: str) -> list[Draft]:
    parts = split_substeps(number, text) if stage else [(number, text)]
    return [
        Draft(
            number=n,
            responsible=carried,
            responsible_raw=tr.responsible,
            text=t,
            documents=tr.documents,
            copies=tr.copies,
            source=tr.row.source,
            stage=stage,
        )
        for n, t in parts
    ]


def split_substeps(stage_number: str, text: str) -> list[tuple[str, str]]:
    """ "1.1 Integra … 1.2 Realiza …" under stage 1 → [("1.1", …), ("1.2", …)]. Only
    numbers of this stage count, so "ISO 9001:2015" or form codes never split text."""
    marker = re.compile(
        rf"(?:^|(?<=\s))({re.escape(stage_number)}(?:\.\d+)+|{re.escape(stage_number)})"
        r"\.?\s+(?=[A-ZÁÉÍÓÚÑ¿])"
    )
    found = [
        m
        for m in marker.finditer(text)
        if m.start() == 0 or (m.group(1) != stage_number and text[m.start() - 1] == " ")
    ]
    if not found or found[0].start() != 0:
        return [(stage_number, text)]
    parts = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        parts.append((m.group(1), text[m.end() : end].strip()))
    return parts


def _merge_unnumbered(drafts: list[Draft], text: str, tr: TableRow) -> None:
    last = drafts[-1]
    if last.stage and not tr.responsible:
        head, tail = _split_continuation(last.number.split(".")[0], text)
        if tail:
            if head:
                last.append(head)
            for number, body in tail:
                drafts.append(replace(last, number=number, text=body, source=tr.row.source))
            return
    last.append(text, tr.documents, tr.copies)
    last.extra_sources.append(tr.row.source)


def _split_continuation(stage: str, text: str) -> tuple[str, list[tuple[str, str]]]:
    """A stage's row continued on the next page may open a new sub-activity midway:
    "…alcanzadas del grupo. 6.1.1 El docente comunica…" → ("…grupo.", [("6.1.1", …)])."""
    m = re.search(rf"(?:^|(?<=\s)){re.escape(stage)}(?:\.\d+)+\.?\s+(?=[A-ZÁÉÍÓÚÑ¿])", text)
    if m is None:
        return text, []
    return text[: m.start()].strip(), split_substeps(stage, text[m.start() :])


def _unplaced(tr: TableRow, procedure: str, why: str) -> Diagnostic:
    quoted = plain(tr.row.text)[:160]
    return Diagnostic(
        code="FOL001",
        severity="error",
        message=f"Renglón de la tabla de actividades no asignado a ningún paso ({why}): "
        f"«{quoted}».",
        procedure=procedure,
        source=tr.row.source,
    )
