"""What a Word manual says about its blocks beyond their text: which paragraphs are
headings (by style or outline level, numbered by Word or not) and what each section's
page header reads (a procedure's code and name often live only there).
"""

from __future__ import annotations

import re
from typing import Any

from docx.oxml.ns import qn

_VAL = qn("w:val")
_HEADING_NAME = re.compile(r"^(?:heading|t[ií]tulo|encabezado)\s*(\d)$", re.IGNORECASE)


def heading_styles(document: Any) -> dict[str, str]:
    """Style id → ``"heading<N>"`` or ``"title"`` for the document's heading styles:
    named "Heading N" (or a translation), or carrying an outline level; styles based on
    one of those inherit it."""
    styles = document.styles.element
    levels: dict[str, str] = {}
    based: dict[str, str] = {}
    for style in styles.iterchildren(qn("w:style")):
        style_id = style.get(qn("w:styleId")) or ""
        name_el = style.find(qn("w:name"))
        name = (name_el.get(_VAL) if name_el is not None else "") or ""
        kind = _kind(name, style.find(qn("w:pPr")))
        if kind:
            levels[style_id] = kind
        base = style.find(qn("w:basedOn"))
        if base is not None:
            based[style_id] = base.get(_VAL) or ""
    for style_id in list(based):
        seen: set[str] = set()
        current = style_id
        while current in based and current not in levels and current not in seen:
            seen.add(current)
            current = based[current]
        if current in levels and style_id not in levels:
            levels[style_id] = levels[current]
    return levels


def _kind(name: str, ppr: Any) -> str:
    if name.strip().lower() in {"title", "título", "titulo"}:
        return "title"
    m = _HEADING_NAME.match(name.strip())
    if m:
        return f"heading{m.group(1)}"
    return _outline(ppr)


def _outline(ppr: Any) -> str:
    if ppr is None:
        return ""
    level = ppr.find(qn("w:outlineLvl"))
    value = level.get(_VAL) if level is not None else None
    if value is not None and value.isdigit() and int(value) < 9:
        return f"heading{int(value) + 1}"
    return ""


def paragraph_style(paragraph: Any, styles: dict[str, str]) -> str:
    """The heading kind of one paragraph: its own outline level, else its style's."""
    ppr = paragraph.find(qn("w:pPr"))
    own = _outline(ppr)
    if own:
        return own
    style = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return styles.get(style.get(_VAL) or "", "") if style is not None else ""


def section_headers(document: Any, sections: list[Any]) -> list[list[Any]]:
    """For each section properties element (in body order), the header's blocks
    (paragraphs and tables) of its default page header; a section without its own
    header repeats the previous section's, as Word shows it."""
    result: list[list[Any]] = []
    current: list[Any] = []
    for section in sections:
        ref = _default_header(section)
        if ref is not None:
            part = document.part.related_parts.get(ref)
            current = list(part.element.iterchildren()) if part is not None else []
        result.append(current)
    return result


def _default_header(section: Any) -> str | None:
    first: str | None = None
    for ref in section.iterchildren(qn("w:headerReference")):
        kind = ref.get(qn("w:type")) or "default"
        rid: str | None = ref.get(qn("r:id"))
        if kind == "default":
            return rid
        first = first or rid
    return first
