"""The laid-out diagram of one procedure, shared by the SVG and BPMN DI renderers so
that both draw exactly the same picture. Coordinates are in pixels, origin top-left."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NodeKind = Literal["start", "end", "task", "decision", "connector"]


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def intersects(self, other: Box, margin: float = 0.0) -> bool:
        return not (
            self.x + self.w + margin <= other.x
            or other.x + other.w + margin <= self.x
            or self.y + self.h + margin <= other.y
            or other.y + other.h + margin <= self.y
        )


@dataclass(frozen=True)
class Lane:
    id: str
    name: str  # role as written
    box: Box
    external: bool = False  # dependencia solicitante, proveedor, ciudadano…


@dataclass(frozen=True)
class Artifact:
    """A Documento (with form code) or Base de datos symbol attached to a node."""

    id: str
    kind: Literal["document", "database"]
    label: str
    box: Box
    node: str  # id of the node it belongs to


@dataclass(frozen=True)
class Node:
    id: str
    kind: NodeKind
    label: str
    box: Box
    lane: str  # Lane.id
    step: str | None = None  # step number as written
    #: Other lanes this step also belongs to (shared responsibility).
    also_lanes: tuple[str, ...] = ()
    page: int = 1


@dataclass(frozen=True)
class Edge:
    id: str
    source: str  # Node.id
    target: str  # Node.id
    points: tuple[tuple[float, float], ...]  # orthogonal polyline
    label: str | None = None
    label_box: Box | None = None


@dataclass(frozen=True)
class Diagram:
    procedure: str  # Procedure.code
    title: str
    width: float
    height: float
    lanes: tuple[Lane, ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    artifacts: tuple[Artifact, ...] = ()
    pages: int = 1
