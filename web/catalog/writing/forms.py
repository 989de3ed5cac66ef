"""The manual's header as a form: title, unit, registro, dates, revision, introduction,
change note; authorizations and glossary as formsets with a few blank rows (no JS)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy, pgettext_lazy

from folio.manuals.model import Authorization, Term
from web.accounts.models import Unit
from web.catalog.models import CatalogManual
from web.catalog.writing import CONTEXT

#: Blank rows offered under the filled ones.
BLANK_ROWS = 3


class ManualHeaderForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    unit = forms.ModelChoiceField(label=gettext_lazy("Unit"), queryset=Unit.objects.all())
    code = forms.CharField(label=gettext_lazy("Registro"), max_length=120, required=False)
    elaborated = forms.CharField(
        label=pgettext_lazy(CONTEXT, "Date elaborated"), max_length=60, required=False
    )
    updated = forms.CharField(
        label=pgettext_lazy(CONTEXT, "Date updated"), max_length=60, required=False
    )
    revision = forms.CharField(
        label=pgettext_lazy(CONTEXT, "Revision"), max_length=60, required=False
    )
    introduction = forms.CharField(
        label=pgettext_lazy(CONTEXT, "Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    note = forms.CharField(
        label=pgettext_lazy(CONTEXT, "Change note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, note_required: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["note"].required = note_required
        if not note_required:
            self.fields["note"].help_text = pgettext_lazy(
                CONTEXT, "Optional; left blank, the version says «Manual escrito en Folio»."
            )
        if note_required:
            self.fields["note"].help_text = pgettext_lazy(
                CONTEXT, "What changed and why: it goes to the registro de ediciones."
            )

    def clean_title(self) -> str:
        title: str = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(pgettext_lazy(CONTEXT, "Write the manual's title."))
        return title


class AuthorizationForm(forms.Form):
    person = forms.CharField(label=gettext_lazy("Name"), max_length=200, required=False)
    position = forms.CharField(
        label=pgettext_lazy(CONTEXT, "Position"), max_length=200, required=False
    )
    action = forms.CharField(
        label=pgettext_lazy(CONTEXT, "Action (Elabora, Revisa, Autoriza…)"),
        max_length=60,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("position") or data.get("action")) and not data.get("person"):
            self.add_error("person", pgettext_lazy(CONTEXT, "Write who signs this row."))
        return data


class TermForm(forms.Form):
    term = forms.CharField(label=pgettext_lazy(CONTEXT, "Term"), max_length=200, required=False)
    definition = forms.CharField(
        label=pgettext_lazy(CONTEXT, "Definition"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("definition") and not data.get("term"):
            self.add_error("term", pgettext_lazy(CONTEXT, "Write the term this definition is of."))
        return data


AuthorizationFormSet = forms.formset_factory(AuthorizationForm, extra=BLANK_ROWS)
TermFormSet = forms.formset_factory(TermForm, extra=BLANK_ROWS)


class ManualForms:
    """The header form and its two formsets, bound together."""

    def __init__(
        self,
        data: Any = None,
        *,
        catalog: CatalogManual | None = None,
        note_required: bool,
    ) -> None:
        header, authorizations, glossary = _initial(catalog)
        self.header = ManualHeaderForm(data, initial=header, note_required=note_required)
        self.authorizations = AuthorizationFormSet(
            data, initial=authorizations, prefix="autorizaciones"
        )
        self.glossary = TermFormSet(data, initial=glossary, prefix="glosario")

    def is_valid(self) -> bool:
        results = [self.header.is_valid(), self.authorizations.is_valid(), self.glossary.is_valid()]
        return all(results)

    def manual_fields(self) -> dict[str, Any]:
        """The cleaned header as ``Manual`` fields (title, dates, rows…; not the unit)."""
        data = self.header.cleaned_data
        return {
            "title": data["title"],
            "code": data["code"].strip(),
            "elaborated": data["elaborated"].strip(),
            "updated": data["updated"].strip(),
            "revision": data["revision"].strip(),
            "introduction": data["introduction"].strip(),
            "authorizations": tuple(
                Authorization(row["person"].strip(), row["position"].strip(), row["action"].strip())
                for row in self.authorizations.cleaned_data
                if row.get("person", "").strip()
            ),
            "glossary": tuple(
                Term(row["term"].strip(), row["definition"].strip())
                for row in self.glossary.cleaned_data
                if row.get("term", "").strip()
            ),
        }


def _initial(
    catalog: CatalogManual | None,
) -> tuple[dict[str, Any], list[dict[str, str]], list[dict[str, str]]]:
    """The form's values for an existing manual: its current version's header, with the
    title and unit the catalog knows it by."""
    version = catalog.current if catalog is not None else None
    if catalog is None or version is None:
        return {}, [], []
    manual = version.model()
    header = {
        "title": catalog.title,
        "unit": catalog.unit,
        "code": manual.code,
        "elaborated": manual.elaborated,
        "updated": manual.updated,
        "revision": manual.revision,
        "introduction": manual.introduction,
    }
    authorizations = [
        {"person": a.person, "position": a.position, "action": a.action}
        for a in manual.authorizations
    ]
    glossary = [{"term": t.term, "definition": t.definition} for t in manual.glossary]
    return header, authorizations, glossary
