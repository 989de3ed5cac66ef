"""A consultation of the DGE for the tests: open since yesterday for a week, with one
question of each kind (single, multiple, scale 1–5, open text)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import timezone

from web.accounts.models import Unit
from web.consultations.actions import (
    ConsultationData,
    QuestionData,
    create_consultation,
    publish_consultation,
    save_question,
)
from web.consultations.models import Consultation, QuestionKind


@pytest.fixture(autouse=True)
def locmem_email(settings: object) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    from django.core.cache import cache

    cache.clear()


def make_consultation(alicia: User, unit: Unit, **changes: object) -> Consultation:
    now = timezone.now()
    data = {
        "title": "Parques y banquetas 2027",
        "description": "¿Qué mejorar primero en su colonia?",
        "unit": unit,
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=7),
        "accepts_proposals": True,
    } | changes
    consultation = create_consultation(alicia, ConsultationData(**data))  # type: ignore[arg-type]
    questions = [
        QuestionData(
            "¿Qué arreglar primero?",
            QuestionKind.SINGLE,
            options=["Parques", "Banquetas", "Alumbrado"],
        ),
        QuestionData(
            "¿Qué servicios usa?",
            QuestionKind.MULTIPLE,
            options=["Biblioteca", "Deportivo", "Mercado"],
        ),
        QuestionData(
            "¿Qué tan seguro se siente?",
            QuestionKind.SCALE,
            scale_max=5,
            scale_min_label="Nada",
            scale_max_label="Muy seguro",
        ),
        QuestionData("¿Algo más?", QuestionKind.TEXT, is_required=False),
    ]
    for question in questions:
        save_question(alicia, consultation, question)
    publish_consultation(alicia, consultation)
    consultation.refresh_from_db()
    return consultation


@pytest.fixture
def consulta(alicia: User, dge: Unit) -> Consultation:
    return make_consultation(alicia, dge)


CODE = re.compile(r"\b(\d{6})\b")
LINK = re.compile(r"/consultas/verificar/([\w-]+)/")


def last_code() -> str:
    found = CODE.search(str(mail.outbox[-1].body))
    assert found, mail.outbox[-1].body
    return found.group(1)


def last_token() -> str:
    found = LINK.search(str(mail.outbox[-1].body))
    assert found, mail.outbox[-1].body
    return found.group(1)


def prove(
    client: Client, consultation: Consultation, email: str, purpose: str = "respuesta"
) -> None:
    """Ask for a code as ``email`` and type it, in ``client``'s session."""
    base = f"/consultas/{consultation.pk}"
    client.post(f"{base}/codigo/{purpose}/", {"email": email})
    response = client.post(f"{base}/verificar/{purpose}/", {"code": last_code()})
    assert response.status_code == 302, response.content.decode()


def answer_form(
    consultation: Consultation,
    single: int = 0,
    multiple: tuple[int, ...] = (0,),
    scale: int = 3,
    text: str = "",
) -> dict[str, object]:
    """Form data choosing options by their place (0-based)."""
    q = list(consultation.questions.prefetch_related("options"))
    opts = [list(question.options.all()) for question in q]
    return {
        f"q{q[0].pk}": str(opts[0][single].pk),
        f"q{q[1].pk}": [str(opts[1][n].pk) for n in multiple],
        f"q{q[2].pk}": str(scale),
        f"q{q[3].pk}": text,
    }
