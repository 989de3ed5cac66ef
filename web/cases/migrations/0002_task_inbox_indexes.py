"""Inbox indexes, and every waiting task gets its case's due date (the inbox sorts and
pages by the task's own due date from now on)."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_case_due_dates(apps, schema_editor):  # type: ignore[no-untyped-def]
    Case = apps.get_model("cases", "Case")
    Task = apps.get_model("cases", "Task")
    due = Case.objects.filter(pk=OuterRef("case_id")).values("due_date")[:1]
    waiting = Task.objects.filter(due_date__isnull=True, state__in=["open", "claimed"])
    waiting.update(due_date=Subquery(due))


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_create_cases_tasks_documents_and_log"),
        ("catalog", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(copy_case_due_dates, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                condition=models.Q(("state", "open")),
                fields=["role", "state", "due_date", "created_at"],
                name="task_open_role_due",
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                condition=models.Q(("state", "claimed")),
                fields=["assignee", "state", "due_date", "created_at"],
                name="task_claimed_assignee_due",
            ),
        ),
    ]
