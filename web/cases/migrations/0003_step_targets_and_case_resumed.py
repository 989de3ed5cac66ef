"""Per-step targets of a procedure (an activity's own time), and two log entry kinds:
a blocked case resumed, step targets set."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0002_task_inbox_indexes"),
        ("catalog", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="event",
            name="kind",
            field=models.CharField(
                choices=[
                    ("case.opened", "Case opened"),
                    ("case.ended", "Case ended"),
                    ("case.blocked", "Case blocked"),
                    ("case.cancelled", "Case cancelled"),
                    ("case.resumed", "Case resumed"),
                    ("task.created", "Task created"),
                    ("task.claimed", "Task claimed"),
                    ("task.released", "Task released"),
                    ("task.reassigned", "Task reassigned"),
                    ("task.completed", "Task completed"),
                    ("document.added", "Document added"),
                    ("calendar.closed_day_added", "Closed day added"),
                    ("targets.step_targets_set", "Step targets set"),
                ],
                max_length=40,
            ),
        ),
        migrations.CreateModel(
            name="StepTarget",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("step_number", models.CharField(max_length=20, verbose_name="activity")),
                (
                    "days",
                    models.PositiveIntegerField(
                        validators=[django.core.validators.MinValueValidator(1)],
                        verbose_name="days",
                    ),
                ),
                ("business_days", models.BooleanField(default=True, verbose_name="business days")),
                ("updated_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "procedure",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="step_targets",
                        to="catalog.procedure",
                    ),
                ),
            ],
            options={
                "verbose_name": "step target",
                "verbose_name_plural": "step targets",
                "ordering": ["procedure", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("procedure", "step_number"), name="unique_step_target"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("days__gte", 1)), name="step_target_days_positive"
                    ),
                ],
            },
        ),
    ]
