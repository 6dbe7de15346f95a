from django.db import migrations


def mark_finished(apps, schema_editor):
    """Runs solved before progress was recorded are finished: stage done, 100%."""
    MatchRun = apps.get_model("matching", "MatchRun")
    MatchRun.objects.exclude(status__in=["queued", "running"]).update(stage="done", progress=100)


class Migration(migrations.Migration):
    dependencies = [("matching", "0002_run_progress_and_edits")]

    operations = [migrations.RunPython(mark_finished, migrations.RunPython.noop)]
