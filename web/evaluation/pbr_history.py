"""The PbR-SED history: each year's self-assessed scores beside the SHCP's published
score, rank and national average, and the chart of them."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from web.charts import Chart, line_chart
from web.evaluation.models import Assessment
from web.evaluation.pbrsed import SECTIONS, Scores, score


@dataclass(frozen=True)
class YearScores:
    assessment: Assessment
    scores: Scores

    @property
    def gap(self) -> float | None:
        a = self.assessment
        if a.published_score is None or a.national_average is None:
            return None
        return a.published_score - a.national_average


def history() -> list[YearScores]:
    years = Assessment.objects.prefetch_related("answers").order_by("year")
    return [YearScores(a, score({x.element: x.score for x in a.answers.all()})) for a in years]


def history_chart(rows: list[YearScores]) -> Chart:
    labels = [str(r.assessment.year) for r in rows]
    return line_chart(
        _("PbR-SED: the municipality against the national average"),
        labels,
        {
            _("SHCP score"): [r.assessment.published_score for r in rows],
            _("National average"): [r.assessment.national_average for r in rows],
            _("Self-assessment"): [r.scores.total for r in rows],
        },
        label_header=_("Year"),
    )


def section_rows(rows: list[YearScores]) -> list[tuple[str, list[float | None]]]:
    """One line per section: its self-assessed score in each year."""
    return [
        (f"{s.number}. {s.name}", [r.scores.sections[s.number] for r in rows]) for s in SECTIONS
    ]
