from datetime import UTC

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from startup_street.core.enums import Stage
from startup_street.core.fields import TranslatedTextField
from startup_street.core.timezones import get_zone, time_zone_choices

from .enums import SupportKind
from .models import Program


class WallClockDateTimeField(forms.DateTimeField):
    """A date and time as written, with no zone: the caller knows which zone it belongs to."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        with timezone.override(UTC):
            result = super().to_python(value)
        return result.replace(tzinfo=None) if result else result


class ProgramFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=1000)
    kind = forms.ChoiceField(
        label=_("Kind of support"), required=False, choices=[("", _("Any"))] + SupportKind.choices
    )
    open = forms.BooleanField(label=_("Open now"), required=False)


class ProgramForm(forms.ModelForm):
    stages = forms.MultipleChoiceField(
        label=_("Stages"),
        choices=Stage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty when every stage may apply."),
    )

    class Meta:
        model = Program
        fields = [
            "title",
            "summary",
            "description",
            "original_language",
            "kind",
            "sectors",
            "stages",
            "city",
            "country",
            "website",
            "is_published",
        ]
        widgets = {"sectors": forms.CheckboxSelectMultiple}


class CallForm(forms.Form):
    title = TranslatedTextField(blank=True, max_length=200).formfield(label=_("Title"))
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=time_zone_choices, initial="Asia/Seoul"
    )
    opens_local = WallClockDateTimeField(label=_("Opens (in the call's time zone)"))
    closes_local = WallClockDateTimeField(label=_("Closes (in the call's time zone)"))
    seats = forms.IntegerField(label=_("Seats"), required=False, min_value=1, max_value=100000)

    @classmethod
    def initial_for(cls, call) -> dict:
        zone = get_zone(call.time_zone)

        def local(dt):
            return timezone.localtime(dt, zone).replace(tzinfo=None)

        return {
            "title": call.title,
            "time_zone": call.time_zone,
            "opens_local": local(call.opens_at),
            "closes_local": local(call.closes_at),
            "seats": call.seats,
        }

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_local"), cleaned.get("closes_local")
        if opens and closes and closes <= opens:
            self.add_error("closes_local", _("The call must close after it opens."))
        return cleaned
