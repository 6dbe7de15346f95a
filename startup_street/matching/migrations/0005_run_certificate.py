from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("matching", "0004_run_heartbeat")]

    operations = [
        migrations.AddField(
            model_name="matchrun",
            name="certificate",
            field=models.JSONField(
                blank=True,
                help_text="Outcome of the solver's independent check: valid, dual bound, gap, time.",
                null=True,
                verbose_name="optimality certificate check",
            ),
        ),
    ]
