"""Parsing *Tiempo Promedio de Gestión* as written: "7 a 11 meses", "1 semana a 6 meses",
"De 45 a 60 días hábiles.", "24 horas.", "Dos meses como máximo.", "Variable.",
"Revisión y actualización mensual.", "El que se indique en cada contrato."."""

from __future__ import annotations

import re

from folio.manuals.cleaning import fold, plain
from folio.manuals.model import TimeSpec, TimeUnit

_WORDS = {
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15,
    "veinte": 20, "treinta": 30, "cuarenta": 40, "sesenta": 60, "noventa": 90,
}  # fmt: skip
_NUMBER = r"(\d+(?:[.,]\d+)?|" + "|".join(_WORDS) + r")"
_UNIT = (
    r"(horas?|d[ií]as?\s+h[aá]biles|d[ií]as?\s+naturales|d[ií]as?\s+calendario|d[ií]as?"
    r"|semanas?|mes(?:es)?|a[nñ]os?)"
)
_RANGE = re.compile(
    rf"(?:de\s+)?{_NUMBER}\s*{_UNIT}?\s*(?:a|-|–|al|y)\s*{_NUMBER}\s*{_UNIT}", re.IGNORECASE
)
_SINGLE = re.compile(rf"{_NUMBER}\s*{_UNIT}", re.IGNORECASE)
_RECURRING = {
    "diari": "diaria", "semanal": "semanal", "quincenal": "quincenal", "mensual": "mensual",
    "bimestral": "bimestral", "trimestral": "trimestral", "semestral": "semestral",
    "anual": "anual",
}  # fmt: skip


def parse_time(text: str) -> TimeSpec:
    raw = plain(text).strip()
    if not raw:
        return TimeSpec()
    key = fold(raw)
    if key.strip(" .").startswith("variable"):
        return TimeSpec(text=raw, status="variable")
    m = _RANGE.search(raw)
    if m:
        lo, lo_unit, hi, hi_unit = m.groups()
        unit = _unit(hi_unit)
        return TimeSpec(raw, _num(lo), _num(hi), unit, _unit(lo_unit) if lo_unit else unit,
                        "stated")  # fmt: skip
    m = _SINGLE.search(raw)
    if m:
        value, unit_text = _num(m.group(1)), _unit(m.group(2))
        # A single figure is an upper bound ("5 días hábiles", "Dos meses como máximo").
        return TimeSpec(raw, None, value, unit_text, None, "stated")
    for stem, recurrence in _RECURRING.items():
        if re.search(rf"\b{stem}", key):
            return TimeSpec(text=raw, status="recurring", recurrence=recurrence)
    return TimeSpec(text=raw, status="unparsed")


def _num(text: str) -> float:
    key = fold(text)
    return float(_WORDS[key]) if key in _WORDS else float(text.replace(",", "."))


def _unit(text: str) -> TimeUnit:
    key = re.sub(r"\s+", " ", fold(text))
    if key.startswith("hora"):
        return "horas"
    if key.startswith("dia"):
        if "habil" in key:
            return "días hábiles"
        if "natural" in key or "calendario" in key:
            return "días naturales"
        return "días"
    if key.startswith("semana"):
        return "semanas"
    if key.startswith("mes"):
        return "meses"
    return "años"
