from __future__ import annotations

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from web.conftest import signed_in
from web.opendata.models import Dataset, Resource
from web.opendata.review import approve_review


def test_the_catalogue_lists_published_datasets_with_facets(
    published: Dataset, requested: Dataset
) -> None:
    page = Client().get("/datos/").content.decode()
    assert "Reportes de alumbrado por colonia" in page
    assert "Infraestructura y servicios públicos" in page  # the theme facet
    assert "?groups=infraestructura" in page
    filtered = Client().get("/datos/?groups=salud").content.decode()
    assert "Ningún conjunto de datos coincide" in filtered
    found = Client().get("/datos/?q=colonia&tags=alumbrado").content.decode()
    assert "1 conjunto de datos" in found and "✓ alumbrado" in found


def test_the_dataset_page_shows_dictionary_preview_and_download(published: Dataset) -> None:
    page = Client().get(f"/datos/conjunto/{published.name}/").content.decode()
    assert "Diccionario de datos" in page and "días hábiles" in page
    assert "Primeras filas" in page and "La Loma" in page
    resource = published.resources.get()
    download = Client().get(f"/datos/recurso/{resource.pk}/descargar/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"colonia,mes")  # type: ignore[attr-defined]


def test_unpublished_datasets_have_no_public_page(requested: Dataset) -> None:
    assert Client().get(f"/datos/conjunto/{requested.name}/").status_code == 404
    resource = requested.resources.get()
    assert Client().get(f"/datos/recurso/{resource.pk}/descargar/").status_code == 404


def test_the_api_help_page(db: None) -> None:
    page = Client().get("/datos/api/").content.decode()
    assert "package_search" in page and "RemoteCKAN" in page


def test_staff_request_upload_and_publish_from_their_pages(
    opendata_manual: object, dge: object, bruno: User, carla: User, alicia: User
) -> None:
    # given Bruno requests a dataset
    response = signed_in(bruno).post(
        "/datos/gestion/solicitar/",
        {
            "unit": dge.pk,  # type: ignore[attr-defined]
            "title": "Baches atendidos",
            "description": "Baches reportados y atendidos por mes.",
            "theme": "infraestructura",
            "keywords": "baches, vialidades",
            "frequency": "mensual",
            "licence": "CC-BY-4.0",
        },
    )
    assert response.status_code == 302
    dataset = Dataset.objects.get(title="Baches atendidos")
    # when he uploads a file that breaks its dictionary, the page names the row and field
    form = {
        "name": "Baches (CSV)",
        "format": "CSV",
        "dictionary": "mes | yearmonth | Mes\natendidos | integer | Baches atendidos | baches",
    }
    bad = SimpleUploadedFile("baches.csv", b"mes,atendidos\n2026-10,muchos\n")
    page = signed_in(bruno).post(f"/datos/gestion/{dataset.name}/recurso/", {**form, "file": bad})
    assert "baches.csv, fila 2, campo «atendidos»" in page.content.decode()
    assert not Resource.objects.exists()
    good = SimpleUploadedFile("baches.csv", b"mes,atendidos\n2026-10,40\n")
    signed_in(bruno).post(f"/datos/gestion/{dataset.name}/recurso/", {**form, "file": good})
    assert Resource.objects.count() == 1
    # then after the review Alicia publishes from the dataset's page
    approve_review(dataset, carla)
    manage = signed_in(alicia).get(f"/datos/gestion/{dataset.name}/").content.decode()
    assert "Concluir la actividad y publicar" in manage
    signed_in(alicia).post(f"/datos/gestion/{dataset.name}/publicar/", {"notes": ""})
    assert Client().get(f"/datos/conjunto/{dataset.name}/").status_code == 200


def test_a_bad_dictionary_line_is_named(
    opendata_manual: object, requested: Dataset, bruno: User
) -> None:
    form = {"name": "x", "format": "CSV", "dictionary": "mes | fecha rara | Mes"}
    f = SimpleUploadedFile("x.csv", b"mes\n2026-10\n")
    page = signed_in(bruno).post(f"/datos/gestion/{requested.name}/recurso/", {**form, "file": f})
    assert "Línea 1: el tipo «fecha rara»" in page.content.decode()


def test_outsiders_do_not_manage(requested: Dataset, fernando: User) -> None:
    assert signed_in(fernando).get("/datos/gestion/").status_code == 403
