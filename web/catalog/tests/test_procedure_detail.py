"""The procedure page: its review badge and the importer's findings with their place."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from folio.demo import DEMO_TEXT
from web.catalog.models import CatalogManual
from web.conftest import signed_in

pytestmark = pytest.mark.django_db

HEADER = "Responsable\tNo.\tActividad\tFormato o Documento\tTantos\n"
#: The demo manual with a row in P2's step table that belongs to no step.
UNPLACED_ROW = DEMO_TEXT.read_text().replace(
    HEADER + "Dependencia solicitante\t1",
    HEADER + "\t\tVer anexo del oficio circular.\t\t\nDependencia solicitante\t1",
)


def test_it_lists_the_importer_findings_with_their_line(alicia: User) -> None:
    # given
    client = signed_in(alicia)
    client.post("/catalogo/", {"file": SimpleUploadedFile("m.txt", UNPLACED_ROW.encode())})
    procedures = CatalogManual.objects.get().current.procedures  # type: ignore[union-attr]
    # when
    p2 = client.get(f"/catalogo/procedimientos/{procedures.get(code='P2').pk}/").content.decode()
    p1 = client.get(f"/catalogo/procedimientos/{procedures.get(code='P1').pk}/").content.decode()
    # then
    assert "Por revisar" in p2 and "Hallazgos de la lectura (1)" in p2
    assert "FOL001" in p2 and "Ver anexo del oficio circular." in p2 and "línea 50" in p2
    assert "Sin observaciones" in p1 and "Hallazgos de la lectura (0)" in p1
