"""Field-level, translated error bodies for every API failure; no request ends in a 500 page."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from .schemas import ErrorOut, FieldErrorsOut

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
        if is_conflict(exc):
            return api.create_response(request, {"detail": " ".join(exc.messages)}, status=409)
        return api.create_response(
            request, {"detail": _("The request is not valid."), "errors": errors}, status=422
        )

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        detail = str(exc)
        if exc.status_code == 400:  # ninja could not parse the body (bad JSON, no boundary)
            detail = _("The request body could not be read: send valid JSON or form data.")
        return api.create_response(request, {"detail": detail}, status=exc.status_code)

    @api.exception_handler(UnknownReference)
    def unknown_reference(request, exc):
        return api.create_response(
            request, {"detail": _("Not found."), "errors": exc.errors}, status=404
        )

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": _("Not found.")}, status=404)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return api.create_response(
            request, {"detail": _("You do not have permission to do this.")}, status=403
        )


CONFLICT = "conflict"


def refuse_invalid(form, *, references: set[str] = frozenset()) -> None:
    """Raise a bound form's errors (422), except that when its only errors are ``references``
    naming nothing there is (an unknown sector, an organisation not in view), the answer is
    404: the request was well formed, what it names is not found."""
    if form.is_valid():
        return
    found = form.errors.as_data()
    if set(found) <= references and all(
        error.code == "invalid_choice" for errors in found.values() for error in errors
    ):
        raise UnknownReference(form.errors)
    raise ValidationError(found)


class UnknownReference(Exception):
    """A well-formed request naming an object that is not there: 404, with the field errors."""

    def __init__(self, errors: dict):
        super().__init__()
        self.errors = {name: list(messages) for name, messages in errors.items()}


def is_conflict(error: ValidationError) -> bool:
    """A service's refusal because of the object's state (a closed call, a booking that has
    started), raised with ``code="conflict"``: the same request was valid, and may be again.
    It answers 409; a refusal of the input itself answers 422."""
    return not hasattr(error, "error_dict") and all(
        item.code == CONFLICT for item in error.error_list
    )


@csrf_exempt  # it changes nothing; a token-signed write to a malformed address gets this 404
def unknown_address(request, rest: str = ""):
    """Any /api/v1/ address no operation matches (a malformed id among them): JSON, not HTML."""
    from django.http import JsonResponse

    return JsonResponse({"detail": _("Not found.")}, status=404)


ERROR_SCHEMAS = {"ErrorOut": ErrorOut, "FieldErrorsOut": FieldErrorsOut}
METHODS = {"get", "put", "post", "patch", "delete", "head", "options"}
WRITES = {"put", "post", "patch", "delete"}


def _response(description: str, name: str) -> dict:
    ref = {"$ref": f"#/components/schemas/{name}"}
    return {"description": description, "content": {"application/json": {"schema": ref}}}


def declare_error_responses(schema: dict) -> dict:
    """Write into the OpenAPI document the answers every operation can give besides its own:
    400 when a body cannot be parsed, 422 when a parameter or field is not valid, 401 when a
    token is unknown, revoked or expired, 403 when the visitor may not (or a session's CSRF
    check failed), 404 when an address's parameter names nothing (or is malformed), 409 when
    a write meets an object whose state refuses it (the handlers above)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name, model in ERROR_SCHEMAS.items():
        components.setdefault(
            name, model.model_json_schema(ref_template="#/components/schemas/{model}")
        )
    for item in schema.get("paths", {}).values():
        for method, operation in item.items():
            if method in METHODS:
                _declare(operation, method)
    return schema


def _declare(operation: dict, method: str) -> None:
    responses = operation.setdefault("responses", {})
    if operation.get("requestBody"):
        responses.setdefault(400, _response("The request body could not be read", "ErrorOut"))
    if operation.get("requestBody") or operation.get("parameters"):
        responses.setdefault(422, _response("A parameter or field is not valid", "FieldErrorsOut"))
    if operation.get("security"):
        responses.setdefault(401, _response("The token is unknown, revoked or expired", "ErrorOut"))
        responses.setdefault(403, _response("Not allowed to this visitor", "ErrorOut"))
    if any(parameter.get("in") == "path" for parameter in operation.get("parameters", ())):
        responses.setdefault(404, _response("No such object, or a malformed address", "ErrorOut"))
    if method in WRITES and operation.get("security"):
        responses.setdefault(409, _response("The object's state refuses this now", "ErrorOut"))
