"""Fewer indexes to write at every completion (each one named here was either covered by
another index or never searched by), and ``Task.other_roles`` kept for waiting tasks
only: the rows of tasks already done or cancelled go (the log keeps their roles' names)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def forget_other_roles_of_finished_tasks(apps, schema_editor):  # type: ignore[no-untyped-def]
    Task = apps.get_model("cases", "Task")
    finished = Task.objects.exclude(state__in=["open", "claimed"]).values("pk")
    Task.other_roles.through.objects.filter(task_id__in=finished).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_step_targets_and_case_resumed"),
        ("catalog", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(forget_other_roles_of_finished_tasks, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="event",
            name="on_behalf_of",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="catalog.role",
            ),
        ),
        migrations.AlterField(
            model_name="task",
            name="assignee",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="task",
            name="case",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="tasks",
                to="cases.case",
            ),
        ),
        migrations.AlterField(
            model_name="task",
            name="completed_by",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="task",
            name="delegated_to",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
