"""add_document: oficios and formatos stored once per content, checked for size and type."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.test import override_settings

from web.cases.actions import NewDocument, add_document, complete_task, open_case
from web.cases.errors import DocumentRefused
from web.cases.models import Case, CaseDocument, Event, EventKind
from web.cases.tests.conftest import waiting
from web.catalog.models import Procedure
from web.tests.files import tiny_pdf

pytestmark = pytest.mark.django_db

PDF = tiny_pdf()


@pytest.fixture(autouse=True)
def media(tmp_path: Path) -> Iterator[Path]:
    with override_settings(MEDIA_ROOT=tmp_path):
        yield tmp_path


@pytest.fixture
def case(cuentas: Procedure, bruno: User) -> Case:
    return open_case(cuentas, bruno, "Cuenta SAP para Tesorería")


def oficio(content: bytes = PDF, name: str = "oficio.pdf") -> NewDocument:
    return NewDocument("oficio", name, content, number="TM/0412/2026", date=date(2026, 3, 10))


def test_it_stores_the_file_under_its_content_hash(case: Case, bruno: User, media: Path) -> None:
    document = add_document(case, bruno, oficio())
    sha = hashlib.sha256(PDF).hexdigest()
    assert document.file.name == f"documents/{sha[:2]}/{sha}"
    assert (media / "documents" / sha[:2] / sha).read_bytes() == PDF
    assert (document.sha256, document.size, document.content_type) == (
        sha,
        len(PDF),
        "application/pdf",
    )
    event = Event.objects.get(kind=EventKind.DOCUMENT_ADDED)
    assert (event.payload["sha256"], event.payload["number"]) == (sha, "TM/0412/2026")


def test_it_keeps_one_file_for_the_same_content(case: Case, bruno: User, media: Path) -> None:
    first = add_document(case, bruno, oficio())
    again = add_document(case, bruno, oficio(name="copia.pdf"))
    assert first.file.name == again.file.name
    assert len(list((media / "documents").rglob("*"))) == 2  # one folder, one file


def test_it_attaches_documents_when_completing_a_task(case: Case, bruno: User) -> None:
    task = waiting(case)
    complete_task(task, bruno, documents=[oficio()])
    assert CaseDocument.objects.get().task_id == task.pk


@pytest.mark.parametrize(
    "name, content",
    [
        ("oficio.pdf", b""),
        ("oficio.exe", b"MZ\x90\x00"),
        ("oficio.pdf", b"<html>no soy un PDF</html>"),
        ("notas.txt", b"\xff\xfe\x00binario"),
    ],
)
def test_it_refuses_empty_disguised_and_unknown_files(
    case: Case, bruno: User, name: str, content: bytes
) -> None:
    with pytest.raises(DocumentRefused):
        add_document(case, bruno, oficio(content, name))
    assert not CaseDocument.objects.exists()


def test_it_refuses_files_over_the_limit(case: Case, bruno: User) -> None:
    with override_settings(FOLIO_MAX_UPLOAD=1024), pytest.raises(DocumentRefused, match="MB"):
        add_document(case, bruno, oficio(PDF + b"0" * 2048))


def test_it_does_not_let_auditors_or_outsiders_add_documents(
    case: Case, fernando: User, gabriela: User
) -> None:
    for user in (fernando, gabriela):
        with pytest.raises(PermissionDenied):
            add_document(case, user, oficio())
