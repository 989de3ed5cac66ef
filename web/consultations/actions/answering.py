"""A citizen answers: asks for a code (sent by email, never stored), proves it by the code
or the link, and sends one response, which the keyed hash of the email keeps unique."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from web.accounts.audit import record
from web.consultations import verification as v
from web.consultations.dates import long_moment
from web.consultations.errors import ConsultationError
from web.consultations.models import (
    Answer,
    Consultation,
    Moderation,
    Option,
    Purpose,
    Question,
    Response,
    Verification,
)

#: After the code is proved, how long the person has to answer.
ANSWER_WINDOW = timedelta(hours=3)


@dataclass(frozen=True)
class AnswerInput:
    """One question's answer: chosen options, a scale value or a text."""

    question: Question
    options: tuple[Option, ...] = ()
    value: int | None = None
    text: str = ""


def closed_message(consultation: Consultation) -> str:
    when = {"date": long_moment(consultation.opens_at)}
    if not consultation.is_published or timezone.now() < consultation.opens_at:
        return _("This consultation is not open yet: it opens on %(date)s.") % when
    when = {"date": long_moment(consultation.closes_at)}
    return _("This consultation closed on %(date)s: it no longer takes answers.") % when


def _check_open(consultation: Consultation) -> None:
    if not consultation.is_open():
        raise ConsultationError(closed_message(consultation))


def _check_request(consultation: Consultation, email: str, purpose: str, address: str) -> str:
    """Refuse a closed consultation, a bad email or one request too many; the email's
    keyed hash otherwise."""
    _check_open(consultation)
    if purpose == Purpose.PROPOSAL and not consultation.accepts_proposals:
        raise ConsultationError(_("This consultation does not take proposals."))
    try:
        validate_email(email.strip())
    except ValidationError:
        raise ConsultationError(
            _("Email: write a valid address, such as nombre@correo.mx.")
        ) from None
    hashed = v.email_hash(email)
    if not v.within_limit("address", address, v.CODES_PER_ADDRESS) or not v.within_limit(
        "email", f"{consultation.pk}:{hashed}", v.CODES_PER_EMAIL
    ):
        raise ConsultationError(_("Too many codes were asked for. Please try again in an hour."))
    return hashed


@transaction.atomic
def request_code(
    consultation: Consultation, email: str, purpose: str, address: str
) -> Verification | None:
    """Email a one-time code and link; the ticket's key goes in the person's session. An
    email that already answered gets a note saying so instead, and no ticket (the page
    says the same either way, so nobody learns who answered)."""
    hashed = _check_request(consultation, email, purpose, address)
    answered = Response.objects.filter(consultation=consultation, respondent_hash=hashed)
    if purpose == Purpose.ANSWER and answered.exists():
        _send(email, consultation, _("This email address has already answered the consultation."))
        return None
    code, token, now = v.new_code(), v.new_token(), timezone.now()
    ticket = Verification.objects.create(
        consultation=consultation,
        purpose=purpose,
        email_hash=hashed,
        code_hash=v.secret_hash(code),
        token_hash=v.secret_hash(token),
        created_at=now,
        expires_at=now + v.CODE_LIFETIME,
    )
    link = settings.FOLIO_BASE_URL.rstrip("/") + reverse("consultations:verify-link", args=[token])
    minutes = int(v.CODE_LIFETIME.total_seconds() // 60)
    body = _(
        "Your code is %(code)s. Type it on the consultation page, or open this link: "
        "%(link)s\n\nBoth work for %(minutes)s minutes. If you did not ask for it, ignore "
        "this message."
    ) % {"code": code, "link": link, "minutes": minutes}
    _send(email, consultation, body)
    return ticket


def _send(email: str, consultation: Consultation, body: str) -> None:
    subject = _("Consultation «%(title)s»") % {"title": consultation.title}
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email.strip()])


def _usable(ticket: Verification | None, consultation: Consultation | None = None) -> Verification:
    if ticket is None or (consultation is not None and ticket.consultation_id != consultation.pk):
        raise ConsultationError(_("That code or link is not valid. Please ask for a new one."))
    if ticket.used_at is not None:
        raise ConsultationError(_("That code was already used. Please ask for a new one."))
    if ticket.attempts >= v.MAX_ATTEMPTS:
        raise ConsultationError(_("Too many wrong codes. Please ask for a new one."))
    if ticket.verified_at is None and ticket.expires_at <= timezone.now():
        raise ConsultationError(_("That code has expired. Please ask for a new one."))
    return ticket


def verify_code(
    ticket_pk: int | None, consultation: Consultation, code: str, address: str
) -> Verification:
    """The session's ticket proved by ``code``. A wrong code counts against the ticket
    (committed even though the call refuses)."""
    if not v.within_limit("tries", address, v.TRIES_PER_ADDRESS):
        raise ConsultationError(_("Too many codes were typed. Please try again in an hour."))
    with transaction.atomic():
        found = Verification.objects.select_for_update().filter(pk=ticket_pk or 0)
        ticket = _usable(found.first(), consultation)
        right = v.hmac.compare_digest(ticket.code_hash, v.secret_hash(code))
        if right:
            ticket.verified_at = ticket.verified_at or timezone.now()
        else:
            ticket.attempts += 1
        ticket.save(update_fields=["verified_at", "attempts"])
    if not right:
        left = max(v.MAX_ATTEMPTS - ticket.attempts, 0)
        raise ConsultationError(
            _("Code: it is not the one we sent (%(left)s tries left).") % {"left": left}
        )
    return ticket


@transaction.atomic
def verify_link(token: str) -> Verification:
    found = Verification.objects.select_for_update().filter(token_hash=v.secret_hash(token))
    ticket = _usable(found.first())
    ticket.verified_at = ticket.verified_at or timezone.now()
    ticket.save(update_fields=["verified_at"])
    return ticket


def proved_ticket(pk: int | None, consultation: Consultation, purpose: str) -> Verification:
    """The session's ticket, proved and still within its window to answer."""
    ticket = _usable(Verification.objects.filter(pk=pk or 0, purpose=purpose).first(), consultation)
    if ticket.verified_at is None:
        raise ConsultationError(_("First type the code we sent to your email."))
    if ticket.verified_at + ANSWER_WINDOW <= timezone.now():
        raise ConsultationError(_("That code has expired. Please ask for a new one."))
    return ticket


@transaction.atomic
def submit_response(
    ticket_pk: int | None, consultation: Consultation, answers: list[AnswerInput]
) -> Response:
    """Save the person's one response; the ticket is spent with it."""
    _check_open(consultation)
    ticket = proved_ticket(ticket_pk, consultation, Purpose.ANSWER)
    ticket = Verification.objects.select_for_update().get(pk=ticket.pk)
    _usable(ticket)
    try:
        with transaction.atomic():
            response = Response.objects.create(
                consultation=consultation, respondent_hash=ticket.email_hash
            )
    except IntegrityError:
        raise ConsultationError(
            _("This email address has already answered the consultation.")
        ) from None
    Answer.objects.bulk_create(_rows(response, consultation, answers))
    ticket.used_at = timezone.now()
    ticket.save(update_fields=["used_at"])
    payload = {"consultation": consultation.pk, "response": response.pk, "answers": len(answers)}
    record("consultation.answered", actor=None, payload=payload)
    return response


def _rows(
    response: Response, consultation: Consultation, answers: list[AnswerInput]
) -> list[Answer]:
    rows: list[Answer] = []
    for given in answers:
        question = given.question
        if question.consultation_id != consultation.pk:
            raise ConsultationError(_("An answer names a question of another consultation."))
        for option in given.options:
            if option.question_id != question.pk:
                raise ConsultationError(_("An answer names an option of another question."))
            rows.append(Answer(response=response, question=question, option=option))
        if given.value is not None:
            if question.scale_max is None or not 1 <= given.value <= question.scale_max:
                raise ConsultationError(_("A scale answer is out of its range."))
            rows.append(Answer(response=response, question=question, value=given.value))
        if given.text.strip():
            rows.append(
                Answer(
                    response=response,
                    question=question,
                    text=given.text.strip(),
                    moderation=Moderation.PENDING,
                )
            )
    return rows
