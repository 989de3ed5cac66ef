"""Splitting a Responsable cell into atomic roles.

"Director/a de Gobierno Electrónico o Mesa de servicio" is two roles; "Jefe/a de
Departamento de Administración de Infraestructura y/o Soporte Técnico" is two full role
names with an elided shared prefix; "Dependencias y Entidades Municipales" is one role;
"Enlaces (datos abiertos y seguridad)" is two.
"""

from __future__ import annotations

import re

from folio.manuals.cleaning import fold, plain

#: First words that start a role or unit name (folded, singular and plural).
ROLE_HEADS = frozenset(
    [
        "director",
        "directora",
        "direccion",
        "subdirector",
        "subdirectora",
        "subdireccion",
        "jefe",
        "jefa",
        "jefatura",
        "analista",
        "coordinador",
        "coordinadora",
        "coordinacion",
        "enlace",
        "enlaces",
        "servidor",
        "servidora",
        "persona",
        "titular",
        "usuario",
        "usuaria",
        "mesa",
        "departamento",
        "secretario",
        "secretaria",
        "regidor",
        "regidora",
        "contraloria",
        "contralor",
        "area",
        "solicitante",
        "proveedor",
        "prestador",
        "aseguradora",
        "operador",
        "operadora",
        "auxiliar",
        "encargado",
        "encargada",
        "unidad",
        "dependencia",
        "ciudadano",
        "ciudadana",
        "consultivo",
        "docente",
        "estudiante",
        "aspirante",
        "comite",
        "presidente",
        "presidenta",
        "tesoreria",
        "sindicatura",
        "cabildo",
        "especialista",
        "tecnico",
        "tecnica",
        "administrador",
        "administradora",
        "delegado",
        "delegada",
        "supervisor",
        "supervisora",
        "asistente",
        "gerente",
        "oficialia",
        "instituto",
        "direcciones",
        "departamentos",
    ]
)
_ORG_NOUNS = frozenset(
    [
        "departamento",
        "direccion",
        "subdireccion",
        "coordinacion",
        "jefatura",
        "unidad",
        "area",
        "secretaria",
    ]
)
_ARTICLES = frozenset({"el", "la", "los", "las", "el/la", "la/el"})
_SEP = re.compile(r"\s*,\s*|\s+y/o\s+|\s+o\s+|\s+y\s+")
_PAREN_LIST = re.compile(r"^(?P<head>\w+s)\s*\((?P<items>[^)]*(?:,| y | o )[^)]*)\)$")


def split_roles(cell: str) -> tuple[str, ...]:
    """Atomic role names of a Responsable cell, as written (trimmed, no markup)."""
    text = plain(cell).strip(" .;:")
    if not text:
        return ()
    distributed = _distribute_parenthesis(text)
    if distributed:
        return distributed
    parts: list[str] = []
    rest = text
    while True:
        split = _next_split(rest)
        if split is None:
            parts.append(rest)
            break
        left, sep, right = split
        parts.append(left)
        rest = right if _starts_role(right) or not parts else _expand_elision(left, right, sep)
    return tuple(p.strip(" .") for p in parts if p.strip(" ."))


def _next_split(text: str) -> tuple[str, str, str] | None:
    """The first separator whose left side is a whole role and whose right side is a
    role or an elided complement ("… Infraestructura y/o Soporte Técnico")."""
    for m in _SEP.finditer(text):
        left, right = text[: m.start()], text[m.end() :]
        if _inside_parenthesis(text, m.start()) or _is_article(left):
            continue
        sep = m.group(0).strip()
        if _starts_role(right) or (sep != "y" and _elision_prefix(left)):
            return left, sep, right
        # "Subdirector/a de Infraestructura Tecnológica y Sistemas" is two posts, but
        # "Departamento de Comunicación y Difusión" is one unit's name.
        head = fold(left.split()[0]).split("/")[0] if left.split() else ""
        single = len(right.split()) == 1
        if sep == "y" and single and head not in _ORG_NOUNS and _elision_prefix(left):
            return left, sep, right
    return None


def _expand_elision(left: str, right: str, sep: str) -> str:
    prefix = _elision_prefix(left)
    return f"{prefix}{right}" if prefix else right


def _elision_prefix(left: str) -> str:
    """ "Jefe/a de Departamento de Administración…" → "Jefe/a de Departamento de "."""
    words = left.split()
    if not words or fold(words[0]).split("/")[0] not in ROLE_HEADS:
        return ""
    for m in re.finditer(r"\s(?:de|del)\s+(?:la\s+|las\s+|los\s+)?", left):
        following = left[m.end() :].split()
        if following and fold(following[0]) not in _ORG_NOUNS:
            return left[: m.end()]
    return ""


def _starts_role(text: str) -> bool:
    words = text.strip().split()
    if not words:
        return False
    first = fold(words[0]).split("/")[0].strip("(")
    if first in _ARTICLES and len(words) > 1:
        first = fold(words[1]).split("/")[0]
    return first in ROLE_HEADS or (first in {"el", "la"} and len(words) > 2)


def _is_article(text: str) -> bool:
    return fold(text.strip()) in _ARTICLES


def _inside_parenthesis(text: str, pos: int) -> bool:
    return text.count("(", 0, pos) > text.count(")", 0, pos)


def _distribute_parenthesis(text: str) -> tuple[str, ...]:
    """ "Enlaces (datos abiertos y seguridad)" → Enlace de Datos Abiertos, Enlace de
    Seguridad."""
    m = _PAREN_LIST.match(text)
    if not m or fold(m.group("head")) not in ROLE_HEADS:
        return ()
    head = m.group("head")[:-1]
    items = [i.strip() for i in _SEP.split(m.group("items")) if i.strip()]
    return tuple(f"{head} de {_title(i)}" for i in items)


def _title(words: str) -> str:
    small = {"de", "del", "la", "las", "los", "y", "o", "e"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in words.split())


#: Words that make a role a party outside the office wherever they appear (folded).
_EXTERNAL_WORDS = frozenset(
    [
        "solicitante",
        "proveedor",
        "proveedora",
        "proveedores",
        "prestador",
        "prestadora",
        "aseguradora",
    ]
)
#: First words of such roles ("Ciudadano", "Actores de la zona metropolitana",
#: "Dependencias y Entidades Municipales"); "Dirección de Atención Ciudadana" is internal.
_EXTERNAL_HEADS = frozenset(
    [
        "ciudadano",
        "ciudadana",
        "ciudadanos",
        "ciudadania",
        "particular",
        "contribuyente",
        "actores",
        "dependencias",
        "aspirante",
        "estudiante",
    ]
)


def is_external_role(name: str) -> bool:
    """Whether a responsible is outside the office that owns the procedure: its steps
    are recorded by an internal user on its behalf, and diagrams mark its lane."""
    words = re.findall(r"[a-zñ]+", fold(name))
    words = [w for w in words if w not in {"el", "la", "o", "a"}]
    if not words:
        return False
    return words[0] in _EXTERNAL_HEADS or any(w in _EXTERNAL_WORDS for w in words)
