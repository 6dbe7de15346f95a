"""How the log-in lockout (django-axes) names who is trying: the address as log-in reads it."""

from django.conf import settings


def normalise_email(value) -> str:
    """Log-in ignores case and surrounding spaces, so the lockout must too."""
    return str(value or "").strip().casefold()


def username_for_lockout(request, credentials=None) -> str:
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials and credentials.get(field) is not None:
        return normalise_email(credentials.get(field))
    data = getattr(request, "data", None) or request.POST
    return normalise_email(data.get(field))
