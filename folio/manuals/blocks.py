"""The common stream every format adapter produces and the one parser consumes.

A manual is read as a sequence of ``Row`` blocks in reading order. A paragraph is a
row with one cell; a table row (a tab-separated text line, a DOCX table row, a PDF
table row) has several. Cell text keeps its inline markup (HTML, markdown); the parser
cleans it.
"""

from __future__ import annotations

from dataclasses import dataclass

from folio.manuals.model import SourceRef


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    source: SourceRef
    #: Which table of the source the row belongs to (an id unique within the file),
    #: when the format draws tables (DOCX, PDF); ``None`` for paragraphs and text files.
    table: int | None = None
    #: What the format says the block is, when it says: ``"heading1"``…``"heading9"``
    #: (a Word heading style or outline level), ``"title"``, or ``"page-header"`` (a
    #: DOCX section header, given once at the start of its section).
    style: str = ""

    @property
    def text(self) -> str:
        """All cells joined with tabs, as a text manual would write them."""
        return "\t".join(self.cells)

    @property
    def is_blank(self) -> bool:
        return not any(c.strip() for c in self.cells)


class ParseError(Exception):
    """The input is not a readable manual. ``str(err)`` is one sentence naming the file
    and why, fit to show a user as is."""

    def __init__(self, message: str, location: SourceRef | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location or SourceRef()

    def __str__(self) -> str:
        return self.message
