"""Nothing that leaves through the open-data app holds personal data: every generated
resource file, every API answer, the DCAT documents, data.json and the public pages are
scanned for e-mail addresses, telephone numbers and the names of the world's people."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.cases.actions import open_case
from web.catalog.models import Procedure
from web.opendata.actions import publish_dataset, refresh_sources
from web.opendata.actions.datasets import attach_case
from web.opendata.models import Dataset, ResourceVersion
from web.opendata.privacy import findings, people_names
from web.opendata.review import approve_review


@pytest.fixture
def everyone_published(
    published: Dataset,
    cuentas: Procedure,
    alicia: User,
    bruno: User,
    carla: User,
    diego: User,
    elena: User,
    fernando: User,
    gabriela: User,
) -> list[Dataset]:
    open_case(cuentas, carla, "Cuenta para Diego Fuentes, diego@example.org", "Tesorería", "TM/9")
    refresh_sources()
    for dataset in Dataset.objects.filter(source__gt="", case__isnull=True):
        attached = attach_case(dataset, bruno)
        approve_review(attached, carla)
        publish_dataset(attached, alicia)
    return list(Dataset.objects.filter(published_at__isnull=False))


def test_the_scanner_finds_what_it_looks_for(alicia: User) -> None:
    text = [
        "Llame al 222 123 4567 o al +52 (222) 765-4321",
        "escriba a x.y@correo.mx",
        "Alicia Ramos",
    ]
    found = findings(text, people_names())
    assert sorted(found) == sorted(
        ["x.y@correo.mx", "222 123 4567", "+52 (222) 765-4321", "alicia ramos"]
    )


def test_nothing_published_holds_personal_data(everyone_published: list[Dataset]) -> None:
    assert len(everyone_published) >= 2
    names = people_names()
    assert "diego fuentes" in names
    texts = [
        _file(v)
        for v in ResourceVersion.objects.filter(resource__dataset__published_at__isnull=False)
    ]
    client = Client()
    urls = [
        "/api/3/action/package_list",
        "/api/3/action/package_search?rows=1000",
        "/api/3/action/organization_list?all_fields=true",
        "/api/3/action/group_list?all_fields=true",
        "/api/3/action/tag_list",
        "/api/3/action/status_show",
        "/datos/dcat.ttl",
        "/datos/dcat.jsonld",
        "/data.json",
        "/datos/",
        "/datos/api/",
    ]
    for dataset in everyone_published:
        urls += [
            f"/api/3/action/package_show?id={dataset.name}",
            f"/datos/conjunto/{dataset.name}/",
        ]
        urls.append(f"/api/3/action/organization_show?id={_org(dataset)}")
        urls.append(f"/api/3/action/group_show?id={dataset.theme}")
        for resource in dataset.resources.all():
            urls.append(f"/api/3/action/resource_show?id={resource.pk}")
            urls.append(f"/api/3/action/datastore_search?resource_id={resource.pk}&limit=32000")
            urls.append(f"/datos/recurso/{resource.pk}/descargar/")
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
        texts.append(body.decode("utf-8"))
    assert findings(texts, names) == []


def _file(version: ResourceVersion) -> str:
    return Path(version.file.path).read_text(encoding="utf-8")


def _org(dataset: Dataset) -> str:
    from web.opendata.queries import org_name

    return org_name(dataset.unit)
