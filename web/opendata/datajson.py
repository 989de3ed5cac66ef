"""``/data.json``: the catalogue in the DCAT-US 1.1 (Project Open Data) schema that many
harvesters read."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse

from web.opendata.api.packages import LICENCE_URLS, MIMETYPES
from web.opendata.models import Dataset, Frequency, Licence
from web.opendata.queries import public_datasets

#: ISO 8601 repeating durations DCAT-US asks for ``accrualPeriodicity``.
PERIODICITY = {
    Frequency.DAILY: "R/P1D",
    Frequency.WEEKLY: "R/P1W",
    Frequency.FORTNIGHTLY: "R/P2W",
    Frequency.MONTHLY: "R/P1M",
    Frequency.BIMONTHLY: "R/P2M",
    Frequency.QUARTERLY: "R/P3M",
    Frequency.SEMIANNUAL: "R/P6M",
    Frequency.ANNUAL: "R/P1Y",
    Frequency.IRREGULAR: "irregular",
}


def data_json(base: str) -> dict[str, Any]:
    return {
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@type": "dcat:Catalog",
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
        "dataset": [_dataset(d, base) for d in public_datasets().order_by("name")],
    }


def _dataset(dataset: Dataset, base: str) -> dict[str, Any]:
    page = base + reverse("opendata:dataset-detail", args=[dataset.name]).lstrip("/")
    found: dict[str, Any] = {
        "@type": "dcat:Dataset",
        "identifier": str(dataset.pk),
        "title": dataset.title,
        "description": dataset.description,
        "keyword": list(dataset.keywords) or [dataset.theme],
        "modified": dataset.updated_at.date().isoformat(),
        "issued": dataset.published_at.date().isoformat() if dataset.published_at else None,
        "publisher": {"@type": "org:Organization", "name": dataset.unit.name},
        "contactPoint": _contact(dataset),
        "accessLevel": "public",
        "license": LICENCE_URLS[Licence(dataset.licence)],
        "landingPage": page,
        "accrualPeriodicity": PERIODICITY[Frequency(dataset.frequency)],
        "theme": [dataset.get_theme_display()],
        "language": ["es-MX"],
        "distribution": [
            _distribution(r, base) for r in dataset.resources.all() if r.versions.all()
        ],
    }
    if dataset.spatial:
        found["spatial"] = dataset.spatial
    if dataset.coverage_start and dataset.coverage_end:
        found["temporal"] = f"{dataset.coverage_start}/{dataset.coverage_end}"
    return found


def _contact(dataset: Dataset) -> dict[str, str]:
    """The unit as contact; the portal's institutional mailbox when one is set
    (``FOLIO_OPENDATA_CONTACT_EMAIL``), never a person's address."""
    contact = {"@type": "vcard:Contact", "fn": dataset.unit.name}
    mailbox = getattr(settings, "FOLIO_OPENDATA_CONTACT_EMAIL", "")
    if mailbox:
        contact["hasEmail"] = f"mailto:{mailbox}"
    return contact


def _distribution(resource: Any, base: str) -> dict[str, Any]:
    url = base + reverse("opendata:resource-download", args=[resource.pk]).lstrip("/")
    return {
        "@type": "dcat:Distribution",
        "title": resource.name,
        "description": resource.description or resource.name,
        "downloadURL": url,
        "mediaType": MIMETYPES[resource.format],
        "format": resource.format,
    }
