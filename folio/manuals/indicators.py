"""Indicators stated in a procedure's "Medición" section. Converted manuals flatten a
fraction into lines: "Número de solicitudes recibidas : $X 100 = 100%$" over
"Número de solicitudes realizadas"; the ``:`` is the division bar."""

from __future__ import annotations

import re

from folio.manuals.cleaning import clean, fold
from folio.manuals.fields import Field
from folio.manuals.model import Indicator

_NAME = re.compile(r"indicador(?:es)?\s+(?:para\s+medir\s+(?:la\s+|el\s+)?)?([^.:]+)", re.I)
_FACTOR = re.compile(r"[x×*]\s*(\d+(?:[.,]\d+)?)", re.I)
_TARGET = re.compile(r"=\s*(\d+(?:[.,]\d+)?\s*%?)")


def parse_indicators(f: Field | None) -> tuple[Indicator, ...]:
    if f is None:
        return ()
    lines = [clean(x) for x in f.lines if clean(x)]
    if not lines or fold(" ".join(lines)).strip(" .") in {"no aplica", "n/a"}:
        return ()
    text = " ".join(lines)
    name_match = _NAME.search(text)
    name = name_match.group(1).strip() if name_match else lines[0]
    numerator, denominator = _fraction(lines)
    factor = _FACTOR.search(text)
    target = _TARGET.search(text)
    return (
        Indicator(
            name=name,
            text=text,
            numerator=numerator,
            denominator=denominator,
            factor=float(factor.group(1).replace(",", ".")) if factor else None,
            target=target.group(1).replace(" ", "") if target else "",
            source=f.rows[0].source if f.rows else Indicator("", "").source,
        ),
    )


def _fraction(lines: list[str]) -> tuple[str, str]:
    for i, line in enumerate(lines):
        if ":" in line and i + 1 < len(lines) and not fold(line).startswith("indicador"):
            numerator = line.split(":", 1)[0].strip()
            return numerator, lines[i + 1].strip()
        if "/" in line and fold(line).startswith("numero"):
            num, den = line.split("/", 1)
            return num.strip(), den.split("x")[0].strip()
    return "", ""
