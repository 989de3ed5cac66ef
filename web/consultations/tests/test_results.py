"""Results computed by hand, moderation of open answers, and the public pages and
downloads scanned for anything that identifies a person."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.consultations.actions import moderate_answer, publish_results
from web.consultations.models import Answer, Consultation
from web.consultations.results import consultation_results
from web.consultations.tests.conftest import answer_form, prove
from web.datasets import source

EMAILS = ["ana@correo.mx", "beto@correo.mx", "caro@correo.mx", "dani@correo.mx"]
#: single option, multiple options, scale, text — four people.
GIVEN = [
    (0, (0, 1), 5, "Más árboles en el parque, escríbanme a ana@correo.mx"),
    (0, (1,), 4, "Rampas en las esquinas"),
    (1, (0, 1, 2), 2, ""),
    (2, (2,), 4, "Luz en la calle Juárez"),
]


@pytest.fixture
def answered(consulta: Consultation) -> Consultation:
    for email, (single, multiple, scale, text) in zip(EMAILS, GIVEN, strict=True):
        client = Client()
        prove(client, consulta, email)
        data = answer_form(consulta, single, multiple, scale, text)
        assert client.post(f"/consultas/{consulta.pk}/responder/", data).status_code == 302
    return consulta


def test_it_counts_by_hand(answered: Consultation) -> None:
    results = consultation_results(answered)
    assert results.responses == 4
    single, multiple, scale, text = results.questions
    # Parques 2 of 4 = 50 %, Banquetas 1 = 25 %, Alumbrado 1 = 25 %.
    assert [(r.label, r.count, r.percent) for r in single.rows] == [
        ("Parques", 2, 50.0),
        ("Banquetas", 1, 25.0),
        ("Alumbrado", 1, 25.0),
    ]
    # Biblioteca 2 of 4, Deportivo 3 of 4, Mercado 2 of 4: 175 % in all.
    assert [(r.count, r.percent) for r in multiple.rows] == [(2, 50.0), (3, 75.0), (2, 50.0)]
    # Scale 5, 4, 2, 4: mean 15 / 4 = 3.75; distribution 1..5 = 0, 1, 0, 2, 1.
    assert scale.mean == 3.75
    assert [r.count for r in scale.rows] == [0, 1, 0, 2, 1]
    assert scale.rows[0].label == "1 (Nada)" and scale.rows[-1].label == "5 (Muy seguro)"
    assert [r.percent for r in scale.rows] == [0.0, 25.0, 0.0, 50.0, 25.0]
    assert text.answered == 3 and text.pending == 3 and text.texts == []


def approve(alicia: User, consulta: Consultation, contains: str) -> None:
    answer = Answer.objects.get(question__consultation=consulta, text__contains=contains)
    moderate_answer(alicia, answer, approve=True)


def reject(alicia: User, consulta: Consultation, contains: str) -> None:
    answer = Answer.objects.get(question__consultation=consulta, text__contains=contains)
    moderate_answer(alicia, answer, approve=False)


def test_only_approved_open_answers_reach_the_page_and_downloads(
    answered: Consultation, alicia: User
) -> None:
    # given: one approved, one rejected (it holds an email), one pending
    approve(alicia, answered, "Rampas")
    reject(alicia, answered, "árboles")
    publish_results(alicia, answered)
    # when
    client = Client()
    page = client.get(f"/consultas/{answered.pk}/resultados/").content.decode()
    csv = client.get(f"/consultas/{answered.pk}/resultados.csv").content.decode("utf-8-sig")
    data = json.loads(client.get(f"/consultas/{answered.pk}/resultados.json").content)
    # then
    for body in (page, csv, json.dumps(data, ensure_ascii=False)):
        assert "Rampas en las esquinas" in body
        assert "árboles" not in body and "Juárez" not in body
    assert data["preguntas"][3]["respuestas_abiertas"] == ["Rampas en las esquinas"]
    assert data["preguntas"][2]["promedio"] == 3.75
    assert "Parques,2,50.0" in csv


def test_moderation_is_logged_and_refused_to_others(
    answered: Consultation, alicia: User, bruno: User, fernando: User
) -> None:
    from django.core.exceptions import PermissionDenied

    from web.cases.models import Event

    approve(alicia, answered, "Rampas")
    entry = Event.objects.filter(kind="consultation.answer_moderated").get()
    assert entry.actor == alicia and entry.payload["to"] == "approved"
    answer = Answer.objects.get(text__contains="Juárez")
    for outsider in (bruno, fernando):
        with pytest.raises(PermissionDenied):
            moderate_answer(outsider, answer, approve=True)
    page = Client()
    page.force_login(fernando)
    listing = page.get(f"/consultas/gestion/{answered.pk}/moderacion/").content.decode()
    assert "Juárez" in listing and "Aprobar" not in listing


def test_results_are_hidden_until_published(answered: Consultation, alicia: User) -> None:
    assert Client().get(f"/consultas/{answered.pk}/resultados/").status_code == 404
    assert Client().get(f"/consultas/{answered.pk}/resultados.csv").status_code == 404
    staff = Client()
    staff.force_login(alicia)
    preview = staff.get(f"/consultas/{answered.pk}/resultados/").content.decode()
    assert "Vista previa" in preview and "3 respuestas esperan moderación" in preview


EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def test_no_public_page_or_export_holds_an_email(answered: Consultation, alicia: User) -> None:
    for text in ("Rampas", "árboles", "Juárez"):
        approve(alicia, answered, text)  # even approved by mistake, see below
    publish_results(alicia, answered)
    client = Client()
    pages = [
        "/consultas/",
        f"/consultas/{answered.pk}/",
        f"/consultas/{answered.pk}/resultados/",
        f"/consultas/{answered.pk}/resultados.csv",
        f"/consultas/{answered.pk}/resultados.json",
    ]
    bodies = [client.get(url).content.decode("utf-8-sig") for url in pages]
    rows = json.dumps(list(source("consultas-resultados").rows()), ensure_ascii=False)
    for body in [*bodies, rows]:
        found = set(EMAIL_RE.findall(body)) & set(EMAILS[1:])
        assert not found
        for email in EMAILS[1:]:
            assert email.split("@")[0] + "@" not in body
    # The one email in the data is the one a citizen typed into an open answer, which
    # moderation exists to catch: approved by mistake, it is the only one published.
    assert "ana@correo.mx" in bodies[2]
    assert "ana@correo.mx" not in rows  # the dataset has counts only
