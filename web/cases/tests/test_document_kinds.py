"""Every document type the manuals name has its kind ("Reporte", "Vale de salida",
"Tarjeta informativa" are not "Otro"); the document form offers the waiting
activity's own types first; a document registered by number alone has no file."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django import forms
from django.contrib.auth.models import User

from folio.manuals.documents import DOCUMENT_TYPES, parse_documents
from folio.manuals.model import Step
from web.cases.actions import NewDocument, add_document, open_case
from web.cases.documents import kind_of_type
from web.cases.errors import DocumentRefused
from web.cases.forms import DocumentForm, document_kind
from web.cases.models import CaseDocument, DocumentKind
from web.catalog.models import Procedure


def test_it_keeps_each_type_the_manuals_name_as_its_own_kind() -> None:
    kinds = {name: kind_of_type(name) for name in DOCUMENT_TYPES}
    assert DocumentKind.OTHER not in kinds.values(), kinds
    assert len(set(kinds.values())) == len(DOCUMENT_TYPES)
    assert kind_of_type("Otro") == DocumentKind.OTHER


@pytest.mark.parametrize(
    ("cell", "kind"),
    [
        ("Reporte", "reporte"),
        ("Vale de salida", "vale_de_salida"),
        ("Tarjeta informativa", "tarjeta_informativa"),
        ("Oficio o memorándum", "oficio"),
        ("Identificación oficial", "identificacion"),
    ],
)
def test_it_maps_a_step_s_document_to_its_kind(cell: str, kind: str) -> None:
    assert document_kind(parse_documents(cell)[0]) == kind


def test_the_form_offers_the_activity_s_own_types_first() -> None:
    step = Step(number="3", responsible=("Analista",), activity="Elabora el reporte.",
                documents=parse_documents("Reporte / Vale de salida"))  # fmt: skip
    form = DocumentForm(steps=[step])
    field = form.fields["kind"]
    assert isinstance(field, forms.ChoiceField)
    groups: Any = field.choices
    assert [kind for kind, _label in groups[0][1]] == ["reporte", "vale_de_salida"]
    assert "reporte" not in [kind for kind, _label in groups[1][1]]
    assert form.fields["kind"].initial == "reporte"
    posted = DocumentForm({"kind": "vale_de_salida"}, steps=[step])
    posted.is_valid()
    assert "kind" not in posted.errors


@pytest.mark.django_db
def test_it_registers_a_reference_without_a_file_and_refuses_an_empty_one(
    cuentas: Procedure, bruno: User
) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP")
    paper = NewDocument("reporte", "", b"", number="R-12", date=date(2026, 3, 10))
    row = add_document(case, bruno, paper)
    assert (row.file.name, row.sha256, row.size, row.kind) == ("", "", 0, "reporte")
    with pytest.raises(DocumentRefused, match="número o su fecha"):
        add_document(case, bruno, NewDocument("reporte", "", b""))
    assert CaseDocument.objects.count() == 1
