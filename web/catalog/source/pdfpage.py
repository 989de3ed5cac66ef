"""A page of a PDF drawn with PDFium at screen resolution, with a step's row marked: a
translucent band across the page at the height of the step's activity text, found with
PDFium's text search (the start of the activity, else the step number near the left
edge)."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from PIL import Image, ImageDraw

#: Pixels per point: 1.5 draws a letter page 918 px wide (108 dpi), sharp on screen.
SCALE = 1.5
#: The mark: a translucent yellow fill and a solid orange edge (RGBA).
HIGHLIGHT = (255, 214, 0, 96)
EDGE = (214, 120, 0, 255)
#: Points added above and below the found text.
PADDING = 3.0
#: Prefixes of the activity tried, longest first (words); shorter ones match across line
#: breaks, which PDFium's search does not cross.
PREFIX_WORDS = (8, 6, 5, 4, 3)
#: The activity's last words count only this far (points) below its first line.
MAX_ROW_HEIGHT = 260.0
#: The step number counts only in the left part of the page (share of its width).
NUMBER_COLUMN = 0.45

#: PDFium is not thread-safe: one document at a time in this process.
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Band:
    """The marked height: points from the top of the page's visible area."""

    top: float
    bottom: float

    def key(self) -> str:
        return f"{round(self.top)}-{round(self.bottom)}"


@dataclass(frozen=True)
class StepPage:
    """What the source pane says of a step's page: where the row is (``None`` when not
    found), the drawn image's size in pixels and the document's page count."""

    band: Band | None
    width: int
    height: int
    pages: int


@contextmanager
def _page(path: Path, number: int) -> Iterator[tuple[Any, int]]:
    """Page ``number`` (1-based) of the PDF at ``path``, and how many pages it has."""
    with _LOCK:
        document = pdfium.PdfDocument(str(path))
        try:
            if not 1 <= number <= len(document):
                raise LookupError(f"{path.name}: el PDF no tiene página {number}.")
            page = document[number - 1]
            try:
                yield page, len(document)
            finally:
                page.close()
        finally:
            document.close()


def step_page(path: Path, number: int, step_number: str, activity: str) -> StepPage:
    """The step's row on page ``number``, the image size and the page count, reading the
    PDF once."""
    with _page(path, number) as (page, pages):
        width, height = page.get_size()
        if page.get_rotation() in (90, 270):
            width, height = height, width
        band = _locate(page, step_number, activity)
        return StepPage(band, round(width * SCALE), round(height * SCALE), pages)


def locate_step(path: Path, number: int, step_number: str, activity: str) -> Band | None:
    """Where the step's row is on page ``number``, or ``None`` when its text is not
    found there (or the page is rotated)."""
    with _page(path, number) as (page, _):
        return _locate(page, step_number, activity)


def _locate(page: Any, step_number: str, activity: str) -> Band | None:
    if page.get_rotation():
        return None
    textpage = page.get_textpage()
    try:
        return _find(page, textpage, step_number, activity)
    finally:
        textpage.close()


def _find(page: Any, textpage: Any, step_number: str, activity: str) -> Band | None:
    words = activity.split()
    start = _first_hit(textpage, words, prefix=True)
    if start is None:
        start = _number_hit(page, textpage, step_number)
    if start is None:
        return None
    chars = list(range(start[0], start[0] + start[1]))
    end = _first_hit(textpage, words, prefix=False, after=start[0])
    if end is not None:
        chars.extend(range(end[0], end[0] + end[1]))
    boxes = [textpage.get_charbox(i) for i in chars]
    _, _, _, crop_top = page.get_cropbox()
    top = min(crop_top - box[3] for box in boxes)
    bottom = max(crop_top - box[1] for box in boxes)
    if end is not None and bottom - top > MAX_ROW_HEIGHT:  # the last words are elsewhere
        boxes = boxes[: start[1]]
        top = min(crop_top - box[3] for box in boxes)
        bottom = max(crop_top - box[1] for box in boxes)
    return Band(max(0.0, top - PADDING), bottom + PADDING)


def _first_hit(
    textpage: Any, words: list[str], *, prefix: bool, after: int = -1
) -> tuple[int, int] | None:
    """The first match (char index, count) of the activity's first (or last) words."""
    for count in PREFIX_WORDS:
        if count > len(words) and count != PREFIX_WORDS[-1]:
            continue
        part = words[:count] if prefix else words[-count:]
        text = " ".join(part)
        if len(text) < 8:
            return None
        searcher = textpage.search(text, match_case=False)
        try:
            while (hit := searcher.get_next()) is not None:
                if hit[0] > after:
                    return int(hit[0]), int(hit[1])
        finally:
            searcher.close()
    return None


def _number_hit(page: Any, textpage: Any, step_number: str) -> tuple[int, int] | None:
    """The step number written at the start of a word near the left edge."""
    if not step_number.strip():
        return None
    left, _, right, _ = page.get_cropbox()
    limit = left + (right - left) * NUMBER_COLUMN
    searcher = textpage.search(step_number.strip(), match_case=False, match_whole_word=True)
    try:
        while (hit := searcher.get_next()) is not None:
            if textpage.get_charbox(hit[0])[0] <= limit:
                return int(hit[0]), int(hit[1])
    finally:
        searcher.close()
    return None


def render_page(path: Path, number: int, band: Band | None) -> bytes:
    """Page ``number`` as PNG, with ``band`` marked across the page's width."""
    with _page(path, number) as (page, _):
        bitmap = page.render(scale=SCALE, may_draw_forms=True)
        image = bitmap.to_pil().convert("RGB")
        bitmap.close()
    if band is not None:
        _mark(image, band)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _mark(image: Image.Image, band: Band) -> None:
    draw = ImageDraw.Draw(image, "RGBA")
    top, bottom = round(band.top * SCALE), round(band.bottom * SCALE)
    box = (4, top, image.width - 5, bottom)
    draw.rectangle(box, fill=HIGHLIGHT, outline=EDGE, width=3)
