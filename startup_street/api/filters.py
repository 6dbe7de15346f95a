"""The programs' filters as the API takes them, validated by the same form as the web page."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from startup_street.core.i18n import normalise_language
from startup_street.programs.forms import ProgramFilterForm

from .errors import refuse_invalid
from .schemas import ProgramFiltersIn


def _filter_data(filters: ProgramFiltersIn) -> dict:
    """The parameters as the filter form reads them (one validation for every door)."""
    data = {}
    for name, value in filters.dict(exclude_none=True).items():
        if isinstance(value, bool):
            value = "true" if value else "false"
        data[name] = value.isoformat() if isinstance(value, date) else str(value)
    return data


def valid_filter_form(filters: ProgramFiltersIn) -> ProgramFilterForm:
    """The bound, valid filter form; a value that is not valid is a 422 on its field, a sector
    that does not exist a 404."""
    if filters.lang is not None and not normalise_language(filters.lang):
        raise ValidationError({"lang": [_("Choose ko, zh-hans or en.")]})
    form = ProgramFilterForm(_filter_data(filters))
    refuse_invalid(form, references={"sector"})
    return form
