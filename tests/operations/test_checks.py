from django.core.checks import run_checks
from django.core.management import call_command


def static_errors():
    return [m.id for m in run_checks(include_deployment_checks=True) if m.id == "operations.E001"]


def test_deploy_check_fails_until_static_files_are_collected(settings, tmp_path):
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path / "static"
    manifest = "whitenoise.storage.CompressedManifestStaticFilesStorage"  # as with DEBUG off
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": manifest}}
    assert static_errors() == ["operations.E001"]
    call_command("collectstatic", interactive=False, verbosity=0)
    assert static_errors() == []


def test_deploy_check_leaves_development_alone(settings, tmp_path):
    settings.DEBUG = True
    settings.STATIC_ROOT = tmp_path / "static"
    assert static_errors() == []
