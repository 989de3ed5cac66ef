"""Demo data: an invented consultation of the Dirección de Atención Ciudadana about
parks and sidewalks, answered by 40 invented neighbours through the same actions a
citizen's browser calls (each with a proved ticket), with open answers moderated,
results published and proposals sent and entered. Creates nothing the second time."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from web.accounts.models import Unit
from web.consultations import actions
from web.consultations import verification as v
from web.consultations.actions import AnswerInput, ConsultationData, ProposalData, QuestionData
from web.consultations.models import Consultation, Purpose, QuestionKind, Verification

TITLE = "Parques, banquetas y alumbrado 2027"
UNIT = "Dirección de Atención Ciudadana"
HEAD = "lucia"
PEOPLE = 40

QUESTIONS = [
    QuestionData(
        "¿Qué debería atender primero el municipio en su colonia?",
        QuestionKind.SINGLE,
        options=["Parques y jardines", "Banquetas", "Alumbrado público", "Drenaje"],
    ),
    QuestionData(
        "¿Qué espacios públicos usa cada semana?",
        QuestionKind.MULTIPLE,
        options=["Parque", "Unidad deportiva", "Biblioteca", "Mercado"],
    ),
    QuestionData(
        "¿Qué tan seguro se siente al caminar de noche por su colonia?",
        QuestionKind.SCALE,
        scale_max=5,
        scale_min_label="Nada seguro",
        scale_max_label="Muy seguro",
    ),
    QuestionData("¿Algo más que quiera decirnos?", QuestionKind.TEXT, is_required=False),
]

TEXTS = [
    ("Faltan bancas y sombra en el parque de la colonia.", True),
    ("Las luminarias de la avenida se apagan a medianoche.", True),
    ("Que las banquetas tengan rampas para sillas de ruedas.", True),
    ("COMPRE AHORA en mi tienda en línea", False),
]

PROPOSALS = [
    (
        "Rampas en las esquinas del centro",
        "Construir rampas accesibles en las esquinas.",
        "Centro",
        "obra",
        "corto",
    ),
    (
        "Luminarias LED en la avenida principal",
        "Cambiar las luminarias por LED.",
        "Jardines del Valle",
        "obra",
        "mediano",
    ),
    (
        "Jornadas de limpieza de parques",
        "Una jornada mensual con vecinos.",
        "Lomas del Sur",
        "accion",
        "corto",
    ),
    (
        "Red de ciclovías",
        "Unir las colonias del sur con el centro.",
        "Lomas del Sur",
        "estrategico",
        "largo",
    ),
    (
        "Horario extendido en la biblioteca",
        "Abrir hasta las 21 h entre semana.",
        "Centro",
        "servicio",
        "corto",
    ),
]


def seed_demo(report: Any) -> None:
    unit = Unit.objects.filter(name=UNIT).first()
    head = User.objects.filter(username=HEAD).first()
    if unit is None or head is None or Consultation.objects.filter(title=TITLE).exists():
        return
    now = timezone.now()
    data = ConsultationData(
        TITLE,
        "Consulta de demostración (inventada): díganos qué mejorar primero en su colonia. "
        "Sus respuestas alimentan el programa anual de obras y servicios.",
        unit,
        now - timedelta(days=10),
        now + timedelta(days=20),
        accepts_proposals=True,
    )
    consultation = actions.create_consultation(head, data)
    for question in QUESTIONS:
        actions.save_question(head, consultation, question)
    actions.publish_consultation(head, consultation)
    consultation.refresh_from_db()
    _answer(consultation, head)
    _propose(consultation, head)
    actions.publish_results(head, consultation)
    report.add(f"Consulta ciudadana de demostración: «{TITLE}», {PEOPLE} respuestas.")


def _ticket(consultation: Consultation, n: int, purpose: str) -> int:
    """A proved ticket of the invented neighbour ``n`` (as if they typed the code)."""
    email = f"vecino{n}@ejemplo.mx"
    ticket = Verification.objects.create(
        consultation=consultation,
        purpose=purpose,
        email_hash=v.email_hash(email),
        code_hash=v.secret_hash(v.new_code()),
        token_hash=v.secret_hash(v.new_token()),
        expires_at=timezone.now() + v.CODE_LIFETIME,
        verified_at=timezone.now(),
    )
    return ticket.pk


def _answer(consultation: Consultation, head: User) -> None:
    chance = random.Random(2027)
    questions = list(consultation.questions.prefetch_related("options"))
    single, multiple, scale, text = questions
    for n in range(PEOPLE):
        picks = list(multiple.options.all())
        given = [
            AnswerInput(
                single, options=(chance.choices(list(single.options.all()), [3, 4, 5, 2])[0],)
            ),
            AnswerInput(multiple, options=tuple(o for o in picks if chance.random() < 0.45)),
            AnswerInput(scale, value=chance.choices([1, 2, 3, 4, 5], [3, 6, 8, 5, 2])[0]),
        ]
        if n < len(TEXTS):
            given.append(AnswerInput(text, text=TEXTS[n][0]))
        response = actions.submit_response(
            _ticket(consultation, n, Purpose.ANSWER), consultation, given
        )
        for answer in response.answers.exclude(text=""):
            actions.moderate_answer(head, answer, approve=TEXTS[n][1])


def _propose(consultation: Consultation, head: User) -> None:
    for n, (title, description, colonia, kind, term) in enumerate(PROPOSALS):
        data = ProposalData(title, description, colonia, kind, term)
        if n < 3:
            ticket = _ticket(consultation, 100 + n, Purpose.PROPOSAL)
            proposal = actions.submit_proposal(ticket, consultation, data)
            if n < 2:
                actions.classify_proposal(head, proposal, data, "approved")
        else:
            actions.enter_proposal(head, consultation, data)
