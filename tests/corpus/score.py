"""How faithfully the importer reads a document, against its hand-checked inventory.

Pure functions: :func:`score_manual` compares loaded procedures with an inventory (the
parsed ``<document>.expected.json``); :func:`score_document` loads the file first and
turns a load error into "nothing found"; :func:`total` sums document scores into one
corpus line. Definitions (per document):

* expected / found: procedures in the inventory / expected procedures matched by a loaded
  one (by normalized name similarity or equal code, then the rest in order);
* exact: matched procedures with the same step numbers in the same order and, for every
  step, the same set of transition targets;
* responsible accuracy: share of expected steps whose loaded step (same number) has the
  same set of responsibles, compared without accents, case or extra spaces;
* transition F1: over (step, target) pairs of the matched procedures (an expected procedure
  that was not found contributes its pairs as misses);
* revisar: matched procedures the importer flagged ``review == "revisar"``;
* silent: matched procedures neither exact nor flagged, plus expected ones not found —
  the errors a user would not be warned about.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from folio.manuals.model import Procedure

Inventory = dict[str, Any]


@dataclass
class Score:
    document: str
    family: str = ""
    expected: int = 0
    found: int = 0
    extra: int = 0  # loaded procedures matched to nothing
    exact: int = 0
    steps: int = 0
    responsible_ok: int = 0
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    revisar: int = 0
    silent: int = 0
    error: str = ""
    #: Per expected procedure: (name, matched, exact).
    procedures: list[tuple[str, bool, bool]] = field(default_factory=list)

    @property
    def responsible(self) -> float:
        return self.responsible_ok / self.steps if self.steps else 1.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.true_pos + self.false_pos + self.false_neg
        return 2 * self.true_pos / denominator if denominator else 1.0

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["responsible"] = round(self.responsible, 4)
        data["f1"] = round(self.f1, 4)
        return data


def normalize(text: str) -> str:
    """Lowercase, no accents, single spaces, no trailing period."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(plain.split()).rstrip(".").strip()


def _name_key(name: str) -> str:
    key = normalize(name)
    key = re.sub(r"^(procedimiento (para|de|del) (la |el |los |las )?)", "", key)
    return re.sub(r"[^a-z0-9 ]", "", key)


def similarity(a: str, b: str) -> float:
    ka, kb = _name_key(a), _name_key(b)
    if not ka or not kb:
        return 0.0
    if ka in kb or kb in ka:
        return max(0.9, SequenceMatcher(None, ka, kb).ratio())
    return SequenceMatcher(None, ka, kb).ratio()


def match(expected: Sequence[Inventory], loaded: Sequence[Procedure]) -> dict[int, int]:
    """Expected index → loaded index: equal codes first, then the most similar names
    (≥ 0.6), then what is left in order (a loaded procedure with a garbled name still
    counts if it stands where the expected one does)."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, exp in enumerate(expected):
        code = exp.get("code")
        for j, proc in enumerate(loaded):
            if code and j not in used and proc.code == code:
                pairs[i] = j
                used.add(j)
                break
    candidates = sorted(
        (
            (similarity(exp["name"], proc.name), i, j)
            for i, exp in enumerate(expected)
            for j, proc in enumerate(loaded)
            if i not in pairs and j not in used
        ),
        reverse=True,
    )
    for ratio, i, j in candidates:
        if ratio >= 0.6 and i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    rest_exp = [i for i in range(len(expected)) if i not in pairs]
    rest_loaded = [j for j in range(len(loaded)) if j not in used]
    for i, j in zip(rest_exp, rest_loaded, strict=False):
        # Keep the order: only pair j if it lies between the neighbours' matches.
        before = [pairs[k] for k in pairs if k < i]
        after = [pairs[k] for k in pairs if k > i]
        if (not before or j > max(before)) and (not after or j < min(after)):
            pairs[i] = j
    return pairs


def _roles(items: Iterable[str]) -> frozenset[str]:
    return frozenset(normalize(r) for r in items if normalize(r))


def _targets(step: Inventory) -> frozenset[str | None]:
    return frozenset(t["to"] for t in step["next"])


def score_manual(inventory: Inventory, loaded: Sequence[Procedure], error: str = "") -> Score:
    expected = inventory["procedures"]
    score = Score(
        document=inventory["document"],
        family=inventory.get("family", ""),
        expected=len(expected),
        error=error,
    )
    pairs = match(expected, loaded)
    score.found = len(pairs)
    score.extra = len(loaded) - len(pairs)
    for i, exp in enumerate(expected):
        score.steps += len(exp["steps"])
        want = {(s["number"], t) for s in exp["steps"] for t in _targets(s)}
        if i not in pairs:
            score.false_neg += len(want)
            score.silent += 1
            score.procedures.append((exp["name"], False, False))
            continue
        proc = loaded[pairs[i]]
        got_steps = {s.number: s for s in proc.steps}
        for s in exp["steps"]:
            got = got_steps.get(s["number"])
            if got is not None and _roles(got.responsible) == _roles(s["responsible"]):
                score.responsible_ok += 1
        have = {(s.number, t.to) for s in proc.steps for t in s.next}
        score.true_pos += len(want & have)
        score.false_pos += len(have - want)
        score.false_neg += len(want - have)
        exact = [s.number for s in proc.steps] == [s["number"] for s in exp["steps"]] and all(
            frozenset(t.to for t in got_steps[s["number"]].next) == _targets(s)
            for s in exp["steps"]
        )
        flagged = getattr(proc, "review", "ok") == "revisar"
        score.exact += exact
        score.revisar += flagged
        score.silent += not exact and not flagged
        score.procedures.append((exp["name"], True, exact))
    return score


def score_document(path: Path, inventory: Inventory) -> Score:
    """Load ``path`` and score it; any exception while loading counts as nothing found."""
    from folio.manuals.load import load_manual

    try:
        manual = load_manual(path)
    except Exception as err:  # noqa: BLE001 — a crash is a result to report, not to raise
        message = " ".join(str(err).split()) or type(err).__name__
        return score_manual(inventory, (), error=f"{type(err).__name__}: {message}")
    return score_manual(inventory, manual.procedures)


def read_inventory(path: Path) -> Inventory:
    data: Inventory = json.loads(path.read_text(encoding="utf-8"))
    return data


def total(scores: Sequence[Score], name: str = "TOTAL") -> Score:
    """The corpus line: sums, so that the ratios are micro-averages."""
    result = Score(document=name)
    for s in scores:
        for key in (
            "expected",
            "found",
            "extra",
            "exact",
            "steps",
            "responsible_ok",
            "true_pos",
            "false_pos",
            "false_neg",
            "revisar",
            "silent",
        ):
            setattr(result, key, getattr(result, key) + getattr(s, key))
        result.error = result.error or ("some failed to load" if s.error else "")
    return result
