from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from web.accounts.models import Unit
from web.uploads import ContentRefused, check_content

#: BPMN 2.0 diagrams come as .bpmn, or as .xml (the importer checks the content).
ALLOWED = (".txt", ".md", ".docx", ".pdf", ".bpmn", ".xml")


class ManualUploadForm(forms.Form):
    file = forms.FileField(label=_("Manual file (PDF, DOCX, text or BPMN)"))
    #: Whose people may start its cases (with the units below it). A new version of a
    #: manual already in the catalog keeps the unit it has.
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.order_by("name"),
        label=_("Unit the manual belongs to"),
        help_text=_("Its people and those of the units below it may start its cases."),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith(ALLOWED):
            raise forms.ValidationError(_("Unsupported format: use PDF, DOCX, text or BPMN."))
        if (upload.size or 0) > settings.FOLIO_MAX_UPLOAD:
            raise forms.ValidationError(_("The file is too large."))
        content = upload.read()
        upload.seek(0)
        try:
            check_content(upload.name or "", content)
        except ContentRefused as err:
            raise forms.ValidationError(str(err)) from err
        return upload
