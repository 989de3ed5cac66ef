"""Adding a document to a case outside a step, and downloading it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from web.cases.actions import open_case
from web.cases.models import CaseDocument
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


def test_it_adds_and_serves_a_document(cuentas: Procedure, bruno: User, fernando: User) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    upload = SimpleUploadedFile("acuse.txt", b"Acuse de recibo", "text/plain")
    signed_in(bruno).post(
        f"/casos/{case.pk}/documentos/",
        {"kind": "oficio", "number": "TM/1/2026", "date": "2026-03-10", "file": upload},
    )
    document = CaseDocument.objects.get()
    response = signed_in(fernando).get(f"/casos/documentos/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Acuse de recibo"  # type: ignore[attr-defined]
    assert 'filename="acuse.txt"' in response["Content-Disposition"]


def test_it_says_why_a_document_was_refused(cuentas: Procedure, bruno: User) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    upload = SimpleUploadedFile("vacío.pdf", b"", "application/pdf")
    response = signed_in(bruno).post(
        f"/casos/{case.pk}/documentos/", {"kind": "oficio", "file": upload}, follow=True
    )
    assert 'class="messages"' in response.content.decode() and not CaseDocument.objects.exists()


def test_it_does_not_serve_documents_to_outsiders(
    cuentas: Procedure, bruno: User, gabriela: User
) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    upload = SimpleUploadedFile("acuse.txt", b"Acuse", "text/plain")
    signed_in(bruno).post(f"/casos/{case.pk}/documentos/", {"kind": "oficio", "file": upload})
    document = CaseDocument.objects.get()
    assert signed_in(gabriela).get(f"/casos/documentos/{document.pk}/").status_code == 404
