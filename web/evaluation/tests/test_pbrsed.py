"""The PbR-SED self-diagnostic: 9 sections, scores per section and total, the history
against the national average, and who may answer it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.test import Client

from web.cases.models import Event
from web.evaluation.actions import save_assessment
from web.evaluation.errors import EvaluationError
from web.evaluation.models import Assessment
from web.evaluation.pbr_history import history
from web.evaluation.pbrsed import ELEMENTS, SECTIONS, score


def test_nine_sections_and_their_elements() -> None:
    assert [s.number for s in SECTIONS] == list(range(1, 10))
    assert [len(s.elements) for s in SECTIONS] == [3, 3, 6, 3, 2, 3, 3, 1, 1]
    assert len(ELEMENTS) == 25


def test_scores_are_means_of_the_answered() -> None:
    result = score({"1.1": 100, "1.2": 50, "2.1": 30, "9.1": 80})
    assert result.sections[1] == 75  # 1.3 unanswered: the mean of the two answered
    assert result.sections[3] is None
    assert result.total == pytest.approx((75 + 30 + 80) / 3)
    assert score({}).total is None


@pytest.mark.parametrize(
    ("answers", "message"), [({"10.1": 5}, "desconocidos"), ({"1.1": 101}, "entre 0 y 100")]
)
def test_bad_answers_are_refused(answers: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        score(answers)


@pytest.mark.django_db
def test_planning_staff_save_a_year_and_the_history_shows_the_gap(alicia: User) -> None:
    save_assessment(
        alicia,
        2025,
        answers={"1.1": 60, "5.1": 40},
        published_score=38.5,
        national_average=45.0,
        rank=29,
        ranked=64,
    )
    save_assessment(alicia, 2026, answers={"1.1": 70}, published_score=42.0, national_average=46.0)
    rows = history()
    assert [r.assessment.year for r in rows] == [2025, 2026]
    assert rows[0].gap == pytest.approx(-6.5)
    assert rows[0].scores.total == pytest.approx(50.0)
    event = Event.objects.filter(kind="evaluation.pbr_saved").first()
    assert event is not None and event.payload["answers"] == {"1.1": 60, "5.1": 40}


@pytest.mark.django_db
def test_a_second_save_replaces_the_year(alicia: User) -> None:
    save_assessment(alicia, 2025, answers={"1.1": 60, "5.1": 40})
    save_assessment(alicia, 2025, answers={"2.2": 10})
    assert list(Assessment.objects.get(year=2025).answers.values_list("element", flat=True)) == [
        "2.2"
    ]


@pytest.mark.django_db
def test_others_cannot_answer(bruno: User, carla: User) -> None:
    for user in (bruno, carla):
        with pytest.raises(PermissionDenied):
            save_assessment(user, 2025, answers={"1.1": 60})
    assert not Assessment.objects.exists()


@pytest.mark.django_db
def test_a_rank_beyond_the_ranked_is_refused(alicia: User) -> None:
    with pytest.raises(EvaluationError, match="Posición|Rank"):
        save_assessment(alicia, 2025, answers={}, rank=70, ranked=64)


@pytest.mark.django_db
def test_the_history_page_has_the_chart_and_its_table(alicia: User, bruno: User) -> None:
    save_assessment(alicia, 2025, answers={"1.1": 60}, published_score=38.5, national_average=45.0)
    client = Client()
    client.force_login(bruno)
    page = client.get("/evaluacion/pbr-sed/").content.decode()
    assert "data:image/svg+xml;base64," in page
    assert "38.5" in page and "45.0" in page and "-6.5" in page
    assert client.get("/evaluacion/pbr-sed/2025/").status_code == 403
    client.force_login(alicia)
    form = {"e1.1": "80", "e9.1": "20", "published_score": "40", "national_average": "46"}
    assert client.post("/evaluacion/pbr-sed/2026/", form).status_code == 302
    assert Assessment.objects.get(year=2026).answers.count() == 2
