"""Citizen proposals: sent after the code, limited per person, entered and classified by
staff, listed with filters and exported for the annual plans."""

from __future__ import annotations

import io
from datetime import timedelta

from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook  # type: ignore[import-untyped]

from web.cases.models import Event
from web.conftest import signed_in
from web.consultations.actions import publish_results
from web.consultations.models import Consultation, Moderation, Proposal
from web.consultations.tests.conftest import answer_form, prove
from web.consultations.verification import PROPOSALS_PER_PERSON
from web.datasets import source

PROPOSAL = {
    "title": "Rampas en las esquinas",
    "description": "Rampas accesibles en el centro.",
    "colonia": "Centro",
    "kind": "obra",
    "term": "corto",
}


def test_a_citizen_sends_a_proposal_after_the_code(consulta: Consultation) -> None:
    client = Client()
    prove(client, consulta, "pepe@correo.mx", "propuesta")
    response = client.post(f"/consultas/{consulta.pk}/propuesta/", PROPOSAL, follow=True)
    assert "recibimos su propuesta" in response.content.decode()
    proposal = Proposal.objects.get()
    assert proposal.moderation == Moderation.PENDING and proposal.entered_by is None
    assert "pepe" not in proposal.submitter_hash
    entry = Event.objects.get(kind="proposal.submitted")
    assert entry.actor is None and entry.payload["origin"] == "public"


def test_a_person_sends_a_limited_number(consulta: Consultation) -> None:
    client = Client()
    prove(client, consulta, "pepe@correo.mx", "propuesta")
    for n in range(PROPOSALS_PER_PERSON + 1):
        page = client.post(f"/consultas/{consulta.pk}/propuesta/", PROPOSAL | {"title": f"P{n}"})
    assert "el máximo por persona" in page.content.decode()
    assert Proposal.objects.count() == PROPOSALS_PER_PERSON


def test_without_the_code_no_proposal(consulta: Consultation) -> None:
    client = Client()
    prove(client, consulta, "pepe@correo.mx", "respuesta")  # a ticket to answer, not propose
    client.post(f"/consultas/{consulta.pk}/propuesta/", PROPOSAL)
    assert not Proposal.objects.exists()


def test_a_bad_class_is_named(consulta: Consultation) -> None:
    client = Client()
    prove(client, consulta, "pepe@correo.mx", "propuesta")
    page = client.post(f"/consultas/{consulta.pk}/propuesta/", PROPOSAL | {"kind": "parque"})
    assert "Seleccione una opción válida" in page.content.decode()


def test_staff_enter_classify_filter_and_export(
    consulta: Consultation, alicia: User, fernando: User
) -> None:
    # given: a proposal entered by staff and one sent by a citizen, then reclassified
    staff = signed_in(alicia)
    staff.post(
        f"/consultas/gestion/{consulta.pk}/propuestas/nueva/", PROPOSAL | {"colonia": "Las Flores"}
    )
    citizen = Client()
    prove(citizen, consulta, "pepe@correo.mx", "propuesta")
    citizen.post(f"/consultas/{consulta.pk}/propuesta/", PROPOSAL | {"title": "Ciclovía"})
    sent = Proposal.objects.get(title="Ciclovía")
    changes = PROPOSAL | {"title": "Ciclovía", "kind": "estrategico", "term": "largo"}
    staff.post(f"/consultas/gestion/propuestas/{sent.pk}/", changes | {"moderation": "approved"})
    # when
    page = staff.get("/consultas/gestion/propuestas/", {"kind": "estrategico", "term": "largo"})
    csv = staff.get("/consultas/gestion/propuestas/", {"colonia": "flores", "formato": "csv"})
    xlsx = staff.get("/consultas/gestion/propuestas/", {"formato": "xlsx"})
    # then
    body = page.content.decode()
    assert "Ciclovía" in body and "Las Flores" not in body
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and "Las Flores" in lines[1] and "Obra" in lines[1]
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("propuesta_id", "consulta", "dependencia", "titulo")
    assert {r[3] for r in rows[1:]} == {"Rampas en las esquinas", "Ciclovía"}
    assert not any("pepe" in str(cell) for row in rows for cell in row)
    classified = Event.objects.get(kind="proposal.classified")
    assert classified.payload["after"]["kind"] == "estrategico"
    # The auditor reads the list and the proposal but may not change it.
    audit = signed_in(fernando)
    assert "Ciclovía" in audit.get("/consultas/gestion/propuestas/").content.decode()
    audit.post(f"/consultas/gestion/propuestas/{sent.pk}/", changes | {"moderation": "rejected"})
    sent.refresh_from_db()
    assert sent.moderation == Moderation.APPROVED


def test_only_approved_proposals_are_open_data(consulta: Consultation, alicia: User) -> None:
    staff = signed_in(alicia)
    staff.post(f"/consultas/gestion/{consulta.pk}/propuestas/nueva/", PROPOSAL)
    citizen = Client()
    prove(citizen, consulta, "pepe@correo.mx", "propuesta")
    citizen.post(f"/consultas/{consulta.pk}/propuesta/", PROPOSAL | {"title": "Pendiente"})
    rows = list(source("propuestas-ciudadanas").rows())
    assert [r["titulo"] for r in rows] == ["Rampas en las esquinas"]
    assert rows[0]["clase"] == "obra" and rows[0]["plazo"] == "corto"
    fields = {f["name"] for f in source("propuestas-ciudadanas").schema["fields"]}
    assert set(rows[0]) == fields


def test_a_formula_is_written_as_text(consulta: Consultation, alicia: User) -> None:
    staff = signed_in(alicia)
    staff.post(
        f"/consultas/gestion/{consulta.pk}/propuestas/nueva/", PROPOSAL | {"title": "=HYPERLINK(1)"}
    )
    csv = staff.get("/consultas/gestion/propuestas/", {"formato": "csv"}).content.decode(
        "utf-8-sig"
    )
    assert "'=HYPERLINK(1)" in csv


def test_a_closed_consultation_takes_no_proposal(consulta: Consultation) -> None:
    client = Client()
    prove(client, consulta, "pepe@correo.mx", "propuesta")
    Consultation.objects.filter(pk=consulta.pk).update(closes_at=timezone.now())
    page = client.post(f"/consultas/{consulta.pk}/propuesta/", PROPOSAL, follow=True)
    assert "ya no recibe respuestas" in page.content.decode()
    assert not Proposal.objects.exists()
    Consultation.objects.filter(pk=consulta.pk).update(
        closes_at=timezone.now() + timedelta(days=1), accepts_proposals=False
    )
    refused = Client().post(f"/consultas/{consulta.pk}/codigo/propuesta/", {"email": "x@correo.mx"})
    assert "Esta consulta no recibe propuestas" in refused.content.decode()


def test_the_results_dataset_matches_its_schema(consulta: Consultation, alicia: User) -> None:
    client = Client()
    prove(client, consulta, "pepe@correo.mx")
    client.post(f"/consultas/{consulta.pk}/responder/", answer_form(consulta, scale=4))
    assert list(source("consultas-resultados").rows()) == []  # results not published yet
    publish_results(alicia, consulta)
    rows = list(source("consultas-resultados").rows())
    fields = [f["name"] for f in source("consultas-resultados").schema["fields"]]
    assert all(list(row) == fields for row in rows)
    scale = [r for r in rows if r["tipo"] == "scale"]
    assert [r["respuestas"] for r in scale] == [0, 0, 0, 1, 0] and scale[0]["promedio"] == 4.0
