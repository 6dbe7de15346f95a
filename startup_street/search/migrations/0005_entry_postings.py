from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0004_term_statistics"),
    ]

    operations = [
        # Nullable with no default: SQLite adds the column in place (no table rebuild, so the
        # FTS triggers stay). Postings are filled by `startup-street reindex` or the next save.
        migrations.AddField(
            model_name="searchentry",
            name="postings",
            field=models.BinaryField(editable=False, null=True, verbose_name="postings"),
        ),
    ]
