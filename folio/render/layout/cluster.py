"""One step drawn in its own row: the task box, its documents, the decision diamond(s), the
branch labels and any terminator or connector its branches end in.

Coordinates here are local: x from the node's centre line, y from the top of the row.
Everything a cluster holds stays inside its row and its lane, so rows never collide.

A step with two or more transitions (or a question) gets a diamond under its task box. A
diamond has three exits, bottom (B), right (R) and left (L), each used by one transition;
a fourth or fifth transition adds a second diamond below the first, and so on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from folio.manuals.model import Step
from folio.render.geometry import Box
from folio.render.layout import sizes as S
from folio.render.layout.rules import database_label, document_labels
from folio.render.layout.text import ELLIPSIS, block_width, text_width, wrap

Side = Literal["B", "R", "L"]
TargetKind = Literal["step", "end", "external", "missing"]
Point = tuple[float, float]


@dataclass(frozen=True)
class Target:
    """Where a transition goes: a step (its row and lane) or a terminal drawn beside the
    exit (end, another procedure, or a target the manual does not name)."""

    kind: TargetKind
    row: int = 0
    lane: int = 0
    label: str = ""


@dataclass
class Exit:
    index: int  # position in Step.next
    when: str | None
    target: Target
    diamond: int = -1  # index of the diamond it leaves from; -1 = the task box
    side: Side = "B"
    port: Point = (0.0, 0.0)
    label_lines: tuple[str, ...] = ()
    label_box: Box | None = None
    terminal_box: Box | None = None


@dataclass
class Cluster:
    row: int
    lane: int
    task: Box
    task_label: str
    diamonds: list[Box] = field(default_factory=list)
    question: str = ""
    artifacts: list[tuple[Literal["document", "database"], str, Box]] = field(default_factory=list)
    exits: list[Exit] = field(default_factory=list)
    left: float = 0.0
    right: float = 0.0
    height: float = 0.0


def task_label(step: Step) -> str:
    """ "N. activity", wrapped to the box and cut with an ellipsis when very long."""
    text = f"{step.number}. {step.activity}".strip()
    return "\n".join(wrap(text, S.BOX_W - 2 * S.BOX_PAD, S.BOX_FONT, S.BOX_MAX_LINES))


def question_label(questions: tuple[str, ...]) -> str:
    """The question(s), wrapped so that the text block fits inside the diamond."""
    text = " ".join(questions)
    if not text:
        return ""
    a, b = S.DIAMOND_W / 2, S.DIAMOND_H / 2
    lines: tuple[str, ...] = ()
    for count in range(1, S.DIAMOND_MAX_LINES + 1):
        half_h = count * S.DIAMOND_LINE / 2 + 2
        width = 2 * a * (1 - half_h / b) - 4
        lines = wrap(text, width, S.DIAMOND_FONT, count)
        if not lines[-1].endswith(ELLIPSIS) or lines[-1] == text:
            break
    return "\n".join(lines)


def terminal_size(target: Target) -> tuple[float, float]:
    if target.kind == "end":
        return S.TERM_W, S.TERM_H
    width = text_width(target.label, S.CONN_FONT) + (16 if target.kind == "external" else 12)
    return max(S.CONN_MIN_W, width), S.CONN_H


def edge_label_lines(when: str | None) -> tuple[str, ...]:
    """A branch label as drawn: wrapped, at most three lines."""
    if not when:
        return ()
    return wrap(when, S.LABEL_MAX_W, S.LABEL_FONT, S.LABEL_MAX_LINES)


def _label_size(lines: tuple[str, ...]) -> tuple[float, float]:
    if not lines:
        return 0.0, 0.0
    return block_width(lines, S.LABEL_FONT) + 2 * S.LABEL_PAD, len(lines) * S.LABEL_LINE + 2


def _preferences(row: int, lane: int, target: Target) -> tuple[int, tuple[Side, ...]]:
    """Priority class and preferred exits of a branch: the main flow down, branches
    towards their lane, terminals beside the diamond, loops to the side."""
    if target.kind != "step":
        return 3, ("R", "L", "B")
    if target.row > row:
        if target.lane == lane:
            return (0 if target.row == row + 1 else 2), ("B", "R", "L")
        return 1, (("R", "B", "L") if target.lane > lane else ("L", "B", "R"))
    return 4, (("L", "R", "B") if target.lane < lane else ("R", "L", "B"))


def _assign_ports(row: int, lane: int, exits: list[Exit]) -> int:
    """Give each exit its own port; returns the number of diamonds needed."""
    count = 1 if len(exits) <= 3 else 1 + (len(exits) - 2) // 2
    ports: list[tuple[int, Side]] = []
    for k in range(count - 1):
        ports += [(k, "R"), (k, "L")]
    ports += [(count - 1, "B"), (count - 1, "R"), (count - 1, "L")]
    free = list(ports)
    ranked = sorted(exits, key=lambda e: (_preferences(row, lane, e.target)[0], e.index))
    for exit_ in ranked:
        for side in _preferences(row, lane, exit_.target)[1]:
            port = next((p for p in free if p[1] == side), None)
            if port is not None:
                free.remove(port)
                exit_.diamond, exit_.side = port
                break
    return count


def _place_artifacts(step: Step, cluster: Cluster) -> float:
    """Documents and the Base de datos symbol in a column left of the task box; returns
    the column's bottom."""
    items: list[tuple[Literal["document", "database"], str]] = [
        ("document", label) for label in document_labels(step.documents)
    ]
    system = database_label(step.activity)
    if system:
        items.append(("database", system))
    x = -S.BOX_W / 2 - S.ART_GAP - S.ART_W
    y = 0.0
    for kind, label in items:
        lines = wrap(label, S.ART_W - 8, S.ART_FONT, S.ART_MAX_LINES)
        height = len(lines) * S.ART_LINE + (16 if kind == "database" else 14)
        cluster.artifacts.append((kind, "\n".join(lines), Box(x, y, S.ART_W, height)))
        y += height + S.ART_SPACING
    return y - S.ART_SPACING if items else 0.0


def _place_side(exit_: Exit, node: Box) -> None:
    sign = 1 if exit_.side == "R" else -1
    tip = node.x + node.w if sign > 0 else node.x
    py = node.cy
    exit_.port = (tip, py)
    w, h = _label_size(exit_.label_lines)
    if w:
        x = tip + 3 if sign > 0 else tip - 3 - w
        exit_.label_box = Box(x, py - 2 - h, w, h)
    if exit_.target.kind != "step":
        tw, th = terminal_size(exit_.target)
        reach = max(18.0, w + 10)
        x = tip + reach if sign > 0 else tip - reach - tw
        exit_.terminal_box = Box(x, py - th / 2, tw, th)


def _place_bottom(exit_: Exit, node: Box) -> None:
    bottom = node.y + node.h
    exit_.port = (node.cx, bottom)
    w, h = _label_size(exit_.label_lines)
    if w:
        exit_.label_box = Box(node.cx + 4, bottom + 3, w, h)
    if exit_.target.kind != "step":
        tw, th = terminal_size(exit_.target)
        exit_.terminal_box = Box(node.cx - tw / 2, bottom + max(16.0, h + 10), tw, th)


def _side_label_height(exits: list[Exit], diamond: int) -> float:
    heights = [
        _label_size(e.label_lines)[1] for e in exits if e.diamond == diamond and e.side != "B"
    ]
    return max(heights, default=0.0)


def build_cluster(row: int, lane: int, step: Step, targets: list[Target]) -> Cluster:
    """Lay out one step; ``targets`` holds one entry per transition of ``step``."""
    label = task_label(step)
    task_h = label.count("\n") * S.BOX_LINE + S.BOX_LINE + 2 * S.BOX_PAD
    cluster = Cluster(row, lane, Box(-S.BOX_W / 2, 0.0, S.BOX_W, task_h), label)
    prev_bottom = max(task_h, _place_artifacts(step, cluster))
    exits = [
        Exit(i, t.when, target, label_lines=edge_label_lines(t.when))
        for i, (t, target) in enumerate(zip(step.next, targets, strict=True))
    ]
    cluster.exits = exits
    if step.is_decision or len(exits) >= 2:
        cluster.question = question_label(step.questions)
        for k in range(_assign_ports(row, lane, exits)):
            room = prev_bottom + 4 + _side_label_height(exits, k) - S.DIAMOND_H / 2
            top = max(prev_bottom + S.DIAMOND_GAP, room)
            cluster.diamonds.append(Box(-S.DIAMOND_W / 2, top, S.DIAMOND_W, S.DIAMOND_H))
            prev_bottom = top + S.DIAMOND_H
    for exit_ in exits:
        node = cluster.diamonds[exit_.diamond] if exit_.diamond >= 0 else cluster.task
        if exit_.side == "B":
            _place_bottom(exit_, node)
        else:
            _place_side(exit_, node)
    _measure(cluster)
    return cluster


def _measure(cluster: Cluster) -> None:
    boxes = [cluster.task, *cluster.diamonds, *(a[2] for a in cluster.artifacts)]
    for exit_ in cluster.exits:
        boxes += [b for b in (exit_.label_box, exit_.terminal_box) if b is not None]
    cluster.left = max(-b.x for b in boxes) + S.CORE_MARGIN
    cluster.right = max(b.x + b.w for b in boxes) + S.CORE_MARGIN
    cluster.height = max(b.y + b.h for b in boxes)
