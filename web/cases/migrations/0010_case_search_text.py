"""Case.search_text: folio, subject, requesting unit and oficio number folded (lowercase,
no accents) for the accent-insensitive case search; existing cases are filled here."""

from typing import Any

from django.db import migrations, models

from folio.manuals.cleaning import fold


def fill_search_text(apps: Any, schema_editor: Any) -> None:
    Case = apps.get_model("cases", "Case")
    fields = ("folio", "subject", "requesting_unit", "oficio_number")
    batch = []
    for case in Case.objects.only("pk", *fields).iterator(chunk_size=2000):
        parts = [getattr(case, name) for name in fields]
        case.search_text = "\n".join(fold(part) for part in parts if part)
        batch.append(case)
        if len(batch) == 2000:
            Case.objects.bulk_update(batch, ["search_text"])
            batch = []
    Case.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [("cases", "0009_calendar_removal_document_kinds_references")]

    operations = [
        migrations.AddField(
            model_name="case",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]
