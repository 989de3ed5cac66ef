"""Password reset by email: a Spanish message with a one-time link; unknown addresses
get the same answer; a used link is refused."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_mails_a_link_that_sets_a_new_password_once(bruno: User) -> None:
    # given
    client = Client()
    response = client.post("/cuentas/contrasena/olvide/", {"email": "bruno@example.org"})
    assert response["Location"] == "/cuentas/contrasena/olvide/enviado/"
    [message] = mail.outbox
    assert message.subject == "Folio: elija una nueva contraseña"
    assert "Su nombre de usuario es bruno." in message.body
    link = re.search(r"http://\S+/cuentas/contrasena/nueva/\S+/", str(message.body))
    assert link is not None
    # when
    form_page = client.get(link.group(0), follow=True)
    assert "Elija una nueva contraseña" in form_page.content.decode()
    new = {"new_password1": "Atlixco-2026-flores", "new_password2": "Atlixco-2026-flores"}
    done = client.post(form_page.redirect_chain[-1][0], new)
    # then
    assert done["Location"] == "/cuentas/contrasena/nueva/lista/"
    bruno.refresh_from_db()
    assert bruno.check_password("Atlixco-2026-flores")
    again = client.get(link.group(0), follow=True).content.decode()
    assert "Este enlace ya no es válido" in again


def test_it_answers_an_unknown_address_the_same_way(bruno: User) -> None:
    response = Client().post("/cuentas/contrasena/olvide/", {"email": "nadie@example.org"})
    assert response["Location"] == "/cuentas/contrasena/olvide/enviado/"
    assert mail.outbox == []


def test_it_sends_nothing_to_an_inactive_person(bruno: User) -> None:
    bruno.is_active = False
    bruno.save()
    Client().post("/cuentas/contrasena/olvide/", {"email": "bruno@example.org"})
    assert mail.outbox == []


def test_it_lets_a_new_person_choose_the_first_password(alicia: User, bruno: User) -> None:
    from web.accounts.people.mail import set_password_link

    bruno.set_unusable_password()
    bruno.save()
    client = Client()
    page = client.get(set_password_link(bruno).split("8000", 1)[-1], follow=True)
    new = {"new_password1": "Atlixco-2026-flores", "new_password2": "Atlixco-2026-flores"}
    client.post(page.redirect_chain[-1][0], new)
    bruno.refresh_from_db()
    assert bruno.check_password("Atlixco-2026-flores")
