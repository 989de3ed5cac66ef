"""*Captura manual*: a head captures the month's value of an indicator no measure
computes, with evidence; a correction is a new capture; every capture is logged; the
auditor reads and captures nothing; the indicators page shows the captured value."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from web.accounts.models import Unit
from web.cases.models import Event, EventKind
from web.cases.tests.conftest import SetClock
from web.catalog.models import Procedure
from web.conftest import signed_in
from web.indicators.capture import (
    CaptureError,
    Entry,
    capture_indicator_value,
    current_captures,
    history,
)
from web.indicators.capture_models import IndicatorCapture
from web.indicators.tests.conftest import World
from web.indicators.tests.manual_world import INDICATOR, copia, cuentas_2_a_5
from web.tests.files import tiny_pdf

__all__ = ["cuentas_2_a_5"]
pytestmark = pytest.mark.django_db

MARCH = date(2026, 3, 1)


def entry(
    numerator: str | None = "45",
    denominator: str | None = "50",
    value: str | None = None,
    note: str = "",
    evidence: bytes | None = None,
) -> Entry:
    def number(text: str | None) -> Decimal | None:
        return None if text is None else Decimal(text)

    return Entry(
        number(numerator),
        number(denominator),
        number(value),
        note,
        "encuestas-marzo.pdf",
        tiny_pdf() if evidence is None else evidence,
    )


def test_a_head_captures_numerator_and_denominator(
    march: World, alicia: User, clock: SetClock
) -> None:
    clock(datetime(2026, 4, 2, 9))
    capture = capture_indicator_value(alicia, copia(march.procedure), INDICATOR, MARCH, entry())
    assert capture.value == Decimal("90.0000")  # 45 ÷ 50 × 100
    assert (capture.factor, capture.corrects, capture.direct) == (100.0, None, False)
    event = Event.objects.filter(kind=EventKind.INDICATOR_CAPTURED).get()
    assert event.actor == alicia
    assert event.payload["value"] == "90"
    assert event.payload["month"] == "2026-03"
    assert event.payload["evidence_sha256"] == capture.evidence_sha256


def test_a_correction_is_a_new_capture_that_says_why(
    march: World, alicia: User, carla: User, clock: SetClock
) -> None:
    p2 = copia(march.procedure)
    clock(datetime(2026, 4, 2, 9))
    first = capture_indicator_value(alicia, p2, INDICATOR, MARCH, entry())
    clock(datetime(2026, 4, 3, 9))
    with pytest.raises(CaptureError, match="ya tiene un valor \\(90\\)"):
        capture_indicator_value(alicia, p2, INDICATOR, MARCH, entry(None, None, "88.5"))
    second = capture_indicator_value(
        alicia, p2, INDICATOR, MARCH, entry(None, None, "88.5", note="Faltaban 3 encuestas.")
    )
    assert second.corrects == first and second.direct
    first.refresh_from_db()
    assert first.value == Decimal("90")  # never overwritten
    assert [c.value for c in history(p2, INDICATOR)] == [Decimal("88.5"), Decimal("90")]
    current = current_captures({march.procedure.version.manual.unit_id or 0}, MARCH)
    assert current[(p2.version.manual_id, "P2", INDICATOR)] == second
    assert Event.objects.filter(kind=EventKind.INDICATOR_CAPTURED).count() == 2


@pytest.mark.parametrize(
    ("made", "message"),
    [
        (entry("1", "0"), "El denominador es cero"),
        (entry("1", "2", "3"), "o el numerador y el denominador, o el valor"),
        (entry("1", None), "Escriba el numerador y el denominador"),
        (entry(evidence=b"%PDF-1.4 no es un PDF"), "no se abre como un PDF"),
    ],
)
def test_bad_entries_are_refused_in_spanish(
    march: World, alicia: User, clock: SetClock, made: Entry, message: str
) -> None:
    clock(datetime(2026, 4, 2, 9))
    with pytest.raises(CaptureError, match=message):
        capture_indicator_value(alicia, copia(march.procedure), INDICATOR, MARCH, made)
    assert not IndicatorCapture.objects.exists()


def test_future_months_and_computed_indicators_are_refused(
    march: World, alicia: User, clock: SetClock
) -> None:
    clock(datetime(2026, 4, 2, 9))
    p2 = copia(march.procedure)
    with pytest.raises(CaptureError, match="2026-05 no ha comenzado"):
        capture_indicator_value(alicia, p2, INDICATOR, date(2026, 5, 1), entry())
    with pytest.raises(CaptureError, match="no indica un indicador «capacidad de respuesta»"):
        capture_indicator_value(alicia, march.procedure, "capacidad de respuesta", MARCH, entry())


def test_only_heads_of_the_manuals_unit_capture(
    march: World, bruno: User, fernando: User, gabriela: User
) -> None:
    p2 = copia(march.procedure)
    for who in (bruno, fernando, gabriela):
        with pytest.raises(PermissionDenied):
            capture_indicator_value(who, p2, INDICATOR, MARCH, entry())


def test_the_page_captures_and_the_indicators_page_shows_the_value(
    march: World, alicia: User, fernando: User, dge: Unit, clock: SetClock
) -> None:
    clock(datetime(2026, 4, 2, 9))
    p2 = copia(march.procedure)
    url = reverse("indicators:capture", args=[p2.pk, INDICATOR])
    page = signed_in(alicia).get(url, {"month": "2026-03"})
    assert page.status_code == 200
    assert "Número de encuestas con calificación favorable" in page.content.decode()
    sent = {
        "month": "2026-03",
        "numerator": "45",
        "denominator": "50",
        "value": "",
        "note": "",
        "evidence": _upload(),
    }
    response = signed_in(alicia).post(url, sent)
    assert response.status_code == 302
    listing = signed_in(fernando).get(
        reverse("indicators:indicators"), {"unit": str(dge.pk), "month": "2026-03"}
    )
    html = listing.content.decode()
    assert "90&nbsp;%" in html and "Alicia Ramos" in html
    # The auditor reads the history but gets no form.
    audit = signed_in(fernando).get(url, {"month": "2026-03"}).content.decode()
    assert "encuestas-marzo.pdf" in audit and 'type="file"' not in audit
    assert signed_in(fernando).post(url, sent).status_code == 403


def test_the_form_names_a_bad_field(march: World, alicia: User, clock: SetClock) -> None:
    clock(datetime(2026, 4, 2, 9))
    url = reverse("indicators:capture", args=[copia(march.procedure).pk, INDICATOR])
    sent = {"month": "2026-13", "numerator": "x", "denominator": "50", "evidence": _upload()}
    html = signed_in(alicia).post(url, sent).content.decode()
    assert "AAAA-MM" in html and "Introduzca un número" in html
    assert not IndicatorCapture.objects.exists()


def _upload() -> object:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("encuestas-marzo.pdf", tiny_pdf(), "application/pdf")


def test_evidence_downloads_for_readers_only(
    march: World, alicia: User, fernando: User, gabriela: User, clock: SetClock
) -> None:
    clock(datetime(2026, 4, 2, 9))
    capture = capture_indicator_value(alicia, copia(march.procedure), INDICATOR, MARCH, entry())
    url = reverse("indicators:capture_evidence", args=[capture.pk])
    got = signed_in(fernando).get(url)
    assert got.status_code == 200
    content = b"".join(got.streaming_content)  # type: ignore[attr-defined]
    assert hashlib.sha256(content).hexdigest() == capture.evidence_sha256
    assert signed_in(gabriela).get(url).status_code == 403


def test_current_captures_ignore_other_months(march: World, alicia: User, clock: SetClock) -> None:
    clock(datetime(2026, 4, 2, 9))
    capture_indicator_value(alicia, copia(march.procedure), INDICATOR, MARCH, entry())
    unit_ids = {march.procedure.version.manual.unit_id or 0}
    assert current_captures(unit_ids, date(2026, 2, 1)) == {}
    assert isinstance(copia(march.procedure), Procedure)
