"""``package_search``: free text (``q``), filter queries (``fq``: ``field:value`` terms,
quoted values, ``-`` to exclude), paging (``rows``, ``start``), ``sort`` and facet counts
(``facet.field``), over the published datasets."""

from __future__ import annotations

import re
import shlex
from collections import Counter
from typing import Any

from folio.manuals.cleaning import fold
from web.opendata.api.errors import search_query_error
from web.opendata.api.packages import package_dict
from web.opendata.api.params import integer, string_list
from web.opendata.models import Theme
from web.opendata.queries import public_datasets

#: fq and facet fields, and how each reads a package dictionary.
FIELDS = {
    "organization": lambda p: [p["organization"]["name"]],
    "groups": lambda p: [g["name"] for g in p["groups"]],
    "tags": lambda p: [t["name"] for t in p["tags"]],
    "res_format": lambda p: sorted({r["format"] for r in p["resources"]}),
    "license_id": lambda p: [p["license_id"]],
    "frequency": lambda p: [p["frequency"]],
    "name": lambda p: [p["name"]],
    "id": lambda p: [p["id"]],
}
SORTS = {
    "name": lambda p: p["name"],
    "title_string": lambda p: fold(p["title"]),
    "metadata_modified": lambda p: p["metadata_modified"],
    "metadata_created": lambda p: p["metadata_created"],
    "num_resources": lambda p: p["num_resources"],
    "score": lambda p: 0,
}
DEFAULT_SORT = "score desc, metadata_modified desc"


def package_search(params: dict[str, Any], base: str) -> dict[str, Any]:
    rows = integer(params, "rows", 10, 0, 1000)
    start = integer(params, "start", 0)
    q = str(params.get("q") or "").strip()
    fq = str(params.get("fq") or "").strip()
    sort = str(params.get("sort") or DEFAULT_SORT)
    facet_fields = string_list(params, "facet.field")
    facet_limit = integer(params, "facet.limit", 50, -1)
    terms, q_filters = _split_q(q)
    filters = q_filters + _parse_fq(fq)
    for name in facet_fields:
        if name not in FIELDS:
            raise search_query_error(f"Unknown facet field: {name}")
    packages = [package_dict(d, base) for d in _matching(terms)]
    packages = [p for p in packages if all(_passes(p, f) for f in filters)]
    packages = _sorted(packages, sort)
    facets = {name: _count(packages, name, facet_limit) for name in facet_fields}
    labels = {p["organization"]["name"]: p["organization"]["title"] for p in packages}
    labels |= {t.value: str(t.label) for t in Theme}
    return {
        "count": len(packages),
        "sort": sort,
        "results": packages[start : start + rows],
        "facets": facets,
        "search_facets": {
            name: _search_facet(name, counts, labels) for name, counts in facets.items()
        },
    }


def _matching(terms: list[str]) -> list[Any]:
    found = public_datasets()
    for term in terms:
        found = found.filter(search_text__contains=fold(term))
    return list(found)


def _split_q(q: str) -> tuple[list[str], list[tuple[str, str, bool]]]:
    """Free-text words of ``q``, and any ``field:value`` terms in it."""
    if q in ("", "*:*", "*"):
        return [], []
    terms, filters = [], []
    for token in _tokens(q):
        if re.match(r"^-?\w+:", token) and token.lstrip("-").split(":", 1)[0] in FIELDS:
            filters.append(_term(token))
        elif token.upper() not in ("AND", "OR") and token:
            terms.append(token.strip("*"))
    return [t for t in terms if t], filters


def _parse_fq(fq: str) -> list[tuple[str, str, bool]]:
    filters = []
    for token in _tokens(fq):
        if token.upper() == "AND" or not token:
            continue
        if ":" not in token:
            raise search_query_error(f"Invalid filter query: {token}")
        filters.append(_term(token))
    return filters


def _tokens(text: str) -> list[str]:
    try:
        return shlex.split(text.replace("+", " "))
    except ValueError:
        raise search_query_error(f"Unbalanced quotes in: {text}") from None


def _term(token: str) -> tuple[str, str, bool]:
    negate = token.startswith("-")
    field, _, value = token.lstrip("-").partition(":")
    if field not in FIELDS:
        raise search_query_error(f"Unknown field in filter query: {field}")
    return field, value.strip('"'), negate


def _passes(package: dict[str, Any], term: tuple[str, str, bool]) -> bool:
    field, value, negate = term
    values = FIELDS[field](package)
    hit = value == "*" or any(fold(v) == fold(value) for v in values)
    return hit != negate


def _sorted(packages: list[dict[str, Any]], sort: str) -> list[dict[str, Any]]:
    keys = []
    for part in sort.split(","):
        words = part.split()
        if not words:
            continue
        name, direction = words[0], (words[1].lower() if len(words) > 1 else "asc")
        if name not in SORTS or direction not in ("asc", "desc"):
            raise search_query_error(f"Can not sort by: {part.strip()}")
        keys.append((name, direction))
    for name, direction in reversed(keys):
        packages.sort(key=SORTS[name], reverse=direction == "desc")
    return packages


def _count(packages: list[dict[str, Any]], field: str, limit: int) -> dict[str, int]:
    counts = Counter(v for p in packages for v in FIELDS[field](p))
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if limit >= 0:
        ordered = ordered[:limit]
    return dict(ordered)


def _search_facet(field: str, counts: dict[str, int], labels: dict[str, str]) -> dict[str, Any]:
    if field not in ("groups", "organization"):
        labels = {}
    items = [
        {"name": name, "display_name": labels.get(name, name), "count": count}
        for name, count in counts.items()
    ]
    return {"title": field, "items": items}
