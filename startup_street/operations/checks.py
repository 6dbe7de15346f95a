"""Deployment checks (`startup-street check --deploy`) for what would otherwise show only as
errors on the running site."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.staticfiles, deploy=True)
def static_files_collected(app_configs=None, **kwargs) -> list[Error]:
    """With DEBUG off, a page whose static files were never collected answers 500 (the
    manifest that names their hashed files is missing)."""
    from .server import static_manifest

    if settings.DEBUG or static_manifest().exists():
        return []
    return [
        Error(
            f"The static files are not collected: {static_manifest()} is missing, so every "
            "page would answer 500 with DEBUG off.",
            hint="Run `startup-street collectstatic --no-input` (`startup-street serve` does "
            "it at start unless given --no-collectstatic).",
            id="operations.E001",
        )
    ]
