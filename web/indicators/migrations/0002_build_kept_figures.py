"""Build the kept figures for the cases already there when they started being kept."""

from typing import Any

from django.db import migrations


def build(apps: Any, schema_editor: Any) -> None:
    from web.cases.models import Case

    if not Case.objects.exists():
        return
    from web.indicators.rollup.write import rebuild

    rebuild()


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0001_kept_case_figures"),
        ("cases", "0011_event_kind_without_schema_choices"),
    ]

    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
