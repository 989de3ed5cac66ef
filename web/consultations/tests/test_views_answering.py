"""A citizen answers without an account: code by email, one response per person, the
closed consultation refused with its date, the honeypot and the rate limits."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from web.cases.models import Event
from web.consultations.models import Answer, Consultation, Response, Verification
from web.consultations.tests.conftest import answer_form, last_code, prove
from web.consultations.verification import email_hash

EMAIL = "vecina.lopez@correo.mx"


def test_it_takes_one_answer_after_the_code(consulta: Consultation) -> None:
    # given
    client = Client()
    prove(client, consulta, EMAIL)
    # when
    data = answer_form(consulta, single=1, multiple=(0, 2), scale=4, text="Más luz en el parque")
    response = client.post(f"/consultas/{consulta.pk}/responder/", data)
    # then
    assert response.status_code == 302
    assert response["Location"] == f"/consultas/{consulta.pk}/gracias/"
    saved = Response.objects.get(consultation=consulta)
    assert saved.respondent_hash == email_hash(EMAIL) != EMAIL
    assert Answer.objects.filter(response=saved).count() == 5  # 1 + 2 options, scale, text
    assert Event.objects.filter(kind="consultation.answered").count() == 1


def test_it_refuses_a_second_response_of_the_same_person(consulta: Consultation) -> None:
    first = Client()
    prove(first, consulta, EMAIL)
    first.post(f"/consultas/{consulta.pk}/responder/", answer_form(consulta))
    # The same person, in another browser and with capitals: no code, a note instead.
    second = Client()
    second.post(f"/consultas/{consulta.pk}/codigo/respuesta/", {"email": " Vecina.Lopez@Correo.MX"})
    assert "ya respondió" in mail.outbox[-1].body
    page = second.post(f"/consultas/{consulta.pk}/verificar/respuesta/", {"code": "123456"})
    assert "no es válido" in page.content.decode()
    assert Response.objects.count() == 1


def test_the_same_ticket_cannot_answer_twice(consulta: Consultation) -> None:
    client = Client()
    prove(client, consulta, EMAIL)
    ticket = client.session[f"consultas-ticket-{consulta.pk}-answer"]
    client.post(f"/consultas/{consulta.pk}/responder/", answer_form(consulta))
    # Put the spent ticket back in the session: refused.
    session = client.session
    session[f"consultas-ticket-{consulta.pk}-answer"] = ticket
    session.save()
    response = client.post(
        f"/consultas/{consulta.pk}/responder/", answer_form(consulta), follow=True
    )
    assert "ya se usó" in response.content.decode()
    assert Response.objects.count() == 1


def test_two_codes_of_one_person_still_make_one_response(consulta: Consultation) -> None:
    one, two = Client(), Client()
    prove(one, consulta, EMAIL)
    prove(two, consulta, EMAIL)
    one.post(f"/consultas/{consulta.pk}/responder/", answer_form(consulta))
    page = two.post(f"/consultas/{consulta.pk}/responder/", answer_form(consulta), follow=True)
    assert "ya respondió" in page.content.decode()
    assert Response.objects.count() == 1


def test_a_closed_consultation_says_when_it_closed(consulta: Consultation) -> None:
    client = Client()
    prove(client, consulta, EMAIL)
    Consultation.objects.filter(pk=consulta.pk).update(
        closes_at=timezone.now() - timedelta(hours=1)
    )
    page = client.post(f"/consultas/{consulta.pk}/responder/", answer_form(consulta), follow=True)
    assert re.search(r"cerró el \d+ de [a-z]+ de 20\d\d, \d\d:\d\d", page.content.decode())
    assert "ya no recibe respuestas" in page.content.decode()
    assert Response.objects.count() == 0
    detail = Client().get(f"/consultas/{consulta.pk}/").content.decode()
    assert "ya no recibe respuestas" in detail and "Enviarme el código" not in detail
    refused = Client().post(
        f"/consultas/{consulta.pk}/codigo/respuesta/", {"email": "otra@correo.mx"}
    )
    assert "ya no recibe respuestas" in refused.content.decode()
    assert len(mail.outbox) == 1


def test_a_consultation_not_yet_open_says_when_it_opens(consulta: Consultation) -> None:
    Consultation.objects.filter(pk=consulta.pk).update(opens_at=timezone.now() + timedelta(days=2))
    page = Client().get(f"/consultas/{consulta.pk}/").content.decode()
    assert "todavía no está abierta" in page


def test_a_draft_is_not_found(consulta: Consultation) -> None:
    Consultation.objects.filter(pk=consulta.pk).update(published_at=None)
    assert Client().get(f"/consultas/{consulta.pk}/").status_code == 404


def test_a_required_question_left_empty_is_named(consulta: Consultation) -> None:
    client = Client()
    prove(client, consulta, EMAIL)
    data = answer_form(consulta)
    first = consulta.questions.first()
    assert first is not None
    data.pop(f"q{first.pk}")
    page = client.post(f"/consultas/{consulta.pk}/responder/", data)
    assert page.status_code == 200
    assert "Este campo es obligatorio" in page.content.decode()
    assert Response.objects.count() == 0


def test_the_honeypot_looks_accepted_and_does_nothing(consulta: Consultation) -> None:
    client = Client()
    response = client.post(
        f"/consultas/{consulta.pk}/codigo/respuesta/", {"email": EMAIL, "sitio_web": "http://spam"}
    )
    assert response.status_code == 302
    assert mail.outbox == [] and Verification.objects.count() == 0


def test_codes_per_email_are_limited(consulta: Consultation) -> None:
    for _ in range(3):
        Client().post(f"/consultas/{consulta.pk}/codigo/respuesta/", {"email": EMAIL})
    page = Client().post(f"/consultas/{consulta.pk}/codigo/respuesta/", {"email": EMAIL})
    assert "Se pidieron demasiados códigos" in page.content.decode()
    assert len(mail.outbox) == 3


def test_codes_per_address_are_limited(consulta: Consultation) -> None:
    for n in range(20):
        Client().post(f"/consultas/{consulta.pk}/codigo/respuesta/", {"email": f"p{n}@correo.mx"})
    page = Client().post(f"/consultas/{consulta.pk}/codigo/respuesta/", {"email": "p99@correo.mx"})
    assert "Se pidieron demasiados códigos" in page.content.decode()
    assert len(mail.outbox) == 20


@pytest.mark.parametrize("email", ["no-es-correo", ""])
def test_a_bad_email_is_named(consulta: Consultation, email: str) -> None:
    page = Client().post(f"/consultas/{consulta.pk}/codigo/respuesta/", {"email": email})
    assert page.status_code == 400
    assert "correo" in page.content.decode().lower()
    assert mail.outbox == []


def test_the_email_is_stored_nowhere(consulta: Consultation) -> None:
    client = Client()
    prove(client, consulta, EMAIL)
    client.post(f"/consultas/{consulta.pk}/responder/", answer_form(consulta, text="Gracias"))
    from django.db import connection

    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if not table.startswith("consultations_"):
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                assert "lopez" not in repr(row).lower(), table
    for event in Event.objects.all():
        assert "lopez" not in repr(event.payload).lower()
    assert last_code()  # the code went to the mail, and only there
