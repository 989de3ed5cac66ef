"""Forms of the evaluation pages (labels in English, shown in Spanish)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from web.accounts.models import Unit
from web.evaluation.models import (
    DIMENSION_CHOICES,
    FREQUENCY_CHOICES,
    LEVEL_CHOICES,
    SENTIDO_CHOICES,
    TYPE_CHOICES,
    Indicator,
    MirRow,
    Program,
    Source,
)
from web.evaluation.pbrsed import SECTIONS
from web.indicators.live import measure_choices

BLANK = [("", "—")]


class ProgramForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=30)
    name = forms.CharField(label=_("Name"), max_length=300)
    unit = forms.ModelChoiceField(label=_("Dependencia"), queryset=Unit.objects.all())
    year = forms.IntegerField(label=_("Fiscal year"), min_value=2000, max_value=2100)


class RowForm(forms.Form):
    level = forms.ChoiceField(label=_("Level"), choices=LEVEL_CHOICES)
    parent = forms.ModelChoiceField(
        label=_("Componente (for an Actividad)"), queryset=MirRow.objects.none(), required=False
    )
    summary = forms.CharField(label=_("Resumen narrativo"), widget=forms.Textarea({"rows": 3}))
    verification = forms.CharField(
        label=_("Medios de verificación"), widget=forms.Textarea({"rows": 2}), required=False
    )
    assumptions = forms.CharField(
        label=_("Supuestos"), widget=forms.Textarea({"rows": 2}), required=False
    )
    position = forms.IntegerField(label=_("Order"), min_value=1, initial=1)

    def __init__(self, program: Program, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["parent"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = program.rows.filter(level="componente")


class IndicatorForm(forms.ModelForm):
    frequency = forms.ChoiceField(
        label=_("Frecuencia de medición"), choices=BLANK + FREQUENCY_CHOICES, required=False
    )
    sentido = forms.ChoiceField(label=_("Sentido"), choices=BLANK + SENTIDO_CHOICES, required=False)
    dimension = forms.ChoiceField(
        label=_("Dimensión"), choices=BLANK + DIMENSION_CHOICES, required=False
    )
    type = forms.ChoiceField(label=_("Tipo"), choices=BLANK + TYPE_CHOICES, required=False)

    class Meta:
        model = Indicator
        fields = [
            "name",
            "definition",
            "formula",
            "measure_unit",
            "frequency",
            "baseline_value",
            "baseline_year",
            "sentido",
            "green",
            "yellow",
            "dimension",
            "type",
        ]
        widgets = {"definition": forms.Textarea({"rows": 3})}
        help_texts = {
            "formula": _(
                "Over the variables' names, e.g. atendidas / recibidas * 100. "
                "Allowed: + - * / ** ( ) min max abs round."
            ),
            "green": _("Ascendente: verde from this % of the meta; descendente: up to 200 − it."),
        }


class VariableForm(forms.Form):
    name = forms.CharField(label=_("Name in the formula"), max_length=60)
    description = forms.CharField(label=_("Description"), max_length=300)
    source = forms.ChoiceField(label=_("Source"), choices=Source.choices)
    measure = forms.ChoiceField(label=_("Measure"), required=False)
    procedure_code = forms.CharField(label=_("Procedure code"), max_length=60, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["measure"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [*BLANK, *measure_choices()]


class AssessmentForm(forms.Form):
    published_score = forms.FloatField(
        label=_("Score published by the SHCP"), min_value=0, max_value=100, required=False
    )
    national_average = forms.FloatField(
        label=_("National average"), min_value=0, max_value=100, required=False
    )
    rank = forms.IntegerField(label=_("Rank"), min_value=1, required=False)
    ranked = forms.IntegerField(label=_("Governments ranked"), min_value=1, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for section in SECTIONS:
            for code, name in section.elements:
                self.fields[f"e{code}"] = forms.FloatField(
                    label=f"{code} {name}", min_value=0, max_value=100, required=False
                )
                self.fields[f"v{code}"] = forms.CharField(
                    label=_("Evidence"), required=False, widget=forms.Textarea({"rows": 1})
                )


class ValuesForm(forms.Form):
    """A grid of one period per line: its meta and each manual variable's value."""

    def __init__(
        self, periods: list[tuple[int, str]], variables: list[tuple[int, str]], *args: object
    ) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        for number, label in periods:
            self.fields[f"t{number}"] = forms.FloatField(
                label=_("Meta, %(period)s") % {"period": label}, required=False
            )
            for pk, name in variables:
                self.fields[f"v{pk}_{number}"] = forms.FloatField(
                    label=f"{name}, {label}", required=False
                )
