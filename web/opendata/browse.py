"""What the catalogue page needs beyond the search: facet links that add or remove a
filter, and a dataset's preview rows."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from web.opendata.models import DataRow, Resource

#: Facets of the catalogue page, and their titles.
FACETS = {
    "groups": _("Theme"),
    "organization": _("Unit"),
    "res_format": _("Format"),
    "tags": _("Keywords"),
}
PREVIEW_ROWS = 10


def chosen_filters(query: QueryDict) -> list[tuple[str, str]]:
    return [(field, value) for field in FACETS for value in query.getlist(field) if value]


def facet_links(
    search_facets: dict[str, Any], q: str, chosen: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Each facet with its values: count, whether chosen, and the link that toggles it."""
    facets = []
    for field, title in FACETS.items():
        items = []
        for item in search_facets.get(field, {}).get("items", []):
            pair = (field, item["name"])
            on = pair in chosen
            kept = [p for p in chosen if p != pair] if on else [*chosen, pair]
            link = "?" + urlencode([("q", q)] * bool(q) + kept)
            items.append({**item, "on": on, "link": link})
        if items:
            facets.append({"field": field, "title": title, "items": items})
    return facets


def preview(resource: Resource) -> tuple[list[str], list[list[Any]]]:
    """The dictionary's field names and the first rows of the current version."""
    names = [f["name"] for f in resource.schema.get("fields", [])]
    rows = DataRow.objects.filter(resource=resource).order_by("number")[:PREVIEW_ROWS]
    return names, [[row.data.get(n) for n in names] for row in rows]
