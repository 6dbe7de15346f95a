"""Turning what a founder typed into a stored answer, per question kind, with translated errors."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from startup_street.core.i18n import pick

from .enums import QuestionKind

DEFAULT_TEXT_LIMIT = {QuestionKind.SHORT_TEXT: 200, QuestionKind.LONG_TEXT: 5000}


def answer_text(question, value) -> str:
    """An answer as people read it: a choice's option label in the reader's language (not the
    value it is stored as), anything else as stored; "" for no answer."""
    if value is None or value == "":
        return ""
    if question.kind == QuestionKind.CHOICE:
        for option in question.choices or []:
            if str(option.get("value")) == str(value):
                return pick(option.get("label", {}), question.original_language).text or str(value)
    return str(value)


def _text(question, raw: str) -> str:
    limit = question.max_length or DEFAULT_TEXT_LIMIT[question.kind]
    if len(raw) > limit:
        raise ValidationError(
            _("Keep the answer within %(limit)d characters (it has %(length)d)."),
            params={"limit": limit, "length": len(raw)},
        )
    return raw


def _choice(question, raw: str) -> str:
    values = {choice.get("value") for choice in question.choices or []}
    if raw not in values:
        raise ValidationError(_("Choose one of the options."))
    return raw


def _number(question, raw: str):
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise ValidationError(_("Enter a number.")) from None
    if not number.is_finite() or abs(number) > Decimal(10) ** 15:
        raise ValidationError(_("Enter a number."))
    return int(number) if number == number.to_integral_value() else float(number)


def _date(question, raw: str) -> str:
    try:
        return datetime.date.fromisoformat(raw).isoformat()
    except ValueError:
        raise ValidationError(_("Enter a date as YYYY-MM-DD.")) from None


def _url(question, raw: str) -> str:
    URLValidator(schemes=["http", "https"], message=_("Enter a web address."))(raw)
    return raw


CLEANERS = {
    QuestionKind.SHORT_TEXT: _text,
    QuestionKind.LONG_TEXT: _text,
    QuestionKind.CHOICE: _choice,
    QuestionKind.NUMBER: _number,
    QuestionKind.DATE: _date,
    QuestionKind.URL: _url,
}


def clean_answer(question, raw):
    """The value to store for ``raw``, ``None`` for an empty answer; ValidationError if invalid."""
    if raw is None:
        return None
    raw = str(raw).strip()
    if not raw:
        return None
    return CLEANERS[question.kind](question, raw)
