"""Programs slugged with a reserved word of program addresses ("facets", "feeds", ...) could not
be reached at their own address; they get the same ``-program`` suffix new ones would get (and
``-2``, ``-3``... after it if that is taken) before the next migration forbids such slugs."""

from django.db import migrations

RESERVED = ("eligible", "facets", "feeds", "new", "saved-searches")  # as of this migration


def rename_reserved(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    for program in Program.objects.filter(slug__in=RESERVED):
        base = slug = f"{program.slug}-program"
        n = 1
        while Program.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        program.slug = slug
        program.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("programs", "0004_saved_searches")]

    operations = [migrations.RunPython(rename_reserved, migrations.RunPython.noop)]
