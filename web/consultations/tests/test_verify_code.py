"""The code and the link: they expire, a wrong code counts, a spent ticket is refused."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from web.consultations.models import Consultation, Response, Verification
from web.consultations.tests.conftest import answer_form, last_code, last_token
from web.consultations.verification import MAX_ATTEMPTS

EMAIL = "maria.sanchez@correo.mx"


def ask(client: Client, consulta: Consultation) -> None:
    client.post(f"/consultas/{consulta.pk}/codigo/respuesta/", {"email": EMAIL})


def test_the_link_proves_the_email_and_leads_to_the_questions(consulta: Consultation) -> None:
    ask(Client(), consulta)
    other = Client()  # the link opened on the phone's mail app: another session
    response = other.get(f"/consultas/verificar/{last_token()}/")
    assert response["Location"] == f"/consultas/{consulta.pk}/responder/"
    assert (
        other.post(f"/consultas/{consulta.pk}/responder/", answer_form(consulta)).status_code == 302
    )
    assert Response.objects.count() == 1


def test_an_expired_code_is_refused(consulta: Consultation) -> None:
    client = Client()
    ask(client, consulta)
    Verification.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    page = client.post(f"/consultas/{consulta.pk}/verificar/respuesta/", {"code": last_code()})
    assert "Ese código venció" in page.content.decode()
    assert client.get(f"/consultas/{consulta.pk}/responder/").status_code == 302


def test_an_expired_link_is_refused(consulta: Consultation) -> None:
    ask(Client(), consulta)
    Verification.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    page = Client().get(f"/consultas/verificar/{last_token()}/")
    assert page.status_code == 400
    assert "Ese código venció" in page.content.decode()


def test_the_code_is_good_for_thirty_minutes(consulta: Consultation) -> None:
    client = Client()
    ask(client, consulta)
    ticket = Verification.objects.get()
    minutes = (ticket.expires_at - ticket.created_at).total_seconds() / 60
    assert minutes == 30
    Verification.objects.update(expires_at=timezone.now() + timedelta(seconds=30))
    page = client.post(f"/consultas/{consulta.pk}/verificar/respuesta/", {"code": last_code()})
    assert page.status_code == 302


def test_after_proving_the_time_to_answer_runs_out(consulta: Consultation) -> None:
    client = Client()
    ask(client, consulta)
    client.post(f"/consultas/{consulta.pk}/verificar/respuesta/", {"code": last_code()})
    Verification.objects.update(verified_at=timezone.now() - timedelta(hours=4))
    page = client.post(f"/consultas/{consulta.pk}/responder/", answer_form(consulta), follow=True)
    assert "Ese código venció" in page.content.decode()
    assert Response.objects.count() == 0


def test_wrong_codes_count_and_then_spend_the_ticket(consulta: Consultation) -> None:
    client = Client()
    ask(client, consulta)
    right = last_code()
    wrong = "000000" if right != "000000" else "111111"
    page = client.post(f"/consultas/{consulta.pk}/verificar/respuesta/", {"code": wrong})
    assert f"le quedan {MAX_ATTEMPTS - 1} intentos" in page.content.decode()
    for _ in range(MAX_ATTEMPTS - 1):
        client.post(f"/consultas/{consulta.pk}/verificar/respuesta/", {"code": wrong})
    page = client.post(f"/consultas/{consulta.pk}/verificar/respuesta/", {"code": right})
    assert "Demasiados códigos equivocados" in page.content.decode()
    assert Verification.objects.get().attempts == MAX_ATTEMPTS


def test_the_code_and_token_are_stored_hashed(consulta: Consultation) -> None:
    ask(Client(), consulta)
    ticket = Verification.objects.get()
    assert last_code() not in (ticket.code_hash, ticket.token_hash)
    assert last_token() not in (ticket.code_hash, ticket.token_hash)
    assert len(ticket.email_hash) == 64 and "@" not in ticket.email_hash


def test_without_a_code_the_questions_are_not_shown(consulta: Consultation) -> None:
    page = Client().get(f"/consultas/{consulta.pk}/responder/", follow=True)
    assert "no es válido" in page.content.decode()
    assert "Enviar mis respuestas" not in page.content.decode()
