"""Forms of the consultation pages: staff editing, the citizen's email, code, answers and
proposal, and the proposals list's filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from web.accounts.models import Unit
from web.consultations.actions import AnswerInput, ConsultationData, ProposalData, QuestionData
from web.consultations.models import (
    Consultation,
    Moderation,
    ProposalKind,
    Question,
    QuestionKind,
    Term,
)
from web.consultations.verification import HONEYPOT

MOMENT = forms.DateTimeInput({"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ConsultationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    unit = forms.ModelChoiceField(label=_("Dependencia"), queryset=Unit.objects.none())
    opens_at = forms.DateTimeField(label=_("Opens"), widget=MOMENT)
    closes_at = forms.DateTimeField(label=_("Closes"), widget=MOMENT)
    accepts_proposals = forms.BooleanField(label=_("Accepts citizen proposals"), required=False)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]

    @staticmethod
    def initial_of(consultation: Consultation) -> dict[str, Any]:
        names = ("title", "description", "unit", "opens_at", "closes_at", "accepts_proposals")
        return {name: getattr(consultation, name) for name in names}

    def data_object(self) -> ConsultationData:
        return ConsultationData(**self.cleaned_data)


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), max_length=500)
    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionKind.choices)
    is_required = forms.BooleanField(label=_("Required"), required=False, initial=True)
    options = forms.CharField(
        label=_("Options (one per line)"),
        widget=forms.Textarea({"rows": 4}),
        required=False,
        help_text=_("For single and multiple choice."),
    )
    scale_max = forms.IntegerField(
        label=_("Scale from 1 to"), min_value=2, max_value=10, required=False
    )
    scale_min_label = forms.CharField(label=_("Label of 1"), max_length=80, required=False)
    scale_max_label = forms.CharField(
        label=_("Label of the highest value"), max_length=80, required=False
    )

    @staticmethod
    def initial_of(question: Question) -> dict[str, Any]:
        names = ("text", "kind", "is_required", "scale_max", "scale_min_label", "scale_max_label")
        found = {name: getattr(question, name) for name in names}
        return found | {"options": "\n".join(o.text for o in question.options.all())}

    def data_object(self) -> QuestionData:
        data = dict(self.cleaned_data)
        data["options"] = data["options"].splitlines()
        return QuestionData(**data)


class Honeypot(forms.Form):
    """A field people never see (hidden by the stylesheet); bots fill it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Leave this empty"),
            required=False,
            widget=forms.TextInput({"autocomplete": "off", "tabindex": "-1"}),
        )


class EmailForm(Honeypot):
    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        widget=forms.EmailInput({"autocomplete": "email"}),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your code"),
        max_length=12,
        widget=forms.TextInput({"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class AnswerForm(Honeypot):
    """One field per question (``q<pk>``), in the consultation's order."""

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.pk}"] = _field(question)

    def answers(self) -> list[AnswerInput]:
        given = []
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            if value in (None, "", []):
                continue
            options = {str(o.pk): o for o in question.options.all()}
            if question.kind == QuestionKind.SINGLE:
                given.append(AnswerInput(question, options=(options[value],)))
            elif question.kind == QuestionKind.MULTIPLE:
                given.append(AnswerInput(question, options=tuple(options[v] for v in value)))
            elif question.kind == QuestionKind.SCALE:
                given.append(AnswerInput(question, value=int(value)))
            else:
                given.append(AnswerInput(question, text=value))
        return given


def _field(question: Question) -> forms.Field:
    from web.consultations.results import scale_label

    label, required = question.text, question.is_required
    choices = [(str(o.pk), o.text) for o in question.options.all()]
    if question.kind == QuestionKind.SINGLE:
        return forms.ChoiceField(
            label=label, required=required, choices=choices, widget=forms.RadioSelect
        )
    if question.kind == QuestionKind.MULTIPLE:
        widget = forms.CheckboxSelectMultiple
        return forms.MultipleChoiceField(
            label=label, required=required, choices=choices, widget=widget
        )
    if question.kind == QuestionKind.SCALE:
        values = range(1, (question.scale_max or 0) + 1)
        scale = [(str(v), scale_label(question, v)) for v in values]
        return forms.ChoiceField(
            label=label, required=required, choices=scale, widget=forms.RadioSelect
        )
    textarea = forms.Textarea({"rows": 4})
    return forms.CharField(label=label, required=required, widget=textarea, max_length=2000)


class ProposalFields(forms.Form):
    title = forms.CharField(label=_("Title of the proposal"), max_length=200)
    description = forms.CharField(label=_("What do you propose?"), widget=forms.Textarea)
    colonia = forms.CharField(label=_("Colonia"), max_length=120)
    kind = forms.ChoiceField(label=_("Class"), choices=ProposalKind.choices)
    term = forms.ChoiceField(label=_("Term"), choices=Term.choices)

    def data_object(self) -> ProposalData:
        names = ("title", "description", "colonia", "kind", "term")
        return ProposalData(**{name: self.cleaned_data[name] for name in names})


class ProposalForm(Honeypot, ProposalFields):
    """The citizen's proposal, with the honeypot."""


class ClassifyForm(ProposalFields):
    moderation = forms.ChoiceField(label=_("State"), choices=Moderation.choices)


def _any(choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [("", _("Any")), *choices]


class ProposalFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Class"), choices=_any(ProposalKind.choices), required=False)
    term = forms.ChoiceField(label=_("Term"), choices=_any(Term.choices), required=False)
    colonia = forms.CharField(label=_("Colonia"), max_length=120, required=False)
    state = forms.ChoiceField(label=_("State"), choices=_any(Moderation.choices), required=False)
    consultation = forms.ModelChoiceField(
        label=_("Consultation"), queryset=Consultation.objects.none(), required=False
    )

    def __init__(self, *args: Any, consultations: QuerySet[Consultation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = consultations  # type: ignore[attr-defined]
        self.fields["consultation"].empty_label = _("Any")  # type: ignore[attr-defined]
