from django.db import migrations


def load_sectors(apps, schema_editor):
    from startup_street.core.sectors import ensure_sectors

    ensure_sectors(apps.get_model("core", "Sector"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load_sectors, migrations.RunPython.noop)]
