"""Forms of the planning pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from folio.planning.ods import parse_target_ids
from web.accounts.models import Unit
from web.indicators.live import measure_choices
from web.planning.actions.enlaces import works_in_unit
from web.planning.models import Enlace, Goal, Level, PlanAlignment, PlanElement, Pmd, Project
from web.planning.reports import month_name

MONTH_CHOICES = [(m, month_name(m).capitalize()) for m in range(1, 13)]


class OdsField(forms.CharField):
    """UN target ids separated by semicolons; unknown ids are an error."""

    def clean(self, value: Any) -> list[str]:
        text = super().clean(value) or ""
        known, unknown = parse_target_ids(text)
        if unknown:
            raise forms.ValidationError(
                _("These are not targets of the 2030 Agenda: %(ids)s.")
                % {"ids": ", ".join(unknown)}
            )
        return known


class PmdForm(forms.ModelForm):
    class Meta:
        model = Pmd
        fields = ["name", "start_year", "end_year"]


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Spreadsheet (XLSX or CSV)"))


class ElementForm(forms.ModelForm):
    ods = OdsField(
        label=gettext_lazy("ODS targets"),
        required=False,
        help_text=gettext_lazy("UN target ids separated by semicolons, e.g. 11.2; 16.6"),
    )
    state_plan = forms.CharField(
        label=gettext_lazy("State plan"),
        required=False,
        widget=forms.Textarea({"rows": 2}),
        help_text=gettext_lazy("One item per line as «code: text»."),
    )
    national_plan = forms.CharField(
        label=gettext_lazy("National plan"),
        required=False,
        widget=forms.Textarea({"rows": 2}),
        help_text=gettext_lazy("One item per line as «code: text»."),
    )

    class Meta:
        model = PlanElement
        fields = ["parent", "key", "title", "indicators", "implementation"]
        widgets = {"title": forms.Textarea({"rows": 2}), "indicators": forms.Textarea({"rows": 2})}

    def __init__(self, *args: Any, level: str, pmd: Pmd, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.level, self.instance.pmd = level, pmd
        order = [v for v, _label in Level.choices]
        above = order[order.index(level) - 1] if level != Level.EJE else None
        if above is None:
            del self.fields["parent"]
        else:
            parent = self.fields["parent"]
            parent.label = _("Belongs to")
            parent.queryset = pmd.elements.filter(level=above)  # type: ignore[attr-defined]
            parent.required = True
        if self.instance.pk:
            self.initial["ods"] = "; ".join(self.instance.ods_targets)
            for plan, name in (("estatal", "state_plan"), ("nacional", "national_plan")):
                items = self.instance.alignments.filter(plan=plan)
                self.initial[name] = "\n".join(f"{a.code}: {a.text}" for a in items)

    def clean_key(self) -> str:
        key: str = self.cleaned_data["key"].strip().rstrip(".")
        depth = [v for v, _label in Level.choices].index(self.instance.level) + 1
        parts = key.split(".")
        if len(parts) != depth or not all(p.isdigit() for p in parts):
            raise forms.ValidationError(
                _("This level's key has %(n)s numbers, e.g. %(example)s.")
                % {"n": depth, "example": ".".join(["1"] * depth)}
            )
        return key

    def alignments(self) -> list[PlanAlignment]:
        found = []
        for plan, name in (("estatal", "state_plan"), ("nacional", "national_plan")):
            for line in self.cleaned_data.get(name, "").splitlines():
                code, colon, text = line.partition(":")
                if line.strip() and colon and code.strip() and text.strip():
                    found.append(
                        PlanAlignment(plan=plan, code=code.strip()[:40], text=text.strip()[:500])
                    )
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("state_plan", "national_plan"):
            for line in data.get(name, "").splitlines():
                code, colon, text = line.partition(":")
                if line.strip() and not (colon and code.strip() and text.strip()):
                    self.add_error(name, _("«%(line)s» must read «code: text».") % {"line": line})
        self.instance.ods_targets = data.get("ods", [])
        key, parent = data.get("key"), data.get("parent")
        if key and parent is not None and key.rpartition(".")[0] != parent.key:
            self.add_error(
                "key", _("The key must start with its parent's, %(key)s.") % {"key": parent.key}
            )
        taken = self.instance.pmd.elements.filter(key=key).exclude(pk=self.instance.pk)
        if key and taken.exists():
            self.add_error(
                "key", _("Another element of the plan has the key %(key)s.") % {"key": key}
            )
        return data


class EnlaceForm(forms.ModelForm):
    class Meta:
        model = Enlace
        fields = ["unit", "role", "person", "designated_on", "active"]
        widgets = {"designated_on": forms.DateInput({"type": "date"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = User.objects.filter(is_active=True, profile__unit__isnull=False)
        self.fields["person"].queryset = people.order_by("first_name", "last_name")  # type: ignore[attr-defined]
        self.fields["person"].label_from_instance = lambda u: u.get_full_name() or u.username  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        person, unit = data.get("person"), data.get("unit")
        if person is not None and unit is not None and not works_in_unit(person, unit):
            name = person.get_full_name() or person.username
            words = {"person": name, "unit": unit.name}
            self.add_error(
                "person", _("%(person)s does not work in %(unit)s or a unit below it.") % words
            )
        return data


class PatForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.all(), label=gettext_lazy("Unit"))
    year = forms.IntegerField(label=gettext_lazy("Fiscal year"), min_value=2000, max_value=2100)


class ProgramForm(forms.Form):
    code = forms.RegexField(
        regex=r"^[A-Z0-9]{2,8}-[0-9]{1,3}$",
        label=gettext_lazy("Code"),
        error_messages={"invalid": gettext_lazy("Write the code as IMP-04.")},
    )
    name = forms.CharField(label=gettext_lazy("Name"), max_length=300)
    objective = forms.CharField(
        label=gettext_lazy("Objective"), required=False, widget=forms.Textarea({"rows": 2})
    )


class ProjectForm(forms.ModelForm):
    ods = OdsField(label=gettext_lazy("ODS targets"), required=False)

    class Meta:
        model = Project
        fields = ["name", "budget", "responsible_unit", "enlace", "lines"]
        widgets = {"lines": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lines = PlanElement.objects.filter(level=Level.LINEA).select_related("pmd")
        self.fields["lines"].queryset = lines  # type: ignore[attr-defined]
        if self.instance.pk:
            self.initial["ods"] = "; ".join(self.instance.ods_targets)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.instance.ods_targets = data.get("ods", [])
        return data


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = [
            "description",
            "unit_of_measure",
            "frequency",
            "sentido",
            "live_measure",
            "live_procedure_code",
            "live_unit",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("None: the liaison captures it")), *measure_choices()]
        self.fields["live_measure"] = forms.ChoiceField(
            choices=choices, required=False, label=_("Take the value from a Folio measure")
        )
        values = list(self.instance.programmed or []) + [None] * 12
        for m in range(1, 13):
            self.fields[f"m{m}"] = forms.DecimalField(
                label=month_name(m).capitalize(), required=False, max_digits=14, decimal_places=2
            )
            if values[m - 1] is not None:
                value = float(values[m - 1])
                self.initial[f"m{m}"] = int(value) if value.is_integer() else value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        months = [data.get(f"m{m}") for m in range(1, 13)]
        if data.get("frequency") == "trimestral":
            for m, value in enumerate(months, 1):
                if value is not None and m % 3:
                    self.add_error(
                        f"m{m}",
                        _("A quarterly goal is programmed in March, June, September and December."),
                    )
        if all(v is None for v in months):
            self.add_error(None, _("Program the goal in at least one month."))
        self.instance.programmed = [None if v is None else float(v) for v in months]
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """One or more evidence files (Django's documented pattern for ``multiple``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        found = single(data, initial)
        return [found] if found else []


class CaptureForm(forms.Form):
    month = forms.TypedChoiceField(choices=MONTH_CHOICES, coerce=int, label=gettext_lazy("Month"))
    value = forms.DecimalField(
        label=gettext_lazy("Value reached"), max_digits=14, decimal_places=2, min_value=Decimal(0)
    )
    narrative = forms.CharField(label=gettext_lazy("Narrative"), widget=forms.Textarea({"rows": 3}))
    evidence = EvidenceField(
        label=gettext_lazy("Evidence"),
        required=False,
        help_text=gettext_lazy("One or more files: PDF, images, Word, Excel or text."),
    )


class CorrectForm(CaptureForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["month"]


class ReviewForm(forms.Form):
    observations = forms.CharField(
        label=gettext_lazy("Observations"), required=False, widget=forms.Textarea({"rows": 3})
    )


class ReportForm(forms.Form):
    month = forms.RegexField(
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        label=gettext_lazy("Month"),
        error_messages={"invalid": gettext_lazy("Write the month as YYYY-MM, e.g. 2026-03.")},
        widget=forms.TextInput({"type": "month"}),
    )
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.filter(pats__isnull=False).distinct(),
        required=False,
        label=gettext_lazy("Unit"),
        empty_label=gettext_lazy("All (consolidated)"),
    )
