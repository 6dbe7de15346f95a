import django.utils.timezone
from django.db import migrations, models


def heartbeat_from_creation(apps, schema_editor):
    """Earlier runs last showed signs of life when they were made (so stuck ones are stale)."""
    MatchRun = apps.get_model("matching", "MatchRun")
    MatchRun.objects.update(updated_at=models.F("created_at"))


class Migration(migrations.Migration):
    dependencies = [("matching", "0003_finished_runs_done")]

    operations = [
        migrations.AddField(
            model_name="matchrun",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True,
                default=django.utils.timezone.now,
                verbose_name="last updated",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(heartbeat_from_creation, migrations.RunPython.noop),
    ]
