"""The fast reader: PDFium (pypdfium2) reads each page's characters and path objects,
turned into the characters and edges pdfplumber would report for the same page.

PDFium's text page is not pdfminer's character list, and the differences that change
words are undone here:

* Boxes: PDFium's loose box gives pdfminer's ``x0``/``x1`` and its baseline-plus-descent
  edge; the other edge is the font size away from it, as in pdfminer.
* Order: PDFium sorts the text objects of a line by position; characters are put back
  in content-stream order (pdfplumber's text clustering depends on it for ties).
* Spaces: PDFium drops text objects without width (a lone space, in most PDFs) and
  merges repeated spaces, and it adds spaces of its own ("generated") between text
  objects and at kerning gaps. Its spaces between text objects are dropped, each
  text object without width becomes one zero-width space at its origin, and a space
  at a kerning gap is kept only where it took the place of a real space (the next
  character does not start at its origin).
* Line-end hyphens, which PDFium marks as U+0002, are read as "-"; its line breaks
  are dropped.

Not undone (no such case in the samples): PDFium skips a text object drawn twice at
nearly the same place (fake bold), whose letters pdfminer would double; it reads a
marked /ActualText instead of the glyphs; a text object without width that is not a
space becomes a space here; a line-end soft hyphen (U+00AD) reads as "-".
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from folio.manuals.sources.pdf.frame import (
    Frame,
    Matrix,
    apply,
    bounds,
    is_upright,
    multiply,
    page_frame,
)
from folio.manuals.sources.pdf.ruling import path_edges
from folio.manuals.sources.pdf.sheet import Obj, Sheet, damaged, protected

#: Form XObjects nested deeper than this are not searched.
MAX_FORM_DEPTH = 15
#: Narrower text objects (points) are left out of PDFium's text page.
BLANK_WIDTH = 0.01
#: How far (points) a character may start from a kerning space's origin and still be
#: the character that space was put before.
SAME_ORIGIN = 0.01
#: A character matrix whose off-axis terms are this small against its axis terms is
#: axis-aligned (pdfminer's matrices carry such rounding noise too).
FLAT = 1e-3

_HYPHEN_MARK = 0x02
#: Held while PDFium is called: it may not run in two threads at once, even on two
#: documents. Other code in the process that calls PDFium should hold it too.
PDFIUM_LOCK = threading.Lock()
_LOCKED = {pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY}


def read_sheets(path: Path) -> list[Sheet]:
    """The pages of ``path``; ``ParseError`` when the file is damaged or protected.

    PDFium may not be called from two threads at once, even on different documents
    (pypdfium2's documentation), so a document is read whole under a process-wide lock;
    the layout work on the sheets needs no lock."""
    with PDFIUM_LOCK:
        return list(_read_sheets(path))


def _read_sheets(path: Path) -> Iterator[Sheet]:
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as err:
        if err.err_code in _LOCKED:
            raise protected(path.name) from err
        raise damaged(path.name) from err
    try:
        doctop = 0.0
        for index in range(len(document)):
            sheet = _read_page(document, index, doctop)
            doctop += sheet.bbox[3] - sheet.bbox[1]
            yield sheet
    except pdfium.PdfiumError as err:
        raise damaged(path.name) from err
    finally:
        document.close()


def _read_page(document: Any, index: int, doctop: float) -> Sheet:
    page = document[index]
    try:
        frame = page_frame(page)
        layer = _Layer.of(page.raw, frame, doctop)
        textpage = page.get_textpage()
        try:
            chars = _chars(textpage.raw, layer, frame, doctop)
        finally:
            textpage.close()
        return Sheet(index + 1, frame.bbox, chars, path_edges(layer.paths, frame, doctop))
    finally:
        page.close()


# --- the page's objects -------------------------------------------------------------


@dataclass
class _Layer:
    """What the page's object tree adds to the text page: the content-stream position
    of each text object, a space for each text object without width, and the painted
    paths (each with the matrix to pdfminer's page space)."""

    order: dict[int, int] = field(default_factory=dict)
    blanks: list[tuple[int, Obj]] = field(default_factory=list)
    paths: list[tuple[Any, Matrix]] = field(default_factory=list)

    @classmethod
    def of(cls, page: Any, frame: Frame, doctop: float) -> _Layer:
        layer = cls()
        for kind, obj, matrix in _objects(page, None, frame.ctm, 0):
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                layer.paths.append((obj, matrix))
                continue
            position = layer.order[_address(obj)] = len(layer.order)
            if _is_blank(obj):
                layer.blanks.append((position, _blank_space(obj, matrix, frame, doctop)))
        return layer


def _objects(page: Any, form: Any, outer: Matrix, depth: int) -> Iterator[tuple[int, Any, Matrix]]:
    """The text and path objects of the page (or of a form in it), in content-stream
    order, each with the matrix from its own space to pdfminer's page space."""
    if form is None:
        count = pdfium_c.FPDFPage_CountObjects(page)
    else:
        count = pdfium_c.FPDFFormObj_CountObjects(form)
    raw = pdfium_c.FS_MATRIX()
    for index in range(count):
        obj = (
            pdfium_c.FPDFPage_GetObject(page, index)
            if form is None
            else pdfium_c.FPDFFormObj_GetObject(form, index)
        )
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in _WALKED:
            continue
        pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(raw))
        matrix = multiply((raw.a, raw.b, raw.c, raw.d, raw.e, raw.f), outer)
        if kind != pdfium_c.FPDF_PAGEOBJ_FORM:
            yield kind, obj, matrix
        elif depth + 1 < MAX_FORM_DEPTH:
            yield from _objects(page, obj, matrix, depth + 1)


_WALKED = {pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM}


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _is_blank(text_object: Any) -> bool:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(text_object, left, bottom, right, top)
    return right.value - left.value < BLANK_WIDTH


def _blank_space(text_object: Any, matrix: Matrix, frame: Frame, doctop: float) -> Obj:
    """A zero-width space at the text object's origin, spanning what pdfminer's
    characters of its font span (descent to descent + font size)."""
    size, descent = ctypes.c_float(), ctypes.c_float()
    pdfium_c.FPDFTextObj_GetFontSize(text_object, ctypes.byref(size))
    font = pdfium_c.FPDFTextObj_GetFont(text_object)
    if not font or not pdfium_c.FPDFFont_GetDescent(font, size.value, ctypes.byref(descent)):
        descent.value = 0.0
    low = apply(matrix, 0.0, descent.value)
    high = apply(matrix, 0.0, descent.value + size.value)
    obj = frame.char_box(*bounds([low, high]), doctop, is_upright(matrix))
    obj["text"] = " "
    return obj


# --- characters ---------------------------------------------------------------------

#: ``FPDFText_GetTextObject`` returning the handle as a plain address, to key a cache
#: (a prototype of its own: pypdfium2's function object stays as it is).
_TEXT_OBJECT_AT = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    _address(pdfium_c.FPDFText_GetTextObject)
)


@dataclass(frozen=True)
class _Style:
    """What the characters of one text object share: its content-stream position, its
    matrix (without translation) and font size, whether it is upright, and which way
    its glyphs stand (``_ALONG_Y``: upright or upside down, ``_ALONG_X``: a quarter
    turn, ``_ASKEW``: any other)."""

    position: int
    matrix: Matrix
    size: float
    upright: bool
    stand: int


_ALONG_Y, _ALONG_X, _ASKEW = range(3)


def _chars(textpage: Any, layer: _Layer, frame: Frame, doctop: float) -> list[Obj]:
    """The text page's characters in content-stream order, spaces as described above."""
    placed: list[tuple[int, Obj]] = []
    styles: dict[int, _Style] = {}
    rect = pdfium_c.FS_RECTF()
    count = pdfium_c.FPDFText_CountChars(textpage)
    for index in range(count):
        owner = _TEXT_OBJECT_AT(textpage, index)
        if not owner:  # PDFium's spaces and line breaks between text objects
            continue
        style = styles.get(owner) or styles.setdefault(
            owner, _style(textpage, index, layer.order.get(owner, len(layer.order)), frame)
        )
        if pdfium_c.FPDFText_IsGenerated(textpage, index) == 1:
            if placed and _took_a_space(textpage, index, count):
                space = _separator(textpage, index, placed[-1][1], frame)
                placed.append((style.position, space))
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(textpage, index, ctypes.byref(rect)):
            continue
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        if not code:  # a glyph PDFium could not map to any character
            continue
        char = _char(rect, style, frame, doctop)
        char["text"] = "-" if code == _HYPHEN_MARK else chr(code)
        placed.append((style.position, char))
    placed.extend(layer.blanks)
    placed.sort(key=itemgetter(0))
    return [char for _, char in placed]


def _style(textpage: Any, index: int, position: int, frame: Frame) -> _Style:
    raw = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFText_GetMatrix(textpage, index, ctypes.byref(raw))
    a, b, c, d = raw.a, raw.b, raw.c, raw.d
    if abs(b) + abs(c) <= FLAT * (abs(a) + abs(d)):
        stand = _ALONG_Y
    elif abs(a) + abs(d) <= FLAT * (abs(b) + abs(c)):
        stand = _ALONG_X
    else:
        stand = _ASKEW
    matrix = (a, b, c, d, 0.0, 0.0)
    upright = is_upright(multiply(matrix, frame.ctm))
    size = pdfium_c.FPDFText_GetFontSize(textpage, index)
    return _Style(position, matrix, size, upright, stand)


def _char(rect: Any, style: _Style, frame: Frame, doctop: float) -> Obj:
    """pdfminer's box for a character: PDFium's loose box spans the font's descent to
    its ascent, pdfminer's the descent to descent + font size."""
    left, right, bottom, top = rect.left, rect.right, rect.bottom, rect.top
    if style.stand == _ALONG_Y:
        d = style.matrix[3]
        base = bottom if d > 0 else top
        bottom, top = sorted((base, base + style.size * d))
        if frame.moves_only:
            e, f = frame.ctm[4], frame.ctm[5]
            return frame.char_box(left + e, bottom + f, right + e, top + f, doctop, style.upright)
    elif style.stand == _ALONG_X:
        c = style.matrix[2]
        base = right if c < 0 else left
        left, right = sorted((base, base + style.size * c))
    x0, y0, x1, y1 = bounds([apply(frame.ctm, left, bottom), apply(frame.ctm, right, top)])
    return frame.char_box(x0, y0, x1, y1, doctop, style.upright)


def _took_a_space(textpage: Any, index: int, count: int) -> bool:
    """Whether a space PDFium put at a kerning gap replaced a real space: the real one
    (then merged into it) would have pushed the next character past its origin."""
    if index + 1 >= count:
        return False
    x, y, next_x, next_y = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y))
    pdfium_c.FPDFText_GetCharOrigin(textpage, index + 1, ctypes.byref(next_x), ctypes.byref(next_y))
    return abs(next_x.value - x.value) + abs(next_y.value - y.value) > SAME_ORIGIN


def _separator(textpage: Any, index: int, previous: Obj, frame: Frame) -> Obj:
    """A kept PDFium space: zero-width, on the previous character's line, where PDFium
    put it along that line."""
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y))
    px, ptop = frame.flip(*apply(frame.ctm, x.value, y.value))
    space = dict(previous, text=" ")
    if previous["upright"]:
        space.update(x0=px, x1=px)
    else:
        space.update(top=ptop, bottom=ptop)
    return space
