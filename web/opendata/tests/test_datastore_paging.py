"""``datastore_search`` pages through a large resource: the rows are in an indexed table
(built here with one bulk insert), never parsed from the file per request. 10,000 rows
here; ``bench/opendata_datastore.py`` runs the issue's 100,000."""

from __future__ import annotations

import time

from django.contrib.auth.models import User
from django.test import Client

from web.opendata.actions.resources import replace_rows
from web.opendata.models import Dataset, Resource, ResourceVersion

ROWS = 10_000
SCHEMA = {
    "fields": [
        {"name": "folio", "type": "integer", "description": "Número de fila."},
        {"name": "colonia", "type": "string", "description": "Colonia."},
        {"name": "monto", "type": "number", "description": "Monto.", "unit": "pesos"},
    ]
}


def big_resource(dataset: Dataset) -> Resource:
    resource = Resource.objects.create(dataset=dataset, name="Grande", format="CSV", schema=SCHEMA)
    ResourceVersion.objects.create(
        resource=resource, number=1, file="x.csv", sha256="0" * 64, row_count=ROWS
    )
    colonias = ("Centro", "La Loma", "San Miguel", "El Carmen")
    rows = [{"folio": n, "colonia": colonias[n % 4], "monto": n / 4} for n in range(1, ROWS + 1)]
    replace_rows(resource, rows)
    return resource


def test_it_pages_through_10000_rows(published: Dataset, alicia: User) -> None:
    start = time.perf_counter()
    resource = big_resource(published)
    built = time.perf_counter() - start
    client = Client()
    url = "/api/3/action/datastore_search"
    rid: str = str(resource.pk)
    # page through the whole resource, 3,000 rows at a time
    seen, offset, slowest = 0, 0, 0.0
    while True:
        t = time.perf_counter()
        body = client.get(url, {"resource_id": rid, "limit": "3000", "offset": str(offset)}).json()
        slowest = max(slowest, time.perf_counter() - t)
        records = body["result"]["records"]
        if not records:
            break
        assert records[0]["_id"] == offset + 1
        seen += len(records)
        offset += len(records)
    assert seen == ROWS and body["result"]["total"] == ROWS
    # a page deep in the resource, and a filter over all of it
    t = time.perf_counter()
    deep = client.get(url, {"resource_id": rid, "limit": "100", "offset": str(ROWS - 100)}).json()
    deep_page = time.perf_counter() - t
    assert deep["result"]["records"][-1] == {
        "_id": ROWS,
        "folio": ROWS,
        "colonia": "Centro",
        "monto": ROWS / 4,
    }
    loma = client.get(
        url, {"resource_id": rid, "filters": '{"colonia": "La Loma"}', "limit": "5"}
    ).json()
    assert loma["result"]["total"] == ROWS // 4
    print(
        f"\n{ROWS} rows: built in {built:.1f} s; pages <= {slowest:.2f} s; last {deep_page:.3f} s"
    )
    assert deep_page < 2.0
