"""Matching the names an organization manual gives its units and positions.

One manual writes the same post many ways: "Jefe (a) de Oficina" and "Jefatura de
Oficina", "Dirección de Gobierno Gobierno Digital", "Coordinación de Juntas Vecinales y
Mesas Directivas" for "…de Mesas Directivas y Juntas Vecinales". ``normalize_name``
removes what never tells two posts apart (case, accents, gender markers, articles,
doubled words). ``NameIndex`` resolves a written name in three steps of likeness and
stops at the first step that finds anything; when that step finds two candidates it
does not guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

from folio.manuals.cleaning import strip_accents
from folio.manuals.model import Manual, Organization

Level = Literal["exact", "words", "approximate"]

_GENDER = re.compile(r"\(\s*(?:a|o|as|os|es)\s*\)|(?<=\w)\s*/\s*(?:as|os|a|o)\b")
_ARTICLES = frozenset({"el", "la", "los", "las"})
_STOPWORDS = frozenset({"de", "del", "y", "e", "en", "a", "al", "para", "con", "por", "o"})
#: Person forms folded into the unit form they head, so "Jefe de X" = "Jefatura de X".
_UNIT_FORM = {
    "jefe": "jefatura",
    "jefa": "jefatura",
    "director": "direccion",
    "directora": "direccion",
    "subdirector": "subdireccion",
    "subdirectora": "subdireccion",
    "coordinador": "coordinacion",
    "coordinadora": "coordinacion",
    "secretario": "secretaria",
    "contralor": "contraloria",
    "contralora": "contraloria",
    "tesorero": "tesoreria",
    "tesorera": "tesoreria",
}
#: First words of a post or unit name, to split "Analista de X y Auxiliar de Y".
_ROLE_STARTS = (
    "direcc", "director", "subdirec", "coordina", "jefatura", "jefe", "jefa",
    "departamento", "unidad", "area", "oficina", "secretari", "titular", "analista",
    "auxiliar", "asistente", "especialista", "programador", "supervisor", "encargad",
    "operador", "operativ", "promotor", "chofer", "profesional", "tecnico", "asesor",
    "enlace", "responsable", "project", "gerente", "administrador", "capturista",
    "notificador", "inspector", "verificador", "abogad", "gestor", "recepcionista",
    "contralor", "tesorer", "delegad", "ejecutiv", "intendente", "vigilante",
    "mensajer", "desarrollador", "disenador", "lider", "residente", "consultor",
)  # fmt: skip
_NOT_APPLICABLE = re.compile(
    r"^\s*(?:n\s*/\s*a|no\s+aplica|ninguno|ninguna|no\s+tiene|sin\s+subordinados|-+|—)"
    r"\s*\.?\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 14)
def _words_cached(name: str, collapse_doubles: bool) -> tuple[str, ...]:
    text = _GENDER.sub(" ", strip_accents(name).casefold())
    words = [w for w in re.split(r"[\W_]+", text) if w and w not in _ARTICLES]
    if collapse_doubles:
        words = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]
    return tuple(words)


def _words(name: str, collapse_doubles: bool = True) -> list[str]:
    return list(_words_cached(name, collapse_doubles))


def normalize_name(name: str) -> str:
    """Lowercase, no accents, no gender markers ("(a)", "/a", "(o)"), no articles
    (el, la, los, las), no punctuation, doubled words said once, single spaces:
    "Secretario (a) de la Dirección de Gobierno Gobierno Digital" →
    "secretario de direccion de gobierno digital"."""
    return " ".join(_words(name))


def same_spelling(a: str, b: str) -> bool:
    """Equal but for case, accents, gender markers, articles and punctuation (a doubled
    word is a different spelling here)."""
    return _words(a, collapse_doubles=False) == _words(b, collapse_doubles=False)


def key_words(name: str) -> tuple[str, ...]:
    """Content words of a name with person forms folded into unit forms:
    "Jefe (a) de Sistemas Institucionales" → ("jefatura", "sistemas", "institucionales")."""
    return tuple(
        _UNIT_FORM.get(w, w) for w in _words(name) if w not in _STOPWORDS and not w.isdigit()
    )


def is_person_form(name: str) -> bool:
    """Whether a name starts with a person ("Jefe de…", "Directora…"), not a unit."""
    words = _words(name)
    return bool(words) and words[0] in _UNIT_FORM


def is_not_applicable(text: str) -> bool:
    return not text.strip() or bool(_NOT_APPLICABLE.match(strip_accents(text)))


def _approximately(written: tuple[str, ...], candidate: tuple[str, ...]) -> bool:
    """One word left out ("Coordinación de Evaluación y Seguimiento" for "…de Evaluación
    Regulatoria y Seguimiento") or one word misspelt or changed for a close one
    ("Soporte Técnico" for "Soporte Tecnológico"), in names of three words or more that
    start with the same word."""
    if len(written) < 3 or not candidate or written[0] != candidate[0]:
        return False
    w, c = set(written), set(candidate)
    if w < c and len(c - w) == 1:
        return True
    if len(w) == len(c) and len(w - c) == 1:
        (a,), (b,) = w - c, c - w
        return SequenceMatcher(None, a, b).ratio() >= 0.75
    return False


@dataclass(frozen=True)
class NameMatch:
    """What a written name resolved to: one target, or the equally good candidates."""

    candidates: tuple[str, ...]
    level: Level

    @property
    def target(self) -> str | None:
        return self.candidates[0] if len(self.candidates) == 1 else None


@dataclass(frozen=True)
class _Entry:
    target: str
    name: str
    normal: str
    words: tuple[str, ...]


class NameIndex:
    """Names pointing at targets (unit or position numbers), searched by likeness."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self._cache: dict[tuple[str, str], list[str]] = {}
        self._entries = [
            _Entry(target, name, normalize_name(name), key_words(name))
            for target, name in entries
            if name.strip() and not is_not_applicable(name)
        ]

    def names_of(self, target: str) -> list[str]:
        return [e.name for e in self._entries if e.target == target]

    def resolve(
        self,
        name: str,
        prefer: Callable[[str], bool] | None = None,
        exclude: str | None = None,
    ) -> NameMatch | None:
        """Exact (normalized) name, then the same words in any order, then
        ``_approximately``. Among several candidates of the first step that finds
        any, ``prefer`` may single one out; otherwise all are returned, unresolved."""
        if is_not_applicable(name):
            return None
        for level in ("exact", "words", "approximate"):
            found = [t for t in self._matches(name, level) if t != exclude]
            if found:
                return _narrow(found, level, prefer)
        return None

    def _matches(self, name: str, level: Level) -> list[str]:
        """Targets whose names match ``name`` at ``level``, computed once."""
        key = (name, level)
        if key not in self._cache:
            normal, words = normalize_name(name), key_words(name)
            ordered = sorted(words)
            tests: dict[str, Callable[[_Entry], bool]] = {
                "exact": lambda e: e.normal == normal,
                "words": lambda e: bool(words) and sorted(e.words) == ordered,
                "approximate": lambda e: _approximately(words, e.words),
            }
            test = tests[level]
            self._cache[key] = list(dict.fromkeys(e.target for e in self._entries if test(e)))
        return self._cache[key]


def _narrow(found: list[str], level: Level, prefer: Callable[[str], bool] | None) -> NameMatch:
    if len(found) > 1 and prefer is not None:
        preferred = [t for t in found if prefer(t)]
        if len(preferred) == 1:
            return NameMatch((preferred[0],), level)
    return NameMatch(tuple(found), level)


def split_names(text: str) -> tuple[str, ...]:
    """A "Puestos que le reportan" list as its names, as written: split at commas and
    semicolons, and at "y"/"e" only where a new post name starts ("Analista de Consejo y
    Seguimiento a Acuerdos y Analista de Gobierno" → two names)."""
    if is_not_applicable(text):
        return ()
    names: list[str] = []
    for chunk in re.split(r"\s*[,;]\s*", text):
        names.extend(_split_conjunctions(chunk))
    cleaned = (re.sub(r"\s+", " ", n).strip(" .") for n in names)
    return tuple(n for n in cleaned if n and not is_not_applicable(n))


def _split_conjunctions(chunk: str) -> list[str]:
    pieces = re.split(r"\s+(y|e)\s+", chunk)
    out = [pieces[0]]
    for conjunction, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        if _starts_like_a_post(piece):
            out.append(piece)
        else:
            out[-1] = f"{out[-1]} {conjunction} {piece}"
    return out


def _starts_like_a_post(text: str) -> bool:
    words = [w for w in _words(text, collapse_doubles=False) if not w.isdigit()]
    return bool(words) and words[0].startswith(_ROLE_STARTS)


def role_names(org: Organization | Manual | None) -> set[str]:
    """Every name the organization gives a post: position titles, nominal names, unit
    names and all their aliases, as written. Compare them through ``normalize_name``.
    Accepts the ``Organization`` or the organization ``Manual`` itself."""
    if isinstance(org, Manual):
        org = org.organization
    if org is None:
        return set()
    names: set[str] = set()
    for unit in org.units:
        names.update((unit.name, *unit.aliases))
    for position in org.positions:
        names.update((position.title, position.nominal, *position.aliases))
    return {n for n in names if n.strip() and not is_not_applicable(n)}
