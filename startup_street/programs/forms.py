from datetime import UTC

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from startup_street.core.enums import Country, RevenueBand, Stage
from startup_street.core.fields import TranslatedTextField
from startup_street.core.models import Sector
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
    max_years = forms.IntegerField(
        label=_("At most this many years since founding"),
        required=False,
        min_value=0,
        max_value=100,
    )
    stages = forms.MultipleChoiceField(
        label=_("Stages"),
        choices=Stage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"),
        queryset=Sector.objects.all(),
        required=False,
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries"), choices=Country.choices, required=False
    )
    team_min = forms.IntegerField(label=_("Smallest team"), required=False, min_value=0)
    team_max = forms.IntegerField(label=_("Largest team"), required=False, min_value=0)
    max_revenue_band = forms.ChoiceField(
        label=_("Highest annual revenue"),
        required=False,
        choices=[("", _("Any")), *RevenueBand.choices],
    )
    exclude_previous = forms.BooleanField(
        label=_("Exclude startups selected in this program before"), required=False
    )
    required_documents = forms.CharField(
        label=_("Required documents"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )

    @classmethod
    def initial_for(cls, call) -> dict:
        zone = get_zone(call.time_zone)
        rules = call.eligibility or {}

        def local(dt):
            return timezone.localtime(dt, zone).replace(tzinfo=None)

        return {
            "title": call.title,
            "time_zone": call.time_zone,
            "opens_local": local(call.opens_at),
            "closes_local": local(call.closes_at),
            "seats": call.seats,
            "max_years": rules.get("max_years_since_founding"),
            "stages": rules.get("stages", []),
            "sectors": rules.get("sectors", []),
            "countries": rules.get("countries", []),
            "team_min": rules.get("team_size", {}).get("min"),
            "team_max": rules.get("team_size", {}).get("max"),
            "max_revenue_band": rules.get("max_revenue_band", ""),
            "exclude_previous": bool(rules.get("exclude_participants_of")),
            "required_documents": "\n".join(rules.get("required_documents", [])),
        }

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_local"), cleaned.get("closes_local")
        if opens and closes and closes <= opens:
            self.add_error("closes_local", _("The call must close after it opens."))
        low, high = cleaned.get("team_min"), cleaned.get("team_max")
        if low is not None and high is not None and low > high:
            self.add_error("team_max", _("The minimum is above the maximum."))
        return cleaned

    def call_fields(self, program) -> dict:
        """The cleaned data as arguments of ``save_call``, rules gathered into one mapping."""
        data = self.cleaned_data
        rules = {
            "max_years_since_founding": data["max_years"],
            "stages": data["stages"],
            "sectors": [sector.code for sector in data["sectors"]],
            "countries": data["countries"],
            "max_revenue_band": data["max_revenue_band"],
            "exclude_participants_of": [program.pk] if data["exclude_previous"] else [],
            "required_documents": [
                line.strip() for line in data["required_documents"].splitlines() if line.strip()
            ],
        }
        team = {
            k: v for k, v in (("min", data["team_min"]), ("max", data["team_max"])) if v is not None
        }
        if team:
            rules["team_size"] = team
        keep = ("title", "time_zone", "opens_local", "closes_local", "seats")
        fields = {name: data[name] for name in keep}
        fields["eligibility"] = {k: v for k, v in rules.items() if v not in (None, "", [])}
        return fields
