"""The catalog page: sign-in required; administrators import manuals by upload."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from folio.demo import DEMO_TEXT
from web.catalog.models import CatalogManual
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_requires_signing_in(client: object) -> None:
    from django.test import Client

    assert isinstance(client, Client)
    response = client.get("/catalogo/")
    assert response.status_code == 302 and "/cuentas/entrar/" in response["Location"]


def test_it_imports_an_uploaded_manual(alicia: User) -> None:
    upload = SimpleUploadedFile(DEMO_TEXT.name, DEMO_TEXT.read_bytes())
    response = signed_in(alicia).post("/catalogo/", {"file": upload}, follow=True)
    assert response.status_code == 200
    assert CatalogManual.objects.count() == 1
    assert "Procedimiento para la atención de reportes" in response.content.decode()


def test_it_tells_which_file_could_not_be_read(alicia: User) -> None:
    upload = SimpleUploadedFile("escaneo.pdf", b"%PDF-1.4\n%%EOF\n")
    response = signed_in(alicia).post("/catalogo/", {"file": upload})
    assert response.status_code == 200
    assert "escaneo.pdf" in response.content.decode()
    assert CatalogManual.objects.count() == 0


def test_it_does_not_let_a_non_administrator_import(bruno: User) -> None:
    upload = SimpleUploadedFile(DEMO_TEXT.name, DEMO_TEXT.read_bytes())
    signed_in(bruno).post("/catalogo/", {"file": upload})
    assert CatalogManual.objects.count() == 0


def test_it_shows_a_procedure_with_its_steps_and_findings(alicia: User) -> None:
    client = signed_in(alicia)
    client.post("/catalogo/", {"file": SimpleUploadedFile("m.txt", DEMO_TEXT.read_bytes())})
    manual = CatalogManual.objects.get()
    procedure = manual.current.procedures.get(code="P1")  # type: ignore[union-attr]
    response = client.get(f"/catalogo/procedimientos/{procedure.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="paso-8"' in body and "Cuadrilla de Mantenimiento" in body


def test_it_speaks_spanish(client: object) -> None:
    from django.test import Client

    assert isinstance(client, Client)
    body = client.get("/cuentas/entrar/").content.decode()
    assert 'lang="es-MX"' in body and "Entrar" in body and "Contraseña" in body
