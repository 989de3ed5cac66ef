"""Who reports to whom in a parsed organization: positions placed on the unit tree by
their numbering, and written names resolved to positions.

The numbering parent and the written reports-to line are kept apart on purpose: manuals
contradict themselves, and the linter reports where they do.
"""

from __future__ import annotations

from collections.abc import Iterator

from folio.manuals.model import Organization, Position, Unit
from folio.manuals.organization.names import NameIndex, NameMatch
from folio.manuals.organization.structure import numbering_parent


class OrgGraph:
    def __init__(self, org: Organization) -> None:
        self.org = org
        self.units: dict[str, Unit] = {}
        for unit in org.units:
            self.units.setdefault(unit.number, unit)
        self.positions: dict[str, Position] = {}
        #: The first position of each unit: the one a unit name stands for.
        self.heads: dict[str, Position] = {}
        for position in org.positions:
            self.positions.setdefault(position.number, position)
            if position.unit is not None:
                self.heads.setdefault(position.unit, position)
        self.index = NameIndex(self._names())

    def _names(self) -> Iterator[tuple[str, str]]:
        for p in self.org.positions:
            yield from ((p.number, name) for name in (p.title, p.nominal, *p.aliases))
        for unit in self.org.units:
            head = self.heads.get(unit.number)
            if head is not None:
                yield from ((head.number, name) for name in (unit.name, *unit.aliases))

    def unit_of(self, position: Position) -> Unit | None:
        return self.units.get(position.unit) if position.unit is not None else None

    def numbering_parent(self, position: Position) -> Position | None:
        """The head of the nearest unit above the position's unit that has a record."""
        unit = self.unit_of(position)
        above = unit.parent if unit else numbering_parent(position.number, self.units)
        seen: set[str] = set()
        while above is not None and above not in seen:
            seen.add(above)
            head = self.heads.get(above)
            if head is not None and head.number != position.number:
                return head
            above = self.units[above].parent if above in self.units else None
        return None

    def ancestors(self, position: Position) -> list[str]:
        chain: list[str] = []
        current = self.numbering_parent(position)
        while current is not None and current.number not in chain:
            chain.append(current.number)
            current = self.numbering_parent(current)
        return chain

    def resolve_superior(self, position: Position) -> NameMatch | None:
        """The written reports-to line resolved; among equal candidates the one above
        the position in the numbering wins."""
        above = set(self.ancestors(position))
        return self.index.resolve(position.reports_to, above.__contains__, position.number)

    def superior_number(self, position: Position) -> str | None:
        """Whom the position reports to: its resolved reports-to line, or else its
        numbering parent."""
        if position.reports_to_number is not None:
            return position.reports_to_number
        parent = self.numbering_parent(position)
        return parent.number if parent else None

    def resolve_subordinate(self, position: Position, name: str) -> NameMatch | None:
        """A name of the position's "Puestos que le reportan" list resolved; among equal
        candidates the one that reports to the position wins."""

        def reports_here(number: str) -> bool:
            other = self.positions.get(number)
            return other is not None and self.superior_number(other) == position.number

        return self.index.resolve(name, reports_here, position.number)

    def expected_subordinates(self, position: Position) -> list[Position]:
        """Positions whose reports-to line names this one, plus those with an
        unresolved line that the numbering puts under it."""
        return [
            other
            for other in self.org.positions
            if other.number != position.number and self.superior_number(other) == position.number
        ]
