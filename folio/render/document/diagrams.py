"""The pictures of a published manual: each procedure's swimlane diagram and the
organigrama, as SVG to inline in HTML, as vector PDF pages for the PDF and as SVG and
PNG for Word. For print a chart is cut into sheets (``layout/sheets.py``) no larger
than ``SHEET_PX``, so that each prints at ``MIN_SCALE`` or more: its smallest text at
7 pt on Letter paper.

PDF pages and PNGs come from cairosvg rather than WeasyPrint: WeasyPrint draws SVG text
one letter at a time, which made the 42 diagram sheets of seed 004 (31 procedures) cost
16–21 s of CPU; cairosvg draws them in 5–7 s, in a second process (``drawing.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from folio.manuals.model import Procedure
from folio.render.document.outline import Part
from folio.render.layout import layout_procedure
from folio.render.layout.sheets import print_sheets
from folio.render.svg import diagram_svg, render_svg

MM_PER_PX = 25.4 / 96
#: Room for a diagram on a Letter page with the margins of ``templates/manual.css``
#: (portrait 24/16/18/16 mm, landscape 17/10/11/10 mm) less a caption line, in mm.
SHEET_PORTRAIT = (182.0, 224.0)
SHEET_LANDSCAPE = (258.0, 178.0)
#: Least and most a diagram is enlarged in print: its smallest text (7.5 px, the
#: documents' labels) prints at 7 pt and more.
MIN_SCALE = 1.25
MAX_SCALE = 1.4
#: Largest sheet of a diagram, in px: what prints at ``MIN_SCALE`` on a landscape page of
#: the PDF and of the Word document (whose margins are a little wider).
SHEET_PX = (768.0, 520.0)

_ID = re.compile(r'\bid="([^"]+)"')
_ID_ON_ROOT = re.compile(r'<svg(?=[^>]*\sid="[^"]*")([^>]*?)\sid="[^"]*"')
_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)(?:px)?"[^>]*?\bheight="([\d.]+)(?:px)?"')
_VIEWBOX = re.compile(r'<svg\b[^>]*?\bviewBox="[\d.\-]+[ ,]+[\d.\-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"')


def procedure_svg(proc: Procedure) -> str:
    """The whole swimlane SVG of ``proc`` (for the screen)."""
    return render_svg(proc)


def procedure_pages(proc: Procedure) -> list[str]:
    """The swimlane chart of ``proc`` cut into printable sheets (at least one), in both
    directions, none larger than ``SHEET_PX``."""
    sheets = print_sheets(layout_procedure(proc), *SHEET_PX)
    return [diagram_svg(sheet, proc) for sheet in sheets]


def manual_sheets(parts: Sequence[Part]) -> dict[str, list[str]]:
    """Every procedure's printable diagram pages, by the procedure's anchor."""
    return {e.anchor: procedure_pages(e.procedure) for part in parts for e in part.entries}


def sheet_anchor(anchor: str, number: int) -> str:
    """The id of the box that receives sheet ``number`` of the procedure at ``anchor``."""
    return f"{anchor}-hoja-{number}"


def svg_size(svg: str) -> tuple[float, float]:
    """Width and height of an SVG document in px (from its attributes or viewBox)."""
    match = _SIZE.search(svg) or _VIEWBOX.search(svg)
    if match is None:
        raise ValueError("El SVG no declara su tamaño (width/height o viewBox).")
    return float(match.group(1)), float(match.group(2))


def _scales(svg: str) -> tuple[float, float]:
    """How much the picture is enlarged on a portrait and on a landscape page."""
    w, h = svg_size(svg)
    w, h = w * MM_PER_PX, h * MM_PER_PX
    portrait = min(MAX_SCALE, SHEET_PORTRAIT[0] / w, SHEET_PORTRAIT[1] / h)
    landscape = min(MAX_SCALE, SHEET_LANDSCAPE[0] / w, SHEET_LANDSCAPE[1] / h)
    return portrait, landscape


def is_wide(svg: str) -> bool:
    """Whether the picture goes on a landscape page: it prints clearly larger so, or
    too small to read upright."""
    portrait, landscape = _scales(svg)
    return landscape > portrait * 1.05 or (portrait < MIN_SCALE and landscape > portrait)


def inline_svg(svg: str, prefix: str) -> str:
    """``svg`` ready to sit inside an HTML page next to others: no XML prologue, every id
    (and reference to it) prefixed so that two pictures cannot collide, and the rules of
    its ``<style>`` scoped to it (a browser applies them to the whole page otherwise)."""
    start = svg.find("<svg")
    body = svg[start:] if start >= 0 else svg
    root = f"{prefix}svg"
    body = _ID_ON_ROOT.sub(r"<svg\1", body, count=1).replace("<svg", f'<svg id="{root}"', 1)
    body = _STYLE.sub(lambda m: m.group(1) + _scoped(m.group(2), root) + m.group(3), body)
    ids = set(_ID.findall(body)) - {root}

    def fix_ref(match: re.Match[str]) -> str:
        name = match.group(2)
        return f"{match.group(1)}{prefix}{name}" if name in ids else match.group(0)

    body = _ID.sub(
        lambda m: m.group(0) if m.group(1) == root else f'id="{prefix}{m.group(1)}"', body
    )
    return re.sub(r"(url\(#|href=\"#)([^\")]+)", fix_ref, body)


def _scoped(css: str, root: str) -> str:
    """``css`` with every selector limited to the element ``#root`` and its content."""
    if "@" in css:  # at-rules: leave alone rather than mangle
        return css

    def scope(match: re.Match[str]) -> str:
        selectors = [s.strip() for s in match.group(1).split(",")]
        scoped = [f"#{root}" if s == "svg" else f"#{root} {s}" for s in selectors if s]
        return ",".join(scoped) + "{" + match.group(2) + "}"

    return _RULE.sub(scope, css)


def sheet_size(svg: str) -> tuple[float, float, bool]:
    """Printed width and height (mm) of one diagram sheet, and whether its page is
    landscape: as large as the page allows, up to ``MAX_SCALE``."""
    w, h = svg_size(svg)
    wide = is_wide(svg)
    scale = _scales(svg)[1 if wide else 0]
    return w * MM_PER_PX * scale, h * MM_PER_PX * scale, wide


def svg_pdf(svg: str) -> bytes:
    """``svg`` as a one-page vector PDF of its own size."""
    import cairosvg  # type: ignore[import-untyped, unused-ignore]

    data = cairosvg.svg2pdf(bytestring=svg.encode("utf-8"))
    assert isinstance(data, bytes)
    return data


#: Pixels per px of a PNG for print: a little over 200 dpi at the largest print scale.
PRINT_ZOOM = MAX_SCALE * 204 / 96


def rasterize(svgs: Sequence[str], max_px: int = 4200, zoom: float = PRINT_ZOOM) -> list[bytes]:
    """PNG bytes of each SVG at ``zoom`` × its px size, the longer side capped at ``max_px``
    (a 768 px wide sheet, the widest, gets 200 dpi)."""
    import cairosvg  # type: ignore[import-untyped, unused-ignore]

    out = []
    for svg in svgs:
        w, h = svg_size(svg)
        scale = min(zoom, max_px / max(w, h))
        data = cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale)
        assert isinstance(data, bytes)
        out.append(data)
    return out
