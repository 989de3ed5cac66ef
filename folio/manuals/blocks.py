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
