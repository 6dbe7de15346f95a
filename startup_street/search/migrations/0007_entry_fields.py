from django.db import migrations, models


class Migration(migrations.Migration):
    """A nullable column with no default: added in place on SQLite (no table rebuild, so the
    full-text triggers stay)."""

    dependencies = [
        ("search", "0006_vocabulary_without_counts"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="fields",
            field=models.JSONField(
                blank=True, editable=False, null=True, verbose_name="structured fields"
            ),
        ),
    ]
