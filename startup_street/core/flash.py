"""Saying on the next page why something was refused: one way for every view."""

from django.contrib import messages
from django.core.exceptions import ValidationError


def error_text(error: ValidationError) -> str:
    """Every message of a domain refusal, as one sentence run."""
    return " ".join(error.messages)


def flash_error(request, error: ValidationError) -> None:
    messages.error(request, error_text(error))


def flash_form_errors(request, form) -> None:
    messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
