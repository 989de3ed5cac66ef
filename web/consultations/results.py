"""A consultation's results: per option its count and the share of the people who
answered the question (a multiple choice adds up to more than 100 %), a scale's
distribution and mean, and the open answers — only approved ones unless staff ask for
all. Counted in a fixed number of queries whatever the number of responses."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from web.charts import Chart, bar_chart, format_number
from web.consultations.models import Answer, Consultation, Moderation, Question, QuestionKind


@dataclass(frozen=True)
class Row:
    label: str
    count: int
    percent: float | None


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    rows: list[Row] = field(default_factory=list)
    mean: float | None = None
    texts: list[str] = field(default_factory=list)
    pending: int = 0

    @property
    def chart(self) -> Chart | None:
        """Bars of the options' shares; the table beside it has counts and shares."""
        if self.question.kind == QuestionKind.TEXT or not self.rows:
            return None
        labels = [r.label for r in self.rows]
        shares = [r.percent for r in self.rows]
        horizontal = self.question.kind != QuestionKind.SCALE
        drawn = bar_chart(
            self.question.text,
            labels,
            {_("Share of answers"): shares},
            suffix=" %",
            horizontal=horizontal,
            maximum=100,
        )
        headers = (_("Answer"), _("Answers"), _("Share"))
        rows = tuple(
            (r.label, format_number(r.count), format_number(r.percent, " %")) for r in self.rows
        )
        return Chart(drawn.title, drawn.svg, headers, rows)


@dataclass(frozen=True)
class Results:
    consultation: Consultation
    responses: int
    questions: list[QuestionResult]


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def consultation_results(consultation: Consultation, *, approved_only: bool = True) -> Results:
    questions = list(consultation.questions.prefetch_related("options"))
    answers = Answer.objects.filter(question__consultation=consultation)
    answered = dict(
        answers.values("question_id")
        .annotate(n=Count("response_id", distinct=True))
        .values_list("question_id", "n")
    )
    by_option: dict[int | None, int] = dict(
        answers.filter(option__isnull=False)
        .values("option_id")
        .annotate(n=Count("id"))
        .values_list("option_id", "n")
    )
    by_value = _by_value(answers)
    texts, pending = _texts(answers, approved_only)
    results = []
    for question in questions:
        total = answered.get(question.pk, 0)
        result = QuestionResult(question, total, texts=texts[question.pk])
        result.pending = pending[question.pk]
        if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            for option in question.options.all():
                n = by_option.get(option.pk, 0)
                result.rows.append(Row(option.text, n, percent(n, total)))
        elif question.kind == QuestionKind.SCALE:
            _scale(result, by_value[question.pk], total)
        results.append(result)
    return Results(consultation, consultation.responses.count(), results)


def _by_value(answers: QuerySet[Answer]) -> dict[int, dict[int | None, int]]:
    """Per question, how many chose each scale value."""
    found: dict[int, dict[int | None, int]] = defaultdict(dict)
    for question_id, value, n in (
        answers.filter(value__isnull=False)
        .values("question_id", "value")
        .annotate(n=Count("id"))
        .values_list("question_id", "value", "n")
    ):
        found[question_id][value] = n
    return found


def _texts(
    answers: QuerySet[Answer], approved_only: bool
) -> tuple[dict[int, list[str]], dict[int, int]]:
    """Per question, the open answers shown (approved ones, in order) and those pending."""
    texts: dict[int, list[str]] = defaultdict(list)
    pending: dict[int, int] = defaultdict(int)
    for question_id, text, state in (
        answers.exclude(text="").order_by("pk").values_list("question_id", "text", "moderation")
    ):
        if state == Moderation.PENDING:
            pending[question_id] += 1
        if state == Moderation.APPROVED or not approved_only:
            texts[question_id].append(text)
    return texts, pending


def scale_label(question: Question, value: int) -> str:
    if value == 1 and question.scale_min_label:
        return f"1 ({question.scale_min_label})"
    if value == question.scale_max and question.scale_max_label:
        return f"{value} ({question.scale_max_label})"
    return str(value)


def _scale(result: QuestionResult, counts: dict[int | None, int], total: int) -> None:
    question = result.question
    for value in range(1, (question.scale_max or 0) + 1):
        n = counts.get(value, 0)
        result.rows.append(Row(scale_label(question, value), n, percent(n, total)))
    if total:
        result.mean = round(sum((v or 0) * n for v, n in counts.items()) / total, 2)
