from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .i18n import content_languages, pick


class TranslatedTextField(models.JSONField):
    """Text written in one or more of the content languages, keyed by language code."""

    description = _("Text in one or more languages")

    def __init__(self, *args, max_length: int | None = None, long: bool = False, **kwargs):
        self.text_max_length = max_length
        self.long = long
        kwargs.setdefault("default", dict)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.text_max_length is not None:
            kwargs["max_length"] = self.text_max_length
        if self.long:
            kwargs["long"] = True
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        from .forms import TranslatedTextFormField

        return TranslatedTextFormField(
            max_length=self.text_max_length,
            textarea=self.long,
            required=not self.blank,
            label=kwargs.get("label", self.verbose_name),
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, dict):
            raise ValidationError(_("Enter the text as a mapping of language to text."))
        unknown = sorted(set(value) - set(content_languages()))
        if unknown:
            raise ValidationError(
                _("Unknown language: %(codes)s."), params={"codes": ", ".join(unknown)}
            )
        for code, text in value.items():
            if not isinstance(text, str):
                raise ValidationError(_("Each translation must be text."))
            if self.text_max_length and len(text) > self.text_max_length:
                raise ValidationError(
                    _("The %(code)s text is longer than %(limit)d characters."),
                    params={"code": code, "limit": self.text_max_length},
                )
        if not self.blank and not any(text.strip() for text in value.values()):
            raise ValidationError(_("Enter the text in at least one language."))


def shown(instance, field: str, language: str | None = None):
    """The translation of ``instance.<field>`` for the viewer, knowing the original language."""
    return pick(getattr(instance, field), getattr(instance, "original_language", None), language)
