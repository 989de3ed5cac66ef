"""The 17 Objetivos de Desarrollo Sostenible and their 169 metas, in Spanish.

The text is the UN's official Spanish of the Agenda 2030 (see ``data/FUENTE.md``). Meta ids
are the UN's: ``"1.1"`` … ``"17.19"``, with letters for the means of implementation
(``"1.a"``). Loaded once, read-only.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
TARGET_ID = re.compile(r"^(1[0-7]|[1-9])\.([1-9][0-9]?|[a-z])$")


@dataclass(frozen=True)
class Goal:
    number: int
    short_name: str
    title: str


@dataclass(frozen=True)
class Target:
    id: str
    text: str

    @property
    def goal(self) -> int:
        return int(self.id.split(".")[0])


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def goals() -> tuple[Goal, ...]:
    return tuple(
        Goal(int(row["id"]), row["nombre_corto"], row["titulo"])
        for row in _rows("ods-objetivos.tsv")
    )


@cache
def targets() -> tuple[Target, ...]:
    return tuple(Target(row["id"], row["texto"]) for row in _rows("ods-metas.tsv"))


@cache
def _by_id() -> dict[str, Target]:
    return {t.id: t for t in targets()}


def target(target_id: str) -> Target | None:
    return _by_id().get(target_id.strip())


def goal_of(target_id: str) -> Goal | None:
    found = target(target_id)
    return goals()[found.goal - 1] if found else None


def parse_target_ids(text: str) -> tuple[list[str], list[str]]:
    """Meta ids in ``text`` (separated by ``;``, ``,`` or spaces): (known, unknown)."""
    known: list[str] = []
    unknown: list[str] = []
    cleaned = re.sub(r"(?i)\bmetas?\b", " ", text)
    for piece in re.split(r"[;,\s]+", cleaned.strip().lower()):
        if not piece:
            continue
        if piece in _by_id():
            if piece not in known:
                known.append(piece)
        else:
            unknown.append(piece)
    return known, unknown
