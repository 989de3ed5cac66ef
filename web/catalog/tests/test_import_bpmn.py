"""Uploading a BPMN 2.0 diagram to the catalog: one procedure per pool, its findings kept."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.bpmn_pools_fixture import POOLS
from web.catalog.models import CatalogManual, Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_imports_an_uploaded_bpmn_file_one_procedure_per_pool(alicia: User) -> None:
    # given: a collaboration of two pools drawn in Camunda Modeler
    upload = SimpleUploadedFile("tala.bpmn", POOLS.encode())
    # when
    response = signed_in(alicia).post("/catalogo/", {"file": upload}, follow=True)
    # then
    assert response.status_code == 200
    manual = CatalogManual.objects.get()
    assert manual.title == "Permiso de tala"
    rows = Procedure.objects.order_by("position").values_list("code", "name", "step_count")
    assert list(rows) == [
        ("Process_ventanilla", "Ventanilla", 1),
        ("Process_forestal", "Dictamen de tala", 6),
    ]
    body = response.content.decode()
    assert "Ventanilla" in body and "Dictamen de tala" in body
    codes = {d["code"] for d in manual.current.data["diagnostics"]}  # type: ignore[union-attr]
    assert {"BPMN001", "BPMN002", "BPMN005", "BPMN008"} <= codes


def test_it_recognises_bpmn_saved_as_xml_by_its_content(alicia: User) -> None:
    upload = SimpleUploadedFile("tala.xml", POOLS.encode())
    signed_in(alicia).post("/catalogo/", {"file": upload})
    assert Procedure.objects.count() == 2


def test_it_names_an_xml_file_that_is_not_bpmn(alicia: User) -> None:
    upload = SimpleUploadedFile("hoja.xml", b"<html><body>Hola</body></html>")
    response = signed_in(alicia).post("/catalogo/", {"file": upload})
    body = response.content.decode()
    assert "hoja.xml no es un archivo BPMN 2.0" in body
    assert CatalogManual.objects.count() == 0
