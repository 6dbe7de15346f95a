from django.db import migrations


def load_sectors(apps, schema_editor):
    from startup_street.core.sectors import SECTORS

    Sector = apps.get_model("core", "Sector")
    for position, (code, en, ko, zh) in enumerate(SECTORS):
        Sector.objects.update_or_create(
            code=code, defaults={"name": {"en": en, "ko": ko, "zh-hans": zh}, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load_sectors, migrations.RunPython.noop)]
