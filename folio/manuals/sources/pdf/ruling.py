"""The ruling of a page read with PDFium: its painted paths as the edges pdfplumber
would report.

pdfminer splits every filled or stroked path into subpaths and calls a straight
segment a line, a closed axis-aligned four-sided subpath a rectangle and anything else
a curve; pdfplumber turns them into edges (a rectangle's four sides, a curve's
segments) and lists line edges first, then rectangle edges, then curve edges. The same
is done here on PDFium's path segments, with pdfplumber's own edge functions.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from itertools import chain
from typing import Any

import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]
from pdfplumber.utils.geometry import curve_to_edges, line_to_edge, rect_to_edges

from folio.manuals.sources.pdf.frame import Frame, Matrix, Point, apply, bounds
from folio.manuals.sources.pdf.sheet import Obj


def path_edges(paths: list[tuple[Any, Matrix]], frame: Frame, doctop: float) -> list[Obj]:
    """The edges of PDFium path objects, each with the matrix taking its points to
    pdfminer's page space."""
    shapes: dict[str, list[Obj]] = {"line": [], "rect": [], "curve": []}
    for path, matrix in paths:
        for kind, points in _shapes(path, matrix):
            shapes[kind].append(_shape(kind, points, frame, doctop))
    return list(
        chain(
            map(line_to_edge, shapes["line"]),
            chain.from_iterable(map(rect_to_edges, shapes["rect"])),
            chain.from_iterable(map(curve_to_edges, shapes["curve"])),
        )
    )


def _shapes(path: Any, matrix: Matrix) -> Iterator[tuple[str, list[Point]]]:
    """pdfminer's reading of a painted path: each subpath as a line, a rectangle
    (two opposite corners) or a curve (its on-curve points), in pdfminer's page space."""
    for ops, points in _subpaths(path, matrix):
        shape = "".join(ops)
        if not shape.startswith("m"):
            continue
        if len(shape) > 3 and shape.endswith("lh") and points[-2] == points[0]:
            shape = shape[:-2] + "h"
            points.pop()
        if shape in ("mlh", "ml"):
            yield "line", points[:2]
        elif shape in ("mlllh", "mllll") and _is_rect(points):
            yield "rect", [points[0], points[2]]
        else:
            yield "curve", points


def _is_rect(points: list[Point]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3), last = points
    return points[0] == last and (
        (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
        or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
    )


def _subpaths(path: Any, matrix: Matrix) -> Iterator[tuple[list[str], list[Point]]]:
    """The path's subpaths as pdfminer's operators ("m", "l", "c", "h") and points: a
    Bézier curve (three PDFium points) becomes one "c" at its end point, a closing
    flag an "h" back at the subpath's start."""
    ops: list[str] = []
    points: list[Point] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    controls = 0
    for index in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        point = apply(matrix, x.value, y.value)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if ops:
                yield ops, points
            ops, points, controls = ["m"], [point], 0
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            ops.append("l")
            points.append(point)
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            controls += 1
            if controls % 3 == 0:
                ops.append("c")
                points.append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment) and points:
            ops.append("h")
            points.append(points[0])
    if ops:
        yield ops, points


def _shape(kind: str, points: list[Point], frame: Frame, doctop: float) -> Obj:
    obj = frame.box(*bounds(points), doctop)
    obj["object_type"] = kind
    if kind == "curve":
        obj["pts"] = [frame.flip(x, y) for x, y in points]
    return obj
