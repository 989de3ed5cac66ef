"""What a PDF reader hands over per page, and the errors both readers raise.

A ``Sheet`` holds a page's characters and ruling edges as dicts with pdfplumber's keys
(``x0``, ``x1``, ``top``, ``bottom`` in points from the page's top-left corner, and for a
character ``text``, ``doctop`` and ``upright``: what pdfplumber's text functions read),
so pdfplumber's table finder and text clustering run on it whichever library read the
file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from folio.manuals.blocks import ParseError
from folio.manuals.model import SourceRef

Obj = dict[str, Any]
Bbox = tuple[float, float, float, float]


@dataclass
class Sheet:
    """One page: its 1-based number, its box, its characters (whitespace included, as
    word separators) and the edges of its lines, rectangles and curves."""

    number: int
    bbox: Bbox
    chars: list[Obj]
    edges: list[Obj]

    def visible_chars(self) -> int:
        return sum(1 for char in self.chars if not char["text"].isspace())


def protected(file: str) -> ParseError:
    return ParseError(
        f"{file}: el PDF está protegido con contraseña; quite la protección y vuelva a subirlo.",
        SourceRef(file),
    )


def damaged(file: str) -> ParseError:
    return ParseError(
        f"{file}: el PDF está dañado o incompleto y no se puede leer.", SourceRef(file)
    )
