"""Organization-manual checks (ORG0xx): the structure's numbering, the records'
reports-to lines and their subordinate lists read against each other. They report,
never fix: a manual may well be right where its numbering is wrong.

``lint_organization(manual)`` runs them all; ``ORG_CODES`` documents each code with its
severity. The importer's own findings use ORG1xx (see ``organization.build``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from difflib import SequenceMatcher

from folio.manuals.model import Diagnostic, Manual, Position, Severity, SourceRef, Unit
from folio.manuals.organization.graph import OrgGraph
from folio.manuals.organization.layout import fold
from folio.manuals.organization.names import key_words, normalize_name, same_spelling

ORG_CODES: dict[str, tuple[Severity, str]] = {
    "ORG001": ("warning", "Ficha numerada distinto que su unidad en la estructura orgánica."),
    "ORG002": ("warning", "Ficha de puesto que no corresponde a ninguna unidad de la estructura."),
    "ORG003": ("info", "Unidad o puesto escrito con otro nombre en otra parte del manual."),
    "ORG004": ("warning", "Unidad con distinto nivel jerárquico según dónde se nombra."),
    "ORG005": ("warning", "Línea de reporte que no lleva a ningún puesto de la estructura."),
    "ORG006": ("warning", "Línea de reporte distinta de la que indica la numeración."),
    "ORG007": ("info", "Puesto referido con un nombre distinto del de su ficha."),
    "ORG008": ("info", "La numeración pone al titular al nivel de quienes le reportan."),
    "ORG009": ("warning", "Subordinado que no figura en la estructura orgánica."),
    "ORG010": ("warning", "Subordinado listado que no reporta a ese puesto."),
    "ORG011": ("warning", "Puesto que reporta a otro y falta en su lista de subordinados."),
    "ORG012": ("info", "Nombre repetido por varias unidades de la estructura."),
    "ORG013": ("error", "Número de ficha de puesto repetido."),
    "ORG014": ("warning", "Ficha de puesto sin funciones."),
    "ORG015": ("info", "Función repetida en la misma ficha."),
    "ORG016": ("warning", "Unidad de la estructura sin ficha de puesto."),
    "ORG017": ("info", "Puesto subordinado sin ficha ni lugar en la estructura."),
}
#: First words of unit names that say the unit's level.
_LEVELS = frozenset({"direccion", "subdireccion", "coordinacion", "jefatura", "departamento"})
_UNIT_STARTS = _LEVELS | {"unidad", "area", "oficina", "secretaria", "titular"}


def lint_organization(manual: Manual) -> list[Diagnostic]:
    """Every ORG finding for an organization manual, record by record in reading
    order for each family of checks."""
    if manual.organization is None:
        return []
    graph = OrgGraph(manual.organization)
    respelled: list[str] = []
    found = list(_placement(graph, manual.source))
    found += _reporting(graph, respelled)
    found += _subordinates(graph, respelled)
    found += _names(graph, respelled, manual.source)
    found += _records(graph)
    return found


def _diagnostic(code: str, message: str, source: SourceRef) -> Diagnostic:
    return Diagnostic(code, ORG_CODES[code][0], message, source=source)


def _who(position: Position) -> str:
    return f"Puesto {position.number} «{position.title}»"


def _named(graph: OrgGraph, position: Position) -> str:
    """ "2.1 «Dirección de Gobierno Digital»": a position by its unit's name."""
    unit = graph.unit_of(position)
    return f"{position.number} «{unit.name if unit else position.title}»"


def _unit_source(graph: OrgGraph, unit: Unit, fallback: SourceRef) -> SourceRef:
    head = graph.heads.get(unit.number)
    return head.source if head else fallback


def _placement(graph: OrgGraph, manual_source: SourceRef) -> Iterator[Diagnostic]:
    """Records against the structure: numbers, units, repeated names."""
    seen: set[str] = set()
    for p in graph.org.positions:
        if p.number in seen:
            yield _diagnostic(
                "ORG013", f"{_who(p)}: otra ficha anterior lleva el mismo número.", p.source
            )
        seen.add(p.number)
        unit = graph.unit_of(p)
        if unit is None:
            text = "no corresponde a ninguna unidad de la estructura orgánica"
            yield _diagnostic("ORG002", f"{_who(p)}: {text}.", p.source)
        elif unit.number != p.number:
            other = graph.units.get(p.number)
            there = f"el {p.number} es «{other.name}»" if other else f"no hay unidad {p.number}"
            text = (
                f"la estructura orgánica numera su unidad «{unit.name}» como {unit.number}; {there}"
            )
            yield _diagnostic("ORG001", f"{_who(p)}: {text}.", p.source)
    for unit in graph.org.units:
        if unit.number not in graph.heads:
            text = (
                f"La unidad {unit.number} «{unit.name}» de la estructura orgánica "
                "no tiene ficha de puesto."
            )
            yield _diagnostic("ORG016", text, manual_source)
    yield from _repeated_unit_names(graph, manual_source)


def _repeated_unit_names(graph: OrgGraph, manual_source: SourceRef) -> Iterator[Diagnostic]:
    groups: dict[str, list[Unit]] = defaultdict(list)
    for unit in graph.org.units:
        groups[normalize_name(unit.name)].append(unit)
    for units in groups.values():
        if len(units) > 1:
            numbers = ", ".join(u.number for u in units)
            text = (
                f"El nombre «{units[0].name}» corresponde a {len(units)} unidades de la "
                f"estructura orgánica ({numbers}): donde otra ficha lo escribe sin más, no se "
                "sabe a cuál se refiere."
            )
            yield _diagnostic("ORG012", text, _unit_source(graph, units[0], manual_source))


def _spelled_as(graph: OrgGraph, written: str, target: Position) -> bool:
    unit = graph.unit_of(target)
    names = (target.title, target.nominal, unit.name if unit else "")
    return any(n and same_spelling(written, n) for n in names)


def _reporting(graph: OrgGraph, respelled: list[str]) -> Iterator[Diagnostic]:
    """Each reports-to line against the numbering."""
    flat: dict[str, list[Position]] = defaultdict(list)
    for p in graph.org.positions:
        parent = graph.numbering_parent(p)
        target = graph.positions.get(p.reports_to_number or "")
        if target is None:
            if parent is not None:
                yield _unresolved_superior(graph, p, parent)
            continue
        if not _spelled_as(graph, p.reports_to, target):
            respelled.append(p.reports_to)
            text = f"reporta a «{p.reports_to}», escrito distinto de {_named(graph, target)}"
            yield _diagnostic("ORG007", f"{_who(p)}: {text}.", p.source)
        if parent is None and graph.numbering_parent(target) is None:
            flat[target.number].append(p)
        elif parent is None or parent.number != target.number:
            place = f"bajo {_named(graph, parent)}" if parent else "en el primer nivel"
            text = f"reporta a {_named(graph, target)}, pero la numeración lo coloca {place}"
            yield _diagnostic("ORG006", f"{_who(p)}: {text}.", p.source)
    for number, under in flat.items():
        target = graph.positions[number]
        numbers = _enumerate([p.number for p in under])
        text = (
            f"La numeración coloca a {numbers} en el mismo nivel que {_named(graph, target)}, "
            "aunque sus fichas dicen que le reportan."
        )
        yield _diagnostic("ORG008", text, target.source)


def _unresolved_superior(graph: OrgGraph, p: Position, parent: Position) -> Diagnostic:
    below = f"la numeración lo coloca bajo {_named(graph, parent)}"
    if not p.reports_to.strip():
        return _diagnostic("ORG005", f"{_who(p)}: no dice a quién reporta; {below}.", p.source)
    match = graph.resolve_superior(p)
    if match is not None:
        options = _enumerate(list(match.candidates), "o")
        text = f"reporta a «{p.reports_to}», nombre de varios puestos ({options}); {below}"
    else:
        nowhere = "que no es ninguna unidad ni puesto de la estructura orgánica"
        text = f"reporta a «{p.reports_to}», {nowhere}; {below}"
    return _diagnostic("ORG005", f"{_who(p)}: {text}.", p.source)


def _enumerate(items: list[str], conjunction: str = "y") -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _unit_like(name: str) -> bool:
    """Whether a name starts like a unit ("Coordinación…", even misspelt "Coodinación…")
    rather than a staff post ("Asistente", "Analista de…")."""
    words = key_words(name)
    if not words:
        return False
    return any(SequenceMatcher(None, words[0], start).ratio() >= 0.85 for start in _UNIT_STARTS)


def _subordinates(graph: OrgGraph, respelled: list[str]) -> Iterator[Diagnostic]:
    """Each "Puestos que le reportan" list against who reports to whom. Skipped when
    no record of the manual has such a list (the template lacks the field)."""
    if not any(p.subordinates for p in graph.org.positions):
        return
    for p in graph.org.positions:
        listed: set[str] = set()
        for name in p.subordinates:
            yield from _listed(graph, p, name, listed, respelled)
        for other in graph.expected_subordinates(p):
            if other.number not in listed:
                why = "su ficha" if other.reports_to_number else "la numeración"
                text = f"no lista a {other.number} «{other.title}», que le reporta según {why}"
                yield _diagnostic("ORG011", f"{_who(p)}: {text}.", p.source)


def _listed(
    graph: OrgGraph, p: Position, name: str, listed: set[str], respelled: list[str]
) -> Iterator[Diagnostic]:
    match = graph.resolve_subordinate(p, name)
    if match is None:
        if _unit_like(name):
            code, what = "ORG009", "que no figura en la estructura orgánica ni tiene ficha"
        else:
            code, what = "ORG017", "puesto sin ficha ni lugar en la estructura orgánica"
        yield _diagnostic(code, f"{_who(p)}: lista como subordinado a «{name}», {what}.", p.source)
        return
    if match.target is None:
        here = [
            c for c in match.candidates if graph.superior_number(graph.positions[c]) == p.number
        ]
        listed.update(here)
        if not here:
            options = _enumerate(list(match.candidates), "o")
            text = (
                f"lista como subordinado a «{name}», que puede ser {options}, "
                "pero ninguno le reporta"
            )
            yield _diagnostic("ORG010", f"{_who(p)}: {text}.", p.source)
        return
    other = graph.positions[match.target]
    listed.add(other.number)
    if not _spelled_as(graph, name, other):
        respelled.append(name)
        text = f"lista como subordinado a «{name}», escrito distinto de {_named(graph, other)}"
        yield _diagnostic("ORG007", f"{_who(p)}: {text}.", p.source)
    superior = graph.superior_number(other)
    if superior != p.number:
        boss = graph.positions.get(superior or "")
        where = (
            f"reporta a {_named(graph, boss)}"
            if boss
            else "no reporta a ningún puesto de la estructura"
        )
        text = f"lista como subordinado a {_named(graph, other)}, pero ese puesto {where}"
        yield _diagnostic("ORG010", f"{_who(p)}: {text}.", p.source)


def _names(graph: OrgGraph, respelled: list[str], manual_source: SourceRef) -> Iterator[Diagnostic]:
    """Other spellings the importer matched to a unit or position (aliases), except
    those already reported where they were written (ORG007)."""
    for unit in graph.org.units:
        source = _unit_source(graph, unit, manual_source)
        for alias in unit.aliases:
            if any(same_spelling(alias, w) for w in respelled):
                continue
            text = f"Unidad {unit.number} «{unit.name}»: también aparece escrita «{alias}»."
            yield _diagnostic("ORG003", text, source)
            level, written = key_words(unit.name)[:1], key_words(alias)[:1]
            if level and written and {level[0], written[0]} <= _LEVELS and level != written:
                text = (
                    f"Unidad {unit.number}: la estructura orgánica la llama «{unit.name}» y en "
                    f"otra parte aparece como «{alias}»; el nivel jerárquico no coincide."
                )
                yield _diagnostic("ORG004", text, source)
    for p in graph.org.positions:
        for alias in p.aliases:
            if not any(same_spelling(alias, w) for w in respelled):
                yield _diagnostic(
                    "ORG003", f"{_who(p)}: también aparece escrito «{alias}».", p.source
                )


def _records(graph: OrgGraph) -> Iterator[Diagnostic]:
    for p in graph.org.positions:
        if not p.functions:
            yield _diagnostic("ORG014", f"{_who(p)}: la ficha no tiene funciones.", p.source)
        first: dict[str, int] = {}
        for n, text in enumerate(p.functions, start=1):
            key = fold(text)
            if key in first:
                yield _diagnostic(
                    "ORG015", f"{_who(p)}: la función {n} repite la función {first[key]}.", p.source
                )
            first.setdefault(key, n)


__all__ = ["ORG_CODES", "lint_organization"]
