"""Staff write consultations: who may, what is logged, questions in order, publishing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from web.accounts.models import Unit
from web.cases.models import Event
from web.conftest import signed_in
from web.consultations.actions import QuestionData, publish_consultation, save_question
from web.consultations.errors import ConsultationError
from web.consultations.models import Consultation, QuestionKind
from web.consultations.tests.conftest import make_consultation

FORM = {
    "title": "Movilidad en el centro",
    "description": "Cómo llega usted al centro.",
    "opens_at": "2026-12-10T09:00",
    "closes_at": "2026-12-20T18:00",
}


def test_a_head_creates_a_consultation_of_her_unit(alicia: User, dge: Unit) -> None:
    client = signed_in(alicia)
    response = client.post("/consultas/gestion/nueva/", FORM | {"unit": dge.pk})
    consultation = Consultation.objects.get()
    assert response["Location"] == f"/consultas/gestion/{consultation.pk}/"
    assert consultation.unit == dge and not consultation.is_published
    entry = Event.objects.get(kind="consultation.created")
    assert entry.actor == alicia and entry.payload["title"] == "Movilidad en el centro"


def test_a_head_of_a_department_may_not_use_the_direction(carla: User, dge: Unit) -> None:
    page = signed_in(carla).post("/consultas/gestion/nueva/", FORM | {"unit": dge.pk})
    assert page.status_code == 200
    assert "Seleccione una opción válida" in page.content.decode()
    assert not Consultation.objects.exists()


def test_closing_before_opening_is_named(alicia: User, dge: Unit) -> None:
    data = FORM | {"unit": dge.pk, "closes_at": "2026-12-01T09:00"}
    page = signed_in(alicia).post("/consultas/gestion/nueva/", data, follow=True)
    assert "Fecha de cierre: debe ser posterior a la de apertura" in page.content.decode()


@pytest.mark.parametrize("who", ["bruno", "gabriela", "fernando"])
def test_people_who_are_not_heads_cannot_create(who: str, request: pytest.FixtureRequest) -> None:
    user = request.getfixturevalue(who)
    assert signed_in(user).get("/consultas/gestion/nueva/").status_code == 404


def test_questions_keep_their_order_and_lock_on_publication(alicia: User, dge: Unit) -> None:
    consultation = make_consultation(alicia, dge)
    first, second = list(consultation.questions.all())[:2]
    assert (first.position, second.position) == (1, 2)
    Consultation.objects.filter(pk=consultation.pk).update(published_at=None)
    client = signed_in(alicia)
    client.post(f"/consultas/gestion/preguntas/{second.pk}/cambiar/", {"do": "up"})
    assert [q.pk for q in consultation.questions.all()][:2] == [second.pk, first.pk]
    client.post(f"/consultas/gestion/preguntas/{first.pk}/cambiar/", {"do": "delete"})
    assert [q.position for q in consultation.questions.all()] == [1, 2, 3]
    publish_consultation(alicia, consultation)
    page = client.post(
        f"/consultas/gestion/{consultation.pk}/preguntas/nueva/",
        {"text": "¿Otra?", "kind": "text"},
        follow=True,
    )
    assert "La consulta está publicada: sus preguntas ya no pueden cambiar" in page.content.decode()
    assert consultation.questions.count() == 3


def test_a_bad_question_is_named(alicia: User, dge: Unit) -> None:
    consultation = make_consultation(alicia, dge)
    Consultation.objects.filter(pk=consultation.pk).update(published_at=None)
    consultation.refresh_from_db()
    with pytest.raises(ConsultationError, match="al menos dos"):
        save_question(
            alicia, consultation, QuestionData("¿Sí?", QuestionKind.SINGLE, options=["Sí"])
        )
    with pytest.raises(ConsultationError, match="entre 2 y 10"):
        save_question(
            alicia, consultation, QuestionData("¿Cuánto?", QuestionKind.SCALE, scale_max=11)
        )
    page = signed_in(alicia).post(
        f"/consultas/gestion/{consultation.pk}/preguntas/nueva/",
        {"text": "¿Cuál?", "kind": "multiple", "options": "Una\nUna"},
        follow=True,
    )
    assert "la misma opción está escrita dos veces" in page.content.decode()


def test_a_consultation_without_questions_is_not_published(alicia: User, dge: Unit) -> None:
    client = signed_in(alicia)
    client.post("/consultas/gestion/nueva/", FORM | {"unit": dge.pk})
    consultation = Consultation.objects.get()
    page = client.post(
        f"/consultas/gestion/{consultation.pk}/publicar/", {"what": "consultation"}, follow=True
    )
    assert "Agregue al menos una pregunta antes de publicar" in page.content.decode()
    assert not Event.objects.filter(kind="consultation.published").exists()


def test_the_auditor_reads_and_changes_nothing(alicia: User, fernando: User, dge: Unit) -> None:
    consultation = make_consultation(alicia, dge)
    client = signed_in(fernando)
    assert consultation.title in client.get("/consultas/gestion/").content.decode()
    page = client.get(f"/consultas/gestion/{consultation.pk}/").content.decode()
    assert "Publicar los resultados" not in page and "Guardar" not in page
    with pytest.raises(PermissionDenied):
        publish_consultation(fernando, consultation)


def test_an_outsider_does_not_find_the_staff_page(alicia: User, gabriela: User, dge: Unit) -> None:
    consultation = make_consultation(alicia, dge)
    assert signed_in(gabriela).get(f"/consultas/gestion/{consultation.pk}/").status_code == 404
    assert signed_in(gabriela).get("/consultas/gestion/").status_code == 404


def test_a_head_below_manages_her_units_consultations(carla: User, ingenieria: Unit) -> None:
    consultation = make_consultation(carla, ingenieria)
    client = signed_in(carla)
    client.post(f"/consultas/gestion/{consultation.pk}/publicar/", {"what": "results"})
    consultation.refresh_from_db()
    assert consultation.results_published_at is not None
    assert Event.objects.filter(kind="consultation.results_published", actor=carla).exists()
