from __future__ import annotations

import io
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest
from django.contrib.auth.models import User

from web.opendata.actions import add_resource, add_resource_version
from web.opendata.models import DataRow, Dataset, Format, Resource, ResourceVersion
from web.opendata.tables import InvalidResource
from web.opendata.tests.conftest import SCHEMA


def test_it_stores_a_csv_with_its_rows(requested: Dataset) -> None:
    resource = requested.resources.get()
    version = resource.current()
    assert version is not None and version.number == 1 and version.row_count == 2
    rows = list(DataRow.objects.filter(resource=resource).values_list("data", flat=True))
    assert rows[0] == {"colonia": "Centro", "mes": "2026-10", "reportes": 14, "promedio": 2.5}


def test_it_names_the_row_and_field_of_a_bad_value_and_saves_nothing(
    requested: Dataset, bruno: User, settings: object
) -> None:
    bad = b"colonia,mes,reportes,promedio\nCentro,2026-10,14,2.5\nLa Loma,octubre,seis,3\n"
    with pytest.raises(InvalidResource) as err:
        add_resource(
            requested,
            bruno,
            name="Malo",
            fmt=Format.CSV,
            schema=SCHEMA,
            filename="malo.csv",
            content=bad,
        )
    assert "malo.csv, fila 3, campo «mes»" in err.value.errors[0]
    assert any("fila 3, campo «reportes»" in e for e in err.value.errors)
    assert Resource.objects.count() == 1 and ResourceVersion.objects.count() == 1
    media = Path(settings.MEDIA_ROOT)  # type: ignore[attr-defined]
    assert len(list(media.rglob("*.csv"))) == 1


def test_it_refuses_a_dictionary_without_descriptions(requested: Dataset, bruno: User) -> None:
    schema = {"fields": [{"name": "colonia", "type": "string"}]}
    with pytest.raises(InvalidResource, match="campo 1 \\(colonia\\): no tiene descripción"):
        add_resource(
            requested,
            bruno,
            name="x",
            fmt=Format.CSV,
            schema=schema,
            filename="x.csv",
            content=b"colonia\nCentro\n",
        )


def test_it_reads_json_geojson_and_xlsx(requested: Dataset, bruno: User) -> None:
    json_rows = b'[{"colonia":"Centro","mes":"2026-10","reportes":1,"promedio":1.5}]'
    add_resource(
        requested,
        bruno,
        name="J",
        fmt=Format.JSON,
        schema=SCHEMA,
        filename="a.json",
        content=json_rows,
    )
    geo = (
        b'{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,'
        b'"properties":{"colonia":"Centro","mes":"2026-11","reportes":2,"promedio":2}}]}'
    )
    add_resource(
        requested,
        bruno,
        name="G",
        fmt=Format.GEOJSON,
        schema=SCHEMA,
        filename="a.geojson",
        content=geo,
    )
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["colonia", "mes", "reportes", "promedio"])
    sheet.append(["Centro", "2026-12", 3, 0.5])
    out = io.BytesIO()
    book.save(out)
    add_resource(
        requested,
        bruno,
        name="X",
        fmt=Format.XLSX,
        schema=SCHEMA,
        filename="a.xlsx",
        content=out.getvalue(),
    )
    counts = [r.current().row_count for r in requested.resources.order_by("position")]  # type: ignore[union-attr]
    assert counts == [2, 1, 1, 1]


def test_a_json_key_outside_the_dictionary_is_named(requested: Dataset, bruno: User) -> None:
    rows = b'[{"colonia":"Centro","mes":"2026-10","reportes":1,"promedio":1,"correo":"x"}]'
    with pytest.raises(InvalidResource, match="a.json, fila 1, campo «correo»"):
        add_resource(
            requested,
            bruno,
            name="J",
            fmt=Format.JSON,
            schema=SCHEMA,
            filename="a.json",
            content=rows,
        )


def test_a_new_version_replaces_the_rows_and_keeps_the_old_file(
    requested: Dataset, bruno: User
) -> None:
    resource = requested.resources.get()
    content = b"colonia,mes,reportes,promedio\nCentro,2026-11,3,1.0\n"
    version = add_resource_version(
        resource, bruno, filename="nov.csv", content=content, note="Noviembre"
    )
    assert version.number == 2
    assert DataRow.objects.filter(resource=resource).count() == 1
    assert [v.number for v in resource.versions.all()] == [2, 1]
    assert resource.versions.get(number=1).file.read().startswith(b"colonia")


def test_only_the_units_people_change_resources(requested: Dataset, gabriela: User) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        add_resource_version(requested.resources.get(), gabriela, filename="a.csv", content=b"x")
