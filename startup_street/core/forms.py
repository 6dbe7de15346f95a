from django import forms
from django.utils.translation import gettext_lazy as _

from .i18n import CONTENT_LANGUAGE_CHOICES


class TranslatedTextWidget(forms.MultiWidget):
    template_name = "core/widgets/translated_text.html"

    def __init__(self, textarea: bool = False, attrs=None):
        widget = forms.Textarea(attrs={"rows": 3}) if textarea else forms.TextInput()
        widgets = {code: widget for code, _name in CONTENT_LANGUAGE_CHOICES}
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(code, "") for code, _name in CONTENT_LANGUAGE_CHOICES]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for sub, (_code, label) in zip(
            context["widget"]["subwidgets"], CONTENT_LANGUAGE_CHOICES, strict=True
        ):
            sub["language_label"] = label
        return context


class TranslatedTextFormField(forms.MultiValueField):
    """One input per content language; at least one must be filled unless optional."""

    def __init__(self, *, max_length: int | None = None, textarea: bool = False, **kwargs):
        fields = [
            forms.CharField(required=False, max_length=max_length)
            for _code in CONTENT_LANGUAGE_CHOICES
        ]
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        super().__init__(
            fields=fields,
            widget=TranslatedTextWidget(textarea=textarea),
            require_all_fields=False,
            **kwargs,
        )
        self.error_messages["required"] = _("Enter the text in at least one language.")

    def compress(self, data_list):
        codes = [code for code, _name in CONTENT_LANGUAGE_CHOICES]
        return {
            code: text.strip() for code, text in zip(codes, data_list or [], strict=False) if text
        }
