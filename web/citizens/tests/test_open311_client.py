"""An HTTP client Folio did not write (``requests``), following GeoReport v2 exactly,
against the live server on 127.0.0.1: every response validates against the JSON Schemas
and the XSD written from the spec, and each error case of the spec is answered."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import requests
from django.utils import timezone

from web.cases.models import Case
from web.citizens.models import Report, Reporter, ServiceType
from web.citizens.tests.spec_check import check

pytestmark = pytest.mark.django_db(transaction=True)

NEW = {
    "service_code": "luminaria-apagada",
    "lat": "19.043210",
    "long": "-98.198765",
    "description": "Tres lámparas apagadas frente al mercado",
    "attribute[lamparas]": "varias",
    "attribute[poste]": "P-118",
    "email": "vecina.reportante@example.net",
    "first_name": "Rosalba",
    "last_name": "Quintanilla",
    "phone": "2225550199",
}


@pytest.fixture
def api(live_server: Any) -> str:
    return f"{live_server.url}/open311/v2"


def post(api: str, fmt: str, **data: str) -> requests.Response:
    return requests.post(f"{api}/requests.{fmt}", data=data, timeout=30)


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_a_report_goes_through_every_endpoint(
    api: str, live_server: Any, luminaria: ServiceType, app_key: str, fmt: str
) -> None:
    found = requests.get(f"{live_server.url}/open311/discovery.{fmt}", timeout=30)
    check(found, "discovery", fmt)
    listed = requests.get(f"{api}/services.{fmt}", timeout=30)
    services = check(listed, "services", fmt)
    defined = requests.get(f"{api}/services/luminaria-apagada.{fmt}", timeout=30)
    definition = check(defined, "definition", fmt)
    made = post(api, fmt, api_key=app_key, **NEW)
    assert made.status_code == 201, made.text
    answer = check(made, "post", fmt)
    if fmt == "json":
        assert services[0]["service_code"] == "luminaria-apagada" and services[0]["metadata"]
        assert [a["code"] for a in definition["attributes"]] == ["lamparas", "poste"]
        folio, token = answer[0]["service_request_id"], answer[0]["token"]
    else:
        assert services.findtext("service/service_code") == "luminaria-apagada"
        assert definition.findtext("attributes/attribute/datatype") == "singlevaluelist"
        folio, token = (
            answer.findtext("request/service_request_id"),
            answer.findtext("request/token"),
        )
    case = Case.objects.get(folio=folio)
    report = Report.objects.get(case=case)
    assert report.attributes == {"lamparas": "varias", "poste": "P-118"}
    assert Reporter.objects.get(case=case).email == "vecina.reportante@example.net"
    by_token = check(requests.get(f"{api}/tokens/{token}.{fmt}", timeout=30), "token", fmt)
    one = requests.get(f"{api}/requests/{folio}.{fmt}", params={"extensions": "true"}, timeout=30)
    body = check(one, "requests", fmt)
    if fmt == "json":
        assert by_token[0]["service_request_id"] == folio
        assert body[0]["status"] == "open" and body[0]["lat"] == pytest.approx(19.04321)
        assert body[0]["extended_attributes"]["state"] == "recibida"
        assert body[0]["requested_datetime"].endswith("-06:00")
    else:
        assert by_token.findtext("request/service_request_id") == folio
        assert body.findtext("request/extended_attributes/state") == "recibida"
    for secret in ("vecina.reportante", "Rosalba", "Quintanilla", "2225550199"):
        assert secret not in one.text


def test_get_requests_filters_and_pages(
    api: str, luminaria: ServiceType, bache: ServiceType, app_key: str
) -> None:
    folios = []
    for n in range(5):
        data = {**NEW, "service_code": "bache" if n % 2 else "luminaria-apagada"}
        data.pop("attribute[lamparas]") if n % 2 else None
        made = post(api, "json", api_key=app_key, **data)
        assert made.status_code == 201, made.text
        folios.append(made.json()[0]["service_request_id"])
    Case.objects.filter(folio=folios[0]).update(state="ended", ended_at=timezone.now())

    def get(**params: str) -> list[dict[str, Any]]:
        response = requests.get(f"{api}/requests.json", params=params, timeout=30)
        assert response.status_code == 200, response.text
        return check(response, "requests", "json")

    assert {r["service_request_id"] for r in get()} == set(folios)
    assert [
        r["service_request_id"] for r in get(service_request_id=f"{folios[1]},{folios[3]}")
    ] == [
        folios[3],
        folios[1],
    ]
    assert len(get(service_code="bache")) == 2
    assert len(get(service_code="bache,luminaria-apagada")) == 5
    assert [r["service_request_id"] for r in get(status="closed")] == [folios[0]]
    assert len(get(status="open")) == 4 and len(get(status="open,closed")) == 5
    now = timezone.localtime()
    assert len(get(start_date=(now - timedelta(days=1)).isoformat())) == 5
    assert get(start_date=(now + timedelta(days=1)).isoformat()) == []
    assert get(end_date=(now - timedelta(days=1)).isoformat()) == []
    first, second = get(page_size="2", page="1"), get(page_size="2", page="2")
    last = get(page_size="2", page="3")
    paged = [r["service_request_id"] for r in first + second + last]
    assert len(first) == 2 and len(last) == 1 and sorted(paged) == sorted(folios)
    xml = requests.get(f"{api}/requests.xml", params={"page_size": "2"}, timeout=30)
    assert len(check(xml, "requests", "xml").findall("request")) == 2


ERRORS = [
    # (method, path, params, expected status) — each error case of the spec.
    ("post", "requests", {"service_code": "luminaria-apagada", "lat": "19", "long": "-98"}, 403),
    ("post", "requests", {"api_key": "no-es-una-llave", "service_code": "bache"}, 403),
    ("post", "requests", {"api_key": "KEY", "lat": "19", "long": "-98"}, 400),
    (
        "post",
        "requests",
        {"api_key": "KEY", "service_code": "no-existe", "lat": "1", "long": "1"},
        404,
    ),
    ("post", "requests", {"api_key": "KEY", "service_code": "bache", "description": "x"}, 400),
    ("post", "requests", {"api_key": "KEY", "service_code": "bache", "lat": "19"}, 400),
    ("post", "requests", {"api_key": "KEY", "service_code": "bache", "lat": "x", "long": "1"}, 400),
    (
        "post",
        "requests",
        {"api_key": "KEY", "service_code": "bache", "lat": "95", "long": "1"},
        400,
    ),
    ("post", "requests", {**NEW, "api_key": "KEY", "attribute[lamparas]": ""}, 400),
    ("post", "requests", {**NEW, "api_key": "KEY", "attribute[lamparas]": "todas"}, 400),
    ("post", "requests", {**NEW, "api_key": "KEY", "jurisdiction_id": "otra.gob.mx"}, 404),
    ("get", "services", {"jurisdiction_id": "otra.gob.mx"}, 404),
    ("get", "services/no-existe", {}, 404),
    ("get", "requests/DAC-1999-999999", {}, 404),
    ("get", "tokens/no-existe", {}, 404),
    ("get", "requests", {"start_date": "ayer"}, 400),
    ("get", "requests", {"start_date": "2026-01-01T00:00:00"}, 400),
    (
        "get",
        "requests",
        {"start_date": "2026-01-01T00:00:00-06:00", "end_date": "2026-06-01T00:00:00-06:00"},
        400,
    ),
    (
        "get",
        "requests",
        {"start_date": "2026-02-01T00:00:00-06:00", "end_date": "2026-01-01T00:00:00-06:00"},
        400,
    ),
    ("get", "requests", {"status": "pendiente"}, 400),
    ("get", "requests", {"page_size": "5000"}, 400),
    ("get", "requests", {"page": "0"}, 400),
    ("get", "no-existe", {}, 404),
]


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_every_error_case_has_the_spec_body(
    api: str, luminaria: ServiceType, bache: ServiceType, app_key: str, fmt: str
) -> None:
    for method, path, params, status in ERRORS:
        data = {k: (app_key if v == "KEY" else v) for k, v in params.items()}
        url = f"{api}/{path}.{fmt}"
        if method == "post":
            response = requests.post(url, data=data, timeout=30)
        else:
            response = requests.get(url, params=data, timeout=30)
        assert response.status_code == status, (path, params, response.text)
        body = check(response, "errors", fmt)
        code = body[0]["code"] if fmt == "json" else int(body.findtext("error/code"))
        assert code == status
    assert not Report.objects.exists() and not Case.objects.exists()
    wrong_method = requests.delete(f"{api}/services.{fmt}", timeout=30)
    assert wrong_method.status_code == 405 and wrong_method.headers["Allow"] == "GET"
    check(wrong_method, "errors", fmt)


def test_the_applications_limit_holds(
    api: str, luminaria: ServiceType, app_key: str, api_client_row: Any
) -> None:
    api_client_row.per_minute = 3
    api_client_row.save()
    codes = [post(api, "json", api_key=app_key, **NEW).status_code for _ in range(5)]
    assert codes == [201, 201, 201, 429, 429]
    assert Report.objects.count() == Case.objects.count() == 3


def test_every_datatype_and_the_key_in_the_query_string(
    api: str, luminaria: ServiceType, app_key: str, settings: Any
) -> None:
    from web.citizens.models import Datatype, ServiceAttribute

    settings.FOLIO_OPEN311_JURISDICTION = "sanisidro.gob.mx"
    for order, (code, kind) in enumerate(
        [
            ("altura", Datatype.NUMBER),
            ("desde", Datatype.DATETIME),
            ("notas", Datatype.TEXT),
            ("danos", Datatype.MULTI),
        ],
        start=3,
    ):
        values = (
            [["cable", "Cable"], ["foco", "Foco"], ["poste", "Poste"]]
            if kind == Datatype.MULTI
            else []
        )
        ServiceAttribute.objects.create(
            service=luminaria,
            code=code,
            description=code,
            datatype=kind,
            order=order,
            values=values,
        )
    definition = requests.get(f"{api}/services/luminaria-apagada.xml", timeout=30)
    kinds = [e.text for e in check(definition, "definition", "xml").iter("datatype")]
    assert kinds == ["singlevaluelist", "string", "number", "datetime", "text", "multivaluelist"]
    query = {"api_key": app_key, "jurisdiction_id": "sanisidro.gob.mx"}
    body = list(NEW.items()) + [
        ("attribute[altura]", "7.5"),
        ("attribute[desde]", "2026-12-01T20:00:00-06:00"),
        ("attribute[notas]", "Se apaga de noche"),
        ("attribute[danos][]", "cable"),
        ("attribute[danos][]", "foco"),
    ]
    made = requests.post(f"{api}/requests.json", params=query, data=body, timeout=30)
    assert made.status_code == 201, made.text
    report = Report.objects.get()
    assert report.attributes["danos"] == ["cable", "foco"] and report.attributes["altura"] == "7.5"
    for code, wrong in [("altura", "alto"), ("desde", "ayer"), ("danos][", "todo")]:
        bad = (
            [*body, (f"attribute[{code}]", wrong)]
            if code != "danos]["
            else [*body, ("attribute[danos][]", wrong)]
        )
        refused = requests.post(f"{api}/requests.xml", params=query, data=bad, timeout=30)
        assert refused.status_code == 400, (code, refused.text)
        check(refused, "errors", "xml")
    assert Report.objects.count() == 1
