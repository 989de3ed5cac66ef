"""``parse_organization_manual``: the row stream of a *Manual de Organización* to a
``Manual(kind="organizacion")``, or None when the rows are some other manual."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from folio.manuals.blocks import ParseError, Row
from folio.manuals.cleaning import strip_accents
from folio.manuals.model import Manual, SourceRef
from folio.manuals.organization.build import build_organization
from folio.manuals.organization.front import (
    parse_authorizations,
    parse_editions,
    parse_glossary,
    parse_introduction,
)
from folio.manuals.organization.layout import (
    Sections,
    clean_rows,
    find_title,
    fold,
    split_sections,
    strip_page_furniture,
)
from folio.manuals.organization.records import (
    RawRecord,
    Record,
    finish_records,
    parse_records,
)
from folio.manuals.organization.structure import parse_tree


def parse_organization_manual(rows: list[Row], file: str) -> Manual | None:
    """The organization manual in ``rows``; None when they are not one (a procedure
    manual, a programme), so that the caller can try the procedure parser.

    Raises ``ParseError`` when the document calls itself a manual de organización but
    has neither a numbered structure nor position records."""
    if not _may_be_organization_manual(rows):
        return None
    cleaned = clean_rows(rows)
    title, under_title = find_title(cleaned)
    if "procedimiento" in fold(title):
        return None
    kept, furniture = strip_page_furniture(cleaned)
    sections = split_sections(kept)
    raw = parse_records(sections.get("positions") if "positions" in sections.rows else kept)
    tree = parse_tree(sections.get("structure"))
    if not _is_organization_manual(title, raw):
        return None
    if not tree and not raw:
        raise ParseError(
            f"{file}: se presenta como manual de organización pero no tiene una "
            "estructura orgánica numerada ni fichas de puesto que leer.",
            SourceRef(file),
        )
    records = finish_records(raw)
    organization, found = build_organization(tree, parse_tree(sections.get("chart")), records)
    manual = _front_matter(sections, furniture.control, file)
    unit = _dependency(records, furniture.dependency or under_title)
    return replace(
        manual, title=title, unit=unit, organization=organization, diagnostics=tuple(found)
    )


def _front_matter(sections: Sections, control: dict[str, str], file: str) -> Manual:
    return Manual(
        kind="organizacion",
        code=control.get("code", ""),
        elaborated=control.get("elaborated", ""),
        updated=control.get("updated", ""),
        revision=control.get("revision", ""),
        authorizations=parse_authorizations(sections.get("authorizations")),
        introduction=parse_introduction(sections.get("introduction")),
        glossary=parse_glossary(sections.get("glossary")),
        editions=parse_editions(sections.get("editions")),
        source=SourceRef(file),
    )


_REPORTS_LABEL = re.compile(r"\breporta(?:n)?(?:\s+a)?\s*:")


def _may_be_organization_manual(rows: list[Row]) -> bool:
    """A cheap look before the full parse: an organization manual names itself so or has
    position records with reporting lines."""
    text = strip_accents(" ".join(cell for row in rows for cell in row.cells)).lower()
    return "manual de organizacion" in text or _REPORTS_LABEL.search(text) is not None


def _is_organization_manual(title: str, raw: list[RawRecord]) -> bool:
    if fold(title).startswith("manual de organizacion"):
        return True
    linked = [r for r in raw if "reports_to" in r.fields or "subordinates" in r.fields]
    return len(linked) >= 2


def _dependency(records: list[Record], header: str) -> str:
    """The dependency as the records spell it (mixed case) when they agree with the
    page header or the cover, else the header's line, else the records' most frequent
    value."""
    counts = Counter(r.secretaria for r in records if r.secretaria)
    for name, _ in counts.most_common():
        if fold(name) == fold(header):
            return name
    if header:
        return header
    return counts.most_common(1)[0][0] if counts else ""
