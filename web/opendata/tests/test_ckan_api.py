from __future__ import annotations

import json
from typing import Any

from django.test import Client

from web.opendata.models import Dataset


def call(name: str, **params: Any) -> tuple[int, dict[str, Any]]:
    response = Client().get(f"/api/3/action/{name}", params)
    return response.status_code, response.json()


def post(name: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    response = Client().post(
        f"/api/3/action/{name}", json.dumps(body), content_type="application/json"
    )
    return response.status_code, response.json()


def test_it_answers_in_ckans_envelope(published: Dataset) -> None:
    status, body = call("package_list")
    assert status == 200
    assert body["success"] is True
    assert body["help"].endswith("/api/3/action/help_show?name=package_list")
    assert body["result"] == [published.name]


def test_unpublished_datasets_are_not_found(requested: Dataset) -> None:
    assert call("package_list")[1]["result"] == []
    status, body = call("package_show", id=requested.name)
    assert status == 404
    assert body["success"] is False
    assert body["error"]["__type"] == "Not Found Error"


def test_package_show_by_name_or_id(published: Dataset) -> None:
    by_name = call("package_show", id=published.name)[1]["result"]
    by_id = post("package_show", {"id": str(published.pk)})[1]["result"]
    assert by_name == by_id
    assert by_name["organization"]["title"] == "Dirección de Gobierno Electrónico"
    assert by_name["groups"][0]["name"] == "infraestructura"
    assert [t["name"] for t in by_name["tags"]] == ["alumbrado", "colonias"]
    resource = by_name["resources"][0]
    assert resource["format"] == "CSV" and resource["datastore_active"] is True
    assert resource["url"].startswith("http://testserver/datos/recurso/")
    assert resource["schema"]["fields"][2]["unit"] == "reportes"


def test_a_missing_parameter_is_a_validation_error(published: Dataset) -> None:
    status, body = call("package_show")
    assert status == 409
    assert body["error"] == {"__type": "Validation Error", "id": ["Missing value"]}


def test_an_unknown_action_is_a_bad_request(db: None) -> None:
    status, body = call("package_create")
    assert status == 400 and body["success"] is False


def test_package_search_filters_sorts_and_counts_facets(published: Dataset) -> None:
    status, body = call(
        "package_search",
        q="alumbrado",
        fq='groups:infraestructura res_format:"CSV"',
        **{"facet.field": '["groups","tags","res_format"]'},
    )
    assert status == 200
    result = body["result"]
    assert result["count"] == 1
    assert result["facets"]["tags"] == {"alumbrado": 1, "colonias": 1}
    items = result["search_facets"]["groups"]["items"]
    assert items == [
        {
            "name": "infraestructura",
            "display_name": "Infraestructura y servicios públicos",
            "count": 1,
        }
    ]
    assert call("package_search", fq="groups:salud")[1]["result"]["count"] == 0
    assert call("package_search", q="inexistente")[1]["result"]["count"] == 0
    assert call("package_search", fq="-tags:alumbrado")[1]["result"]["count"] == 0


def test_package_search_pages_and_refuses_a_bad_sort(published: Dataset) -> None:
    page = call("package_search", rows=0, start=0)[1]["result"]
    assert page["count"] == 1 and page["results"] == []
    status, body = call("package_search", sort="color asc")
    assert status == 409 and body["error"]["__type"] == "Search Query Error"
    status, body = call("package_search", rows="diez")
    assert status == 409 and body["error"]["rows"] == ["Invalid integer"]


def test_organizations_groups_tags_and_status(published: Dataset) -> None:
    assert call("organization_list")[1]["result"] == ["direccion-de-gobierno-electronico"]
    org = call("organization_show", id="direccion-de-gobierno-electronico")[1]["result"]
    assert org["package_count"] == 1 and org["packages"][0]["name"] == published.name
    groups = call("group_list", all_fields="true")[1]["result"]
    assert {g["name"]: g["package_count"] for g in groups}["infraestructura"] == 1
    assert call("group_show", id="salud")[1]["result"]["packages"] == []
    assert call("group_show", id="nada")[0] == 404
    assert call("tag_list")[1]["result"] == ["alumbrado", "colonias"]
    assert call("status_show")[1]["result"]["extensions"] == ["datastore"]
    assert call("site_read")[1]["result"] is True


def test_resource_show(published: Dataset) -> None:
    resource = published.resources.get()
    found = call("resource_show", id=str(resource.pk))[1]["result"]
    assert found["name"] == "Reportes (CSV)" and found["package_id"] == str(published.pk)
    assert call("resource_show", id="no-es-uuid")[0] == 404


def test_datastore_search_filters_searches_and_sorts(published: Dataset) -> None:
    rid = str(published.resources.get().pk)
    body = call("datastore_search", resource_id=rid)[1]["result"]
    assert body["total"] == 2
    assert [f["id"] for f in body["fields"]] == ["_id", "colonia", "mes", "reportes", "promedio"]
    assert body["records"][0] == {
        "_id": 1,
        "colonia": "Centro",
        "mes": "2026-10",
        "reportes": 14,
        "promedio": 2.5,
    }
    one = call("datastore_search", resource_id=rid, filters='{"colonia": "La Loma"}')[1]["result"]
    assert [r["_id"] for r in one["records"]] == [2] and one["total"] == 1
    by_number = post("datastore_search", {"resource_id": rid, "filters": {"reportes": [6, 7]}})
    assert by_number[1]["result"]["total"] == 1
    assert call("datastore_search", resource_id=rid, q="loma")[1]["result"]["total"] == 1
    ordered = call("datastore_search", resource_id=rid, sort="reportes asc", fields="colonia")
    assert ordered[1]["result"]["records"] == [
        {"_id": 2, "colonia": "La Loma"},
        {"_id": 1, "colonia": "Centro"},
    ]
    bad = call("datastore_search", resource_id=rid, filters='{"correo": "x"}')
    assert bad[0] == 409 and bad[1]["error"]["__type"] == "Validation Error"
    assert call("datastore_search", resource_id="00000000-0000-0000-0000-000000000000")[0] == 404


def test_package_search_costs_the_same_queries_for_more_datasets(
    published: Dataset, django_assert_max_num_queries: Any, bruno: Any, carla: Any, alicia: Any
) -> None:
    from web.opendata.actions import add_resource, publish_dataset, request_dataset
    from web.opendata.review import approve_review
    from web.opendata.tests.conftest import CSV, SCHEMA, fields

    with django_assert_max_num_queries(6):
        call("package_search", **{"facet.field": '["groups","organization"]'})
    for n in range(3):
        dataset = request_dataset(fields(published.unit, title=f"Otro {n}"), bruno)
        add_resource(
            dataset, bruno, name="R", fmt="CSV", schema=SCHEMA, filename="r.csv", content=CSV
        )
        approve_review(dataset, carla)
        publish_dataset(dataset, alicia)
    with django_assert_max_num_queries(6):
        assert call("package_search")[1]["result"]["count"] == 4
