"""Finding where a piece of step text sends the flow: a step, the end, another procedure.

Jumps: "regresa a la actividad 5", "vuelve a la actividad 3", "continúa en el paso 16",
"continua en paso 16", "continúa con el paso No. 9", "…en el pasoNo.5", "pasar al punto
4", "pasa a la etapa 8", "regresa a 18", and a bare "paso 6" right after a condition's
comma ("Si no cumple, paso 6"). Ends: "Termina procedimiento", "Fin del proceso",
"finaliza el proceso", "Concluye el procedimiento", a sentence that is only "Fin" / "FIN".

False friends stay plain: "Termina la llamada", "Termina seguimiento", "da por finalizado
el proceso de revisión", "Al finalizar la actividad", "los pasos 12 al 20", "regresa al
Titular", "pasa a firma", "pasa a la etapa de revisión", "en el punto 3 del oficio".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from folio.manuals.cleaning import fold

_NUM = r"(\d+(?:\.\d+)*)"
# "No. 5", "número 5", "núm. 5"; also fused to the keyword ("pasoNo.5").
_MARK = r"(?:n[uú]mero|n[oº°]\.?|n[uú]m\.?)"
_JUMP = re.compile(
    r"\b(?:contin[uú]a|continuar|pasa|pasar|regresa|regresar|retorna|vuelve|volver|ir|va|ve)\b"
    r"(?:\s+(?:a\s+la|la\s+a|a\s+el|en\s+la|en\s+el|con\s+la|con\s+el|al|a|en|con|la))?"
    r"(?:\s+(?P<kw>actividad(?:es)?|paso|punto|etapa)(?:\b|(?=n[oº°]\.?\s*\d)))?"
    rf"(?P<mark>\s*{_MARK}(?=\s*\d|\s*[.,;]|\s*$|\s+\D))?"
    rf"\s*(?P<num>{_NUM})?",
    re.IGNORECASE,
)
# "Si no cumple, paso 6": keyword and number alone after a condition's comma.
_BARE_STEP = re.compile(
    r"(?:^|(?<=[,:;]))\s*(?:ir\s+)?(?:al\s+|a\s+la\s+)?(?:actividad|paso|punto)\s*"
    rf"(?:{_MARK}\s*)?(?P<num>{_NUM})\s*(?=[.;,•]|$)",
    re.IGNORECASE,
)
_EXTERNAL = re.compile(
    r"\b(?:ir|pasa|contin[uú]a|continuar|remite|aplica)\s+(?:a|al|en|con)\s+(?:el\s+)?"
    r"procedimiento\s+(?P<name>[^.;•]+)",
    re.IGNORECASE,
)
_END = re.compile(
    r"\b(?:termina|terminar|finaliza|finalizar|concluye|concluir|fin)\s+(?:el\s+|del\s+|de\s+)?"
    r"(?:procedimiento\b|proceso\b(?!\s+del?\b))"
    # A sentence that is only "Fin" ("… Archiva el expediente. FIN.").
    r"|(?:^|(?<=[.;:•])|(?<=[.;:•]\s))\s*fin\s*[.!]?\s*(?=$|•)",
    re.IGNORECASE,
)
_KEYWORDS = frozenset({"actividad", "paso", "punto", "etapa"})


@dataclass(frozen=True)
class Target:
    """``kind`` is "step" (``value`` = number), "missing" (a jump with no number),
    "end", or "external" (``value`` = the named procedure)."""

    kind: str
    value: str = ""
    start: int = 0


def find_target(text: str, conditional: bool = False) -> Target | None:
    """The first flow target written in ``text``, if any. A bare "paso 6" counts only in
    ``conditional`` text (a branch's content, or what follows a "Si …," condition)."""
    found: list[Target] = []
    for m in _EXTERNAL.finditer(text):
        found.append(Target("external", m.group("name").strip(" ,"), m.start()))
    for m in _END.finditer(text):
        found.append(Target("end", "", m.start()))
    if conditional:
        for m in _BARE_STEP.finditer(text):
            found.append(Target("step", m.group("num"), m.start()))
    for m in _JUMP.finditer(text):
        target = _jump(text, m)
        if target is not None:
            found.append(target)
    if not found:
        return None
    return min(found, key=lambda t: t.start)


def _jump(text: str, m: re.Match[str]) -> Target | None:
    num, kw = m.group("num"), m.group("kw")
    if num and (kw or _bare_number_ok(text, m)):
        return Target("step", num, m.start())
    if kw and not num and fold(kw) in _KEYWORDS and _names_no_step(text, m):
        return Target("missing", "", m.start())
    return None


def _bare_number_ok(text: str, m: re.Match[str]) -> bool:
    # "regresa a 18": a number right after the verb, not a quantity ("pasa a 3 áreas").
    rest = text[m.end("num") :].lstrip()
    return not rest or not rest[0].isalpha() or fold(rest).startswith(("y ", "e "))


def _names_no_step(text: str, m: re.Match[str]) -> bool:
    """ "Regresa a la actividad no." announces a step and forgets its number; "pasa a la
    etapa de revisión" names a stage of the work, not a step."""
    if m.group("mark"):
        return True
    rest = text[m.end() :].lstrip()
    return not rest or not rest[0].isalnum()


def has_end_marker(text: str) -> bool:
    return _END.search(text) is not None
