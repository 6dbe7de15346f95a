"""Saying on the next page why something was refused: one way for every view."""

from django.contrib import messages


def error_text(error: Exception) -> str:
    """Every message of a domain refusal (a ValidationError's, else the error's own), as one run."""
    return " ".join(getattr(error, "messages", None) or [str(error)])


def flash_error(request, error: Exception) -> None:
    messages.error(request, error_text(error))


def flash_form_errors(request, form) -> None:
    messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
