"""Forms of the case pages. Each one only parses and checks the input; the actions in
``web/cases/actions/`` decide and write."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import PurePath
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from folio.manuals.model import DocumentRef, Step
from web.cases.actions.targets import TargetChange
from web.cases.case_search import DEFAULT_SORT, SORTS, CaseFilters
from web.cases.documents import NewDocument, kind_of_type
from web.cases.models import CaseState, DocumentKind, StepTarget
from web.cases.queries import DEADLINE_LABELS
from web.catalog.models import Procedure

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CaseCreateForm(forms.Form):
    procedure = forms.ModelChoiceField(queryset=Procedure.objects.none(), label=_("Procedure"))
    subject = forms.CharField(label=_("Subject"), max_length=500)
    requesting_unit = forms.CharField(label=_("Requesting unit"), max_length=300, required=False)
    oficio_number = forms.CharField(label=_("Oficio number"), max_length=100, required=False)
    oficio_date = forms.DateField(label=_("Oficio date"), required=False, widget=DATE_INPUT)

    def __init__(self, *args: Any, procedures: list[Procedure], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["procedure"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Procedure.objects.filter(pk__in=[p.pk for p in procedures])
        groups: dict[str, list[tuple[int, str]]] = {}
        for row in procedures:
            groups.setdefault(row.version.manual.title, []).append((row.pk, f"{row}"))
        field.choices = [("", "---------"), *groups.items()]


def document_kind(ref: DocumentRef) -> str:
    """The kind of case document a step's named document is kept as."""
    return kind_of_type(ref.type)


class TaskCompleteForm(forms.Form):
    """Notes, the documents the step names (each registered by number and date, or
    uploaded as a file, or both) and, at a decision, the branch taken as the manual
    words it."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self,
        *args: Any,
        choices: tuple[str, ...] = (),
        documents: tuple[DocumentRef, ...] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.documents = documents
        if choices:
            self.fields["choice"] = forms.ChoiceField(
                label=_("Answer"), choices=[(c, c) for c in choices], widget=forms.RadioSelect
            )
        for i in range(len(documents)):
            self.fields[f"doc{i}_number"] = forms.CharField(
                label=_("Number"), max_length=100, required=False
            )
            self.fields[f"doc{i}_date"] = forms.DateField(
                label=_("Date"), required=False, widget=DATE_INPUT
            )
            self.fields[f"doc{i}_file"] = forms.FileField(label=_("File"), required=False)

    def document_fields(self) -> list[tuple[DocumentRef, list[forms.BoundField]]]:
        return [
            (ref, [self[f"doc{i}_{part}"] for part in ("number", "date", "file")])
            for i, ref in enumerate(self.documents)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for i in range(len(self.documents)):
            upload = data.get(f"doc{i}_file")
            if upload is not None and (upload.size or 0) > settings.FOLIO_MAX_UPLOAD:
                self.add_error(f"doc{i}_file", gettext("The file is too large."))
        return data

    def new_documents(self) -> list[NewDocument]:
        """The documents filled in; one given without a file is a reference to the
        paper, registered by its number and date."""
        found = []
        for i, ref in enumerate(self.documents):
            number = self.cleaned_data.get(f"doc{i}_number") or ""
            day = self.cleaned_data.get(f"doc{i}_date")
            upload = self.cleaned_data.get(f"doc{i}_file")
            if upload is None and not number and day is None:
                continue
            kind = document_kind(ref)
            found.append(_document(kind, number, day, upload))
        return found


def _document(kind: str, number: str, day: date | None, upload: UploadedFile | None) -> NewDocument:
    """A file, or a reference registered by number and date alone (no file)."""
    if upload is not None:
        name = PurePath(upload.name or "documento").name
        return NewDocument(kind, name, upload.read(), number=number, date=day)
    return NewDocument(kind, "", b"", number=number, date=day)


class DocumentForm(forms.Form):
    """A document added outside a step; the kinds the waiting activities name
    (``steps``) are offered first."""

    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    number = forms.CharField(label=_("Number"), max_length=100, required=False)
    date = forms.DateField(label=_("Date"), required=False, widget=DATE_INPUT)
    file = forms.FileField(label=_("File"))

    def __init__(self, *args: Any, steps: Sequence[Step] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        named = dict.fromkeys(kind_of_type(ref.type) for step in steps for ref in step.documents)
        if not named:
            return
        labels = dict(DocumentKind.choices)
        field = self.fields["kind"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (_("Named by the activity"), [(kind, labels[kind]) for kind in named]),
            (_("Other kinds"), [pair for pair in DocumentKind.choices if pair[0] not in named]),
        ]
        field.initial = next(iter(named))

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if (upload.size or 0) > settings.FOLIO_MAX_UPLOAD:
            raise forms.ValidationError(_("The file is too large."))
        return upload

    def new_document(self) -> NewDocument:
        upload: UploadedFile = self.cleaned_data["file"]
        name = PurePath(upload.name or "documento").name
        return NewDocument(
            self.cleaned_data["kind"],
            name,
            upload.read(),
            number=self.cleaned_data["number"],
            date=self.cleaned_data["date"],
        )


class ReasonForm(forms.Form):
    """Reassigning or cancelling: the reason is required."""

    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class PersonField(forms.ModelChoiceField):
    """People shown by name and position ("Carla Méndez — Jefe/a de Departamento…")."""

    def label_from_instance(self, obj: Any) -> str:
        name = obj.get_full_name() or obj.username
        position = getattr(getattr(obj, "profile", None), "position", "")
        return f"{name} — {position}" if position else name


class TaskReassignForm(ReasonForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    to_user = PersonField(queryset=User.objects.none(), label=_("Hand over to"))

    def __init__(self, *args: Any, people: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["to_user"]
        assert isinstance(field, PersonField)
        field.queryset = people


class CaseSearchForm(forms.Form):
    """The case list's filters; ``procedures`` and ``holders`` are the choices offered."""

    q = forms.CharField(label=_("Folio, subject, requesting unit or oficio"), required=False)
    unit = forms.CharField(label=_("Unit"), required=False)
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("Any")), *CaseState.choices]
    )
    deadline = forms.ChoiceField(
        label=_("Deadline"),
        required=False,
        choices=[("", _("Any")), *((key, _(text)) for key, text in DEADLINE_LABELS.items())],
    )
    step = forms.CharField(label=_("Current activity (number)"), required=False, max_length=20)
    holder = PersonField(
        queryset=User.objects.none(), label=_("Held by"), required=False, empty_label=_("Anyone")
    )
    procedure = forms.ModelChoiceField(
        queryset=Procedure.objects.none(),
        label=_("Procedure"),
        required=False,
        empty_label=_("Any"),
    )
    started_from = forms.DateField(label=_("Started from"), required=False, widget=DATE_INPUT)
    started_to = forms.DateField(label=_("Started until"), required=False, widget=DATE_INPUT)
    sort = forms.ChoiceField(
        required=False,
        widget=forms.HiddenInput,
        choices=[(f"{sign}{name}", name) for name in SORTS for sign in ("", "-")],
    )

    def __init__(
        self,
        *args: Any,
        procedures: QuerySet[Procedure],
        holders: QuerySet[User],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in (("procedure", procedures), ("holder", holders)):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = queryset

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("started_from"), data.get("started_to")
        if first and last and first > last:
            self.add_error("started_to", gettext("The end date is before the start date."))
        return data

    def filters(self) -> CaseFilters:
        """The filters asked for; none when the form has errors."""
        if not self.is_valid():
            return CaseFilters()
        data = self.cleaned_data
        return CaseFilters(
            text=data["q"],
            unit=data["unit"],
            state=data["state"],
            deadline=data["deadline"],
            step=data["step"],
            holder=data["holder"],
            procedure=data["procedure"],
            started_from=data["started_from"],
            started_to=data["started_to"],
            sort=data["sort"] or DEFAULT_SORT,
        )


def step_choice(step: Step) -> tuple[str, str]:
    """An activity as a select offers it: its number and the start of its text."""
    return step.number, f"{step.number}. {Truncator(step.activity).chars(90)}"


class CaseResumeForm(ReasonForm):
    """Where a blocked case goes on, and why."""

    step = forms.ChoiceField(label=_("Resume at activity"))

    field_order = ["step", "reason"]

    def __init__(self, *args: Any, steps: Sequence[Step] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["step"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Choose an activity")), *(step_choice(s) for s in steps)]


TARGET_KINDS = [("habiles", _("business days")), ("naturales", _("calendar days"))]


class StepTargetsForm(forms.Form):
    """For each activity, its own time in days (empty: due with the case)."""

    def __init__(
        self,
        *args: Any,
        steps: Sequence[Step],
        targets: Mapping[str, StepTarget],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.steps = list(steps)
        for i, step in enumerate(self.steps):
            target, words = targets.get(step.number), {"step": step.number}
            self.fields[f"days_{i}"] = forms.IntegerField(
                label=_("Days for activity %(step)s") % words,
                min_value=1,
                max_value=3650,
                required=False,
                initial=target.days if target else None,
            )
            self.fields[f"kind_{i}"] = forms.ChoiceField(
                label=_("Kind of days for activity %(step)s") % words,
                choices=TARGET_KINDS,
                initial="habiles" if target is None or target.business_days else "naturales",
            )

    def rows(self) -> list[tuple[Step, forms.BoundField, forms.BoundField]]:
        return [(step, self[f"days_{i}"], self[f"kind_{i}"]) for i, step in enumerate(self.steps)]

    def changes(self) -> list[TargetChange]:
        data = self.cleaned_data
        return [
            TargetChange(step.number, data.get(f"days_{i}"), data[f"kind_{i}"] == "habiles")
            for i, step in enumerate(self.steps)
        ]
