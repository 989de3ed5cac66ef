"""Data that apps offer for publication, without the open-data app importing them.

Dependencies point one way (accounts ← catalog ← cases ← indicators, citizens, opendata):
the apps that make data worth publishing (indicators, citizens) register a ``DataSource``
here in their ``AppConfig.ready()``; ``web.opendata`` reads the registry to build its
generated datasets. Nothing here imports an app.

A source's rows must never hold personal data: the registering app is responsible for
leaving out names, contacts and exact locations, and the open-data app scans every row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]


@dataclass(frozen=True)
class DataSource:
    """One table an app can publish.

    ``schema`` is a Frictionless Table Schema (``{"fields": [{"name", "type",
    "description", ...}], "primaryKey": ...}``); ``rows`` yields dictionaries keyed by
    those field names, computed from the database when called.
    """

    slug: str
    title: str
    description: str
    schema: dict[str, Any]
    rows: Callable[[], Iterable[Row]]
    keywords: tuple[str, ...] = ()
    theme: str = ""
    frequency: str = "mensual"
    extra: dict[str, Any] = field(default_factory=dict)


_sources: dict[str, DataSource] = {}


def register_source(source: DataSource) -> None:
    """Add ``source``; registering the same slug again replaces it (``ready()`` may run
    more than once in tests)."""
    _sources[source.slug] = source


def registered_sources() -> list[DataSource]:
    return [_sources[slug] for slug in sorted(_sources)]


def source(slug: str) -> DataSource:
    try:
        return _sources[slug]
    except KeyError:
        raise KeyError(f"no data source is registered as {slug!r}") from None
