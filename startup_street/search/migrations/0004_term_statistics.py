from collections import Counter

from django.db import migrations, models


def count_existing(apps, schema_editor):
    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchTerm = apps.get_model("search", "SearchTerm")
    counts = Counter()
    for kind, terms in SearchEntry.objects.values_list("kind", "terms").iterator(chunk_size=2000):
        counts.update((kind, term) for term in set(terms.split()))
    SearchTerm.objects.bulk_create(
        [SearchTerm(kind=k, term=t, documents=n) for (k, t), n in counts.items()],
        batch_size=2000,
    )


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0003_index_generation_and_embedding_digest"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=20, verbose_name="kind")),
                ("term", models.CharField(max_length=64, verbose_name="term")),
                ("documents", models.IntegerField(default=0, verbose_name="entries")),
            ],
            options={
                "verbose_name": "search term",
                "verbose_name_plural": "search terms",
                "constraints": [models.UniqueConstraint(fields=("kind", "term"), name="search_term_unique")],
            },
        ),
        migrations.RunPython(count_existing, migrations.RunPython.noop),
    ]
