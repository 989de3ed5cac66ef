"""The email that lets a new person choose their password: Django's password reset token
(valid ``PASSWORD_RESET_TIMEOUT``, spent once the password changes) in a link to the
reset confirmation page, sent once the transaction that created the person commits."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def set_password_link(person: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    token = default_token_generator.make_token(person)
    path = reverse("accounts:password-reset-confirm", kwargs={"uidb64": uid, "token": token})
    return settings.FOLIO_BASE_URL.rstrip("/") + path


def send_set_password_email(person: User) -> None:
    """Mail ``person`` their link after the current transaction commits."""

    def send() -> None:
        context = {"person": person, "link": set_password_link(person)}
        subject = render_to_string("accounts/password_set_subject.txt", context)
        body = render_to_string("accounts/password_set_email.txt", context)
        send_mail(" ".join(subject.split()), body, None, [person.email])

    transaction.on_commit(send)
