"""Sectors for fields that real calls name and the taxonomy lacked: tourism, real estate and
construction, social ventures, smart cities, sports (``core/sectors.py``)."""

from django.db import migrations


def load_sectors(apps, schema_editor):
    from startup_street.core.sectors import ensure_sectors

    ensure_sectors(apps.get_model("core", "Sector"))


class Migration(migrations.Migration):
    dependencies = [("core", "0002_sectors")]
    operations = [migrations.RunPython(load_sectors, migrations.RunPython.noop)]
