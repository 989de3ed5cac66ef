"""From the structure list, the organigram captions and the position records to an
``Organization``: each record placed on a unit, each reports-to line resolved, and the
other spellings of each unit's name collected as aliases."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from folio.manuals.model import Diagnostic, Organization, Position, Unit
from folio.manuals.organization.graph import OrgGraph
from folio.manuals.organization.names import (
    NameIndex,
    is_not_applicable,
    is_person_form,
    normalize_name,
)
from folio.manuals.organization.records import Record
from folio.manuals.organization.structure import (
    TreeLine,
    caption_alias,
    name_overlap,
    numbering_parent,
)


@dataclass
class _Names:
    """Unit names and the aliases found so far, by unit number."""

    units: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    position_aliases: dict[str, list[str]] = field(default_factory=dict)

    def index(self) -> NameIndex:
        entries = [(n, name) for n, name in self.units.items()]
        entries += [(n, a) for n, names in self.aliases.items() for a in names]
        return NameIndex(entries)

    def add_unit_alias(self, number: str, name: str, others: tuple[str, ...] = ()) -> None:
        known = (self.units[number], *self.aliases[number], *others)
        if name and not is_not_applicable(name) and not _among(name, known):
            self.aliases[number].append(name)

    def add_position_alias(self, position: Position, name: str) -> None:
        known = (position.title, position.nominal, *self.position_aliases[position.number])
        if not _among(name, known):
            self.position_aliases[position.number].append(name)


def _among(name: str, names: tuple[str, ...]) -> bool:
    normal = normalize_name(name)
    return any(normalize_name(n) == normal for n in names)


def build_organization(
    tree: list[TreeLine], captions: list[TreeLine], records: list[Record]
) -> tuple[Organization, list[Diagnostic]]:
    names, diagnostics = _unit_names(tree, records)
    for caption in captions:
        if caption.number in names.units:
            alias = caption_alias(names.units[caption.number], caption.name)
            if alias:
                names.add_unit_alias(caption.number, alias)
    positions = _place_records(records, names)
    graph = OrgGraph(Organization(_units(names), tuple(positions)))
    positions = [_with_superior(p, graph) for p in positions]
    graph = OrgGraph(Organization(_units(names), tuple(positions)))
    _collect_aliases(records, positions, graph, names)
    final = tuple(replace(p, aliases=tuple(names.position_aliases[p.number])) for p in positions)
    return Organization(_units(names), final), diagnostics


def _unit_names(tree: list[TreeLine], records: list[Record]) -> tuple[_Names, list[Diagnostic]]:
    """Units from the numbered structure list, or, when the manual has none, from the
    records' numbered headings."""
    diagnostics: list[Diagnostic] = []
    lines = tree
    if not tree:
        lines = [TreeLine(r.number, r.heading or r.title, r.source) for r in records if r.number]
        if records:
            diagnostics.append(
                Diagnostic(
                    "ORG101",
                    "info",
                    "No se encontró una estructura orgánica numerada; las unidades se "
                    "tomaron de los encabezados de las fichas de puesto.",
                    source=records[0].source,
                )
            )
    names = _Names()
    for line in lines:
        if line.number in names.units:
            diagnostics.append(
                Diagnostic(
                    "ORG102",
                    "warning",
                    f"La estructura orgánica repite el número {line.number} "
                    f"(«{names.units[line.number]}» y «{line.name}»); se usa el primero.",
                    source=line.source,
                )
            )
            continue
        names.units[line.number] = line.name
        names.aliases[line.number] = []
    return names, diagnostics


def _units(names: _Names) -> tuple[Unit, ...]:
    return tuple(
        Unit(number, name, numbering_parent(number, names.units), tuple(names.aliases[number]))
        for number, name in names.units.items()
    )


def _assign_unit(record: Record, index: NameIndex, units: dict[str, str]) -> str | None:
    """The record's unit: by its heading or nominal name (the record's number breaks
    ties), else by its number. A name that only approximately matches another unit does
    not override the number."""
    by_number = record.number in units
    for name in (record.heading, record.nominal, record.title):
        match = index.resolve(name, lambda n: n == record.number) if name else None
        if match is None or match.target is None:
            continue
        if not by_number or match.level != "approximate" or match.target == record.number:
            return match.target
    return record.number if by_number else None


def _place_records(records: list[Record], names: _Names) -> list[Position]:
    index = names.index()
    positions = []
    for record in records:
        unit = _assign_unit(record, index, names.units)
        if unit is not None:
            names.add_unit_alias(unit, record.heading)
            if name_overlap(record.nominal, names.units[unit]) >= 0.6:
                names.add_unit_alias(unit, record.nominal)
        number = record.number or unit or ""
        names.position_aliases.setdefault(number, [])
        positions.append(
            Position(
                number=number,
                title=record.title,
                nominal=record.nominal,
                unit=unit,
                reports_to=record.reports_to,
                subordinates=record.subordinates,
                objective=record.objective,
                functions=record.functions,
                value=record.value,
                kind=record.kind,
                source=record.source,
            )
        )
    return positions


def _with_superior(position: Position, graph: OrgGraph) -> Position:
    match = graph.resolve_superior(position)
    return replace(position, reports_to_number=match.target if match else None)


def _collect_aliases(
    records: list[Record], positions: list[Position], graph: OrgGraph, names: _Names
) -> None:
    """Other spellings met in the records: in the Dirección and Área fields (matched to
    units) and in the reports-to lines and subordinate lists (matched to positions)."""
    index = names.index()
    for record in records:
        for written in (record.direccion, record.area):
            match = index.resolve(written) if written else None
            if match is not None and match.target is not None:
                names.add_unit_alias(match.target, written)
    for position in positions:
        if position.reports_to_number is not None:
            _note(position.reports_to, graph.positions[position.reports_to_number], names)
        for written in position.subordinates:
            match = graph.resolve_subordinate(position, written)
            if match is not None and match.target is not None:
                _note(written, graph.positions[match.target], names)


def _note(written: str, target: Position, names: _Names) -> None:
    """Keep ``written`` as an alias of the target: of the position for a person form
    ("Jefe de …"), else of its unit."""
    if is_person_form(written) or target.unit is None:
        names.add_position_alias(target, written)
    else:
        names.add_unit_alias(target.unit, written, (target.title, target.nominal))
