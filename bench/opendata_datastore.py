"""``datastore_search`` paging through a 100,000-row resource (the issue's target), and
the same pages read by parsing the resource's CSV file per request (the baseline the
indexed ``DataRow`` table replaces); prints both and their ratio.

Fills a fresh SQLite database in a temporary folder: one published dataset with a
100,000-row resource, inserted in bulk (``replace_rows``). Not part of the test suite
(``web/opendata/tests/test_datastore_paging.py`` runs the same with 10,000 rows).

    nice .venv/bin/python bench/opendata_datastore.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def setup(data: Path) -> None:
    os.environ["FOLIO_VAR"] = str(data)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "web.settings")
    os.environ.pop("DATABASE_URL", None)
    os.environ["SQLITE_PATH"] = str(data / "opendata.sqlite3")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(rows: int) -> tuple[str, bytes]:
    from django.utils import timezone

    from web.accounts.models import Unit
    from web.opendata.actions.resources import replace_rows
    from web.opendata.models import Dataset, Resource, ResourceVersion

    unit = Unit.objects.create(name="Tesorería Municipal")
    dataset = Dataset.objects.create(
        name="pagos",
        title="Pagos",
        description="Prueba de carga.",
        unit=unit,
        theme="finanzas",
        frequency="mensual",
        published_at=timezone.now(),
    )
    schema = {
        "fields": [
            {"name": "folio", "type": "integer", "description": "Número."},
            {"name": "colonia", "type": "string", "description": "Colonia."},
            {"name": "monto", "type": "number", "description": "Monto.", "unit": "pesos"},
        ]
    }
    resource = Resource.objects.create(dataset=dataset, name="Pagos", format="CSV", schema=schema)
    ResourceVersion.objects.create(resource=resource, number=1, file="x.csv", sha256="0" * 64)
    colonias = ("Centro", "La Loma", "San Miguel", "El Carmen")
    data = [{"folio": n, "colonia": colonias[n % 4], "monto": n / 4} for n in range(1, rows + 1)]
    start = time.perf_counter()
    replace_rows(resource, data)
    print(f"bulk insert of {rows:,} rows: {time.perf_counter() - start:.1f} s")
    out = io.StringIO()
    writer = csv.DictWriter(out, ["folio", "colonia", "monto"])
    writer.writeheader()
    writer.writerows(data)
    return str(resource.pk), out.getvalue().encode()


def page_through(resource_id: str, rows: int, limit: int) -> list[float]:
    from django.test import Client

    client, times, offset = Client(), [], 0
    while offset < rows:
        start = time.perf_counter()
        body = client.get(
            "/api/3/action/datastore_search",
            {"resource_id": resource_id, "limit": limit, "offset": offset},
        ).json()
        times.append(time.perf_counter() - start)
        assert body["result"]["records"][0]["_id"] == offset + 1
        offset += limit
    return times


def parse_per_request(content: bytes, rows: int, limit: int) -> list[float]:
    """The baseline: every page re-reads the whole CSV and slices it."""
    times, offset = [], 0
    while offset < rows:
        start = time.perf_counter()
        reader = csv.DictReader(io.StringIO(content.decode()))
        page = [r for i, r in enumerate(reader) if offset <= i < offset + limit]
        times.append(time.perf_counter() - start)
        assert page
        offset += limit
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    with tempfile.TemporaryDirectory() as tmp:
        setup(Path(tmp))
        resource_id, content = build(args.rows)
        indexed = page_through(resource_id, args.rows, args.limit)
        parsed = parse_per_request(content, args.rows, args.limit)
    pages = len(indexed)
    med_i, med_p = statistics.median(indexed), statistics.median(parsed)
    print(
        f"{pages} pages of {args.limit} rows through datastore_search: total {sum(indexed):.2f} s, "
        f"median {med_i * 1000:.0f} ms, slowest {max(indexed) * 1000:.0f} ms"
    )
    print(
        f"baseline, CSV parsed per request: total {sum(parsed):.2f} s, median {med_p * 1000:.0f} ms"
    )
    print(f"ratio baseline ÷ datastore (median page): {med_p / med_i:.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
