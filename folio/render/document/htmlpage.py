"""The manual as one self-contained HTML page: inline CSS and SVG, an anchored index,
print rules (page headers with the registro, "Página n de m") that WeasyPrint also
uses for the PDF. Every text from the manual is escaped."""

from __future__ import annotations

import html
from collections.abc import Callable

from folio.manuals.model import Manual
from folio.render.document import htmlparts
from folio.render.document.diagrams import is_wide
from folio.render.document.htmlparts import TEMPLATES, template
from folio.render.document.htmltext import breakable, escape
from folio.render.document.outline import (
    Part,
    cover_facts,
    edition_table,
    outline,
    paragraphs,
    running_header,
)
from folio.render.orgchart import render_org_svg


def css_string(text: str) -> str:
    """``text`` as a CSS string literal that cannot end the string or the style element."""
    out = []
    for ch in text:
        if ch in '"\\<>&' or ord(ch) < 32:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def render_html(manual: Manual) -> str:
    """``manual`` as one HTML document (no external assets)."""
    return page_html(manual, outline(manual), None)


def page_html(manual: Manual, parts: tuple[Part, ...], sheets: dict[str, list[str]] | None) -> str:
    """The page; with ``sheets`` (see ``htmlparts.procedure``) ready for the PDF."""
    body = [cover(manual), authorizations(manual), index(parts)]
    body += [part_html(manual, part, sheets) for part in parts]
    left, right = running_header(manual)
    return template("manual.html").substitute(
        title=html.escape(breakable(manual.title or "Manual")),  # <title> holds no tags
        css=TEMPLATES.joinpath("manual.css").read_text(encoding="utf-8"),
        header_left=css_string(left),
        header_right=css_string(right),
        body="\n".join(b for b in body if b),
    )


def cover(manual: Manual) -> str:
    facts = "".join(
        f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>"
        for label, value in cover_facts(manual)
    )
    unit = f'<p class="unit">{escape(manual.unit)}</p>' if manual.unit else ""
    table = f'<table class="facts"><tbody>{facts}</tbody></table>' if facts else ""
    return (
        f'<section class="cover" id="portada">{unit}'
        f"<h1>{escape(manual.title or 'Manual')}</h1>{table}</section>"
    )


def authorizations(manual: Manual) -> str:
    if not manual.authorizations:
        return ""
    rows = "".join(
        f"<tr><td>{escape(a.action)}</td><td>{escape(a.person)}</td>"
        f'<td>{escape(a.position)}</td><td class="signature"></td></tr>'
        for a in manual.authorizations
    )
    return (
        '<section class="authorizations" id="autorizaciones"><h2>Autorizaciones</h2>'
        '<table class="sign"><thead><tr><th>Acción</th><th>Nombre</th><th>Cargo</th>'
        f"<th>Firma</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def index(parts: tuple[Part, ...]) -> str:
    items = []
    for part in parts:
        sub = "".join(f'<li><a href="#{e.anchor}">{escape(e.title)}</a></li>' for e in part.entries)
        nested = f"<ol>{sub}</ol>" if sub else ""
        items.append(f'<li><a href="#{part.anchor}">{escape(part.title)}</a>{nested}</li>')
    return f'<nav class="toc" id="indice"><h2>Índice</h2><ol>{"".join(items)}</ol></nav>'


def part_html(manual: Manual, part: Part, sheets: dict[str, list[str]] | None) -> str:
    wide = ""
    if part.kind == "procedures":
        content = htmlparts.procedures(part, sheets)
    elif part.kind == "orgchart":
        svg = render_org_svg(manual)
        content, wide = htmlparts.orgchart(svg), " wide" if is_wide(svg) else ""
    else:
        content = BUILDERS[part.kind](manual, part)
    return (
        f'<section class="part part-{part.kind}{wide}" id="{part.anchor}">'
        f"<h2>{escape(part.title)}</h2>{content}</section>"
    )


def introduction(manual: Manual, part: Part) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs(manual.introduction))


def glossary(manual: Manual, part: Part) -> str:
    items = "".join(
        f"<dt>{escape(t.term)}</dt><dd>{escape(t.definition)}</dd>" for t in manual.glossary
    )
    return f'<dl class="glossary">{items}</dl>'


def symbols(manual: Manual, part: Part) -> str:
    rows = "".join(
        f"<tr><td>{escape(t.term)}</td><td>{escape(t.definition)}</td></tr>" for t in manual.symbols
    )
    return (
        "<table><thead><tr><th>Símbolo</th><th>Significado</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def editions(manual: Manual, part: Part) -> str:
    headers, rows = edition_table(manual)
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def distribution(manual: Manual, part: Part) -> str:
    return "<ul>" + "".join(f"<li>{escape(d)}</li>" for d in manual.distribution) + "</ul>"


BUILDERS: dict[str, Callable[[Manual, Part], str]] = {
    "introduction": introduction,
    "structure": htmlparts.structure,
    "positions": htmlparts.positions,
    "forms": htmlparts.forms,
    "glossary": glossary,
    "symbols": symbols,
    "editions": editions,
    "distribution": distribution,
}
