"""Field-level, translated error bodies for every API failure; no request ends in a 500 page."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import ValidationError as NinjaValidationError

MESSAGES = {
    "missing": lambda: _("This field is required."),
    "string_too_long": lambda: _("This value is too long."),
    "int_parsing": lambda: _("Enter a whole number."),
    "bool_parsing": lambda: _("Enter true or false."),
    "date_from_datetime_parsing": lambda: _("Enter a valid date."),
    "date_parsing": lambda: _("Enter a valid date."),
    "datetime_parsing": lambda: _("Enter a valid date and time."),
    "json_invalid": lambda: _("The request body is not valid JSON."),
    "model_attributes_type": lambda: _("Send a JSON object."),
    "extra_forbidden": lambda: _("This field is not known."),
    "less_than_equal": lambda: _("This number is too large."),
    "greater_than_equal": lambda: _("This number is too small."),
    "int_from_float": lambda: _("Enter a whole number."),
    "int_type": lambda: _("Enter a whole number."),
    "string_type": lambda: _("Enter text."),
    "none_forbidden": lambda: _("This field cannot be empty (null)."),
}


def _field(loc) -> str:
    parts = [str(part) for part in loc if part not in {"body", "query", "path", "payload"}]
    return ".".join(parts) or "__all__"


def install(api) -> None:
    @api.exception_handler(NinjaValidationError)
    def invalid_input(request, exc):
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            message = MESSAGES.get(error.get("type", ""), lambda: _("Enter a valid value."))()
            errors.setdefault(_field(error.get("loc", ())), []).append(message)
        return api.create_response(
            request, {"detail": _("The request is not valid."), "errors": errors}, status=422
        )

    @api.exception_handler(ValidationError)
    def invalid_data(request, exc):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        return api.create_response(
            request, {"detail": _("The request is not valid."), "errors": errors}, status=422
        )

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": _("Not found.")}, status=404)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return api.create_response(
            request, {"detail": _("You do not have permission to do this.")}, status=403
        )


def unknown_address(request, rest: str = ""):
    """Any /api/v1/ address no operation matches (a malformed id among them): JSON, not HTML."""
    from django.http import JsonResponse

    return JsonResponse({"detail": _("Not found.")}, status=404)
