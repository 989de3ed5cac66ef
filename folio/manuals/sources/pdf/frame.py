"""Page coordinates as pdfplumber reports them: pdfminer turns the page by its /Rotate
and moves the MediaBox origin to 0, 0; pdfplumber flips the result to top-left
coordinates (``top`` grows downwards)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from folio.manuals.sources.pdf.sheet import Bbox, Obj

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]


def apply(m: Matrix, x: float, y: float) -> Point:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def multiply(first: Matrix, then: Matrix) -> Matrix:
    """The matrix applying ``first``, then ``then`` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def bounds(points: list[Point]) -> tuple[float, float, float, float]:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def is_upright(m: Matrix) -> bool:
    """pdfminer's test for text that reads left to right, top to bottom."""
    return m[0] * m[3] > 0 and m[1] * m[2] <= 0


@dataclass(frozen=True)
class Frame:
    """pdfminer's page matrix (``ctm``: PDF user space to pdfminer's page space) and
    pdfplumber's flip of that space into the page's ``bbox``."""

    ctm: Matrix
    height: float
    bbox: Bbox
    #: Whether ``ctm`` only moves points (the page is not turned).
    moves_only: bool

    @classmethod
    def of(cls, mediabox: tuple[float, float, float, float], rotation: int) -> Frame:
        x0, y0, x1, y1 = mediabox
        ctm = {
            90: (0.0, -1.0, 1.0, 0.0, -y0, x1),
            180: (-1.0, 0.0, 0.0, -1.0, x1, y1),
            270: (0.0, 1.0, -1.0, 0.0, y1, -x0),
        }.get(rotation % 360, (1.0, 0.0, 0.0, 1.0, -x0, -y0))
        turned = rotation % 180 == 90
        left, bottom, right, top = (y0, x0, y1, x1) if turned else (x0, y0, x1, y1)
        height = top - bottom
        box = (left, height - top, right, height - bottom)
        return cls(ctm, height, box, ctm[:4] == (1.0, 0.0, 0.0, 1.0))

    def flip(self, x: float, y: float) -> Point:
        """A point of pdfminer's page space as pdfplumber's (x, top)."""
        return self.bbox[0] + x, self.bbox[1] + self.height - y

    def box(self, x0: float, y0: float, x1: float, y1: float, doctop: float) -> Obj:
        """The position keys pdfplumber gives an object whose box in pdfminer's page
        space is (x0, y0, x1, y1); ``doctop`` is the page's offset in the document."""
        top = (self.height - y1) + self.bbox[1]
        return {
            "x0": x0 + self.bbox[0],
            "x1": x1 + self.bbox[0],
            "y0": y0,
            "y1": y1,
            "top": top,
            "bottom": (self.height - y0) + self.bbox[1],
            "doctop": doctop + top,
            "width": x1 - x0,
            "height": y1 - y0,
        }

    def char_box(
        self, x0: float, y0: float, x1: float, y1: float, doctop: float, upright: bool
    ) -> Obj:
        """The keys pdfplumber's text functions read from a character (its text aside)."""
        top = (self.height - y1) + self.bbox[1]
        return {
            "x0": x0 + self.bbox[0],
            "x1": x1 + self.bbox[0],
            "top": top,
            "bottom": (self.height - y0) + self.bbox[1],
            "doctop": doctop + top,
            "upright": upright,
        }


def page_frame(page: Any) -> Frame:
    """The frame of a pypdfium2 page."""
    x0, y0, x1, y1 = (float(value) for value in page.get_mediabox())
    return Frame.of((x0, y0, x1, y1), int(page.get_rotation()))
