"""HTML of the parts with structure of their own: procedures (identification table,
step table, diagram), forms with their instructivos, and the organization chapters."""

from __future__ import annotations

from importlib.resources import files
from string import Template

from folio.manuals.model import Manual, Position
from folio.render.document.diagrams import (
    inline_svg,
    procedure_svg,
    sheet_anchor,
    sheet_size,
)
from folio.render.document.htmltext import escape
from folio.render.document.outline import (
    STEP_HEADERS,
    Entry,
    Part,
    form_users,
    header_rows,
    position_fields,
    procedure_title,
    step_rows,
)
from folio.render.orgchart import chart_units

TEMPLATES = files("folio.render.document") / "templates"


def template(name: str) -> Template:
    return Template(TEMPLATES.joinpath(name).read_text(encoding="utf-8"))


PROCEDURE = template("procedure.html")


def cell(value: str | tuple[str, ...]) -> str:
    """A table cell's content: a tuple becomes a numbered list."""
    if isinstance(value, tuple):
        return "<ol>" + "".join(f"<li>{escape(v)}</li>" for v in value) + "</ol>"
    return escape(value).replace("\n", "<br>")


def procedures(part: Part, sheets: dict[str, list[str]] | None) -> str:
    return "\n".join(
        procedure(e, None if sheets is None else sheets[e.anchor]) for e in part.entries
    )


def procedure(entry: Entry, sheets: list[str] | None) -> str:
    """The procedure's tables and diagram: whole (``sheets`` None) or as boxes that the
    PDF builder fills with the printable pages in ``sheets``."""
    proc = entry.procedure
    ident = "\n".join(
        f"<tr><th>{escape(label)}</th><td>{cell(value)}</td></tr>"
        for label, value in header_rows(proc)
    )
    steps = "\n".join(
        f'<tr class="{"same" if not r.responsible else "new"}">'
        f'<td class="resp">{escape(r.responsible)}</td><td class="no">{escape(r.number)}</td>'
        f"<td>{escape(r.activity)}</td><td>{escape(r.documents)}</td>"
        f"<td>{escape(r.copies)}</td></tr>"
        for r in step_rows(proc)
    )
    return PROCEDURE.substitute(
        anchor=entry.anchor,
        title=escape(entry.title),
        ident=ident,
        step_headers="".join(f"<th>{escape(h)}</th>" for h in STEP_HEADERS),
        steps=steps,
        diagram=diagram(entry) if sheets is None else slots(entry, sheets),
    )


def diagram(entry: Entry) -> str:
    """The whole diagram, for the screen."""
    caption = f"Diagrama de flujo: {procedure_title(entry.procedure)}"
    return (
        f'<figure class="diagram" id="{entry.anchor}-diagrama">'
        f"<figcaption>{escape(caption)}</figcaption>"
        f"{inline_svg(procedure_svg(entry.procedure), entry.anchor + '-')}</figure>"
    )


def slots(entry: Entry, sheets: list[str]) -> str:
    """One empty box per diagram page, sized to print it, each on a page of its own."""
    out = []
    for n, svg in enumerate(sheets, 1):
        width, height, wide = sheet_size(svg)
        caption = "Diagrama de flujo" if n == 1 else ""
        out.append(
            f'<div class="sheet{" wide" if wide else ""}"><p class="caption">{caption}</p>'
            f'<div class="slot" id="{sheet_anchor(entry.anchor, n)}" '
            f'style="width: {width:.2f}mm; height: {height:.2f}mm"></div></div>'
        )
    return f'<figure class="diagram" id="{entry.anchor}-diagrama">{"".join(out)}</figure>'


def forms(manual: Manual, part: Part) -> str:
    out = []
    for form in manual.forms:
        title = f"{form.code} — {form.name}" if form.name else form.code
        users = form_users(manual, form.code)
        used = "; ".join(procedure_title(p) for p in users)
        rows = "".join(
            f"<tr><td>{i}</td><td>{escape(f)}</td></tr>" for i, f in enumerate(form.fields, 1)
        )
        body = (
            '<table class="numbered"><thead><tr><th>No.</th><th>Instrucciones de llenado</th>'
            "</tr></thead>"
            f"<tbody>{rows}</tbody></table>"
            if rows
            else '<p class="note">El manual no reproduce el instructivo de llenado.</p>'
        )
        usage = f"<p><strong>Se utiliza en:</strong> {escape(used)}</p>" if used else ""
        out.append(f'<section class="form"><h3>{escape(title)}</h3>{usage}{body}</section>')
    return "\n".join(out)


def structure(manual: Manual, part: Part) -> str:
    assert manual.organization is not None
    units = chart_units(manual.organization)
    parent = {u.number: u.parent for u in units}
    items = []
    for u in units:
        depth, node = 0, u.parent
        while node is not None:
            depth, node = depth + 1, parent.get(node)
        items.append(
            f'<li style="margin-left: {1.5 * depth:g}rem"><span class="num">'
            f"{escape(u.number)}</span> {escape(u.name)}</li>"
        )
    return f'<ul class="units">{"".join(items)}</ul>'


def orgchart(svg: str) -> str:
    return f'<figure class="orgchart">{inline_svg(svg, "org-")}</figure>'


def positions(manual: Manual, part: Part) -> str:
    assert manual.organization is not None
    return "\n".join(position(p) for p in manual.organization.positions)


def position(p: Position) -> str:
    body = "".join(
        f"<tr><th>{escape(label)}</th><td>{cell(value)}</td></tr>"
        for label, value in position_fields(p)
    )
    return (
        f'<section class="position"><h3>{escape(p.number)} {escape(p.title)}</h3>'
        f'<table class="ident"><tbody>{body}</tbody></table></section>'
    )
