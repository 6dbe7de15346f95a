import re
from datetime import UTC, date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from startup_street.core.enums import Country, RevenueBand, Stage
from startup_street.core.fields import TranslatedTextField
from startup_street.core.i18n import CONTENT_LANGUAGE_CHOICES
from startup_street.core.models import Sector
from startup_street.core.timezones import get_zone, time_zone_choices

from .enums import SupportKind
from .models import PROGRAM_FIELDS, Program


class WallClockDateTimeField(forms.DateTimeField):
    """A date and time as written, with no zone: the caller knows which zone it belongs to."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        with timezone.override(UTC):
            result = super().to_python(value)
        return result.replace(tzinfo=None) if result else result


QUERY_MAX = 1000
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+")
TRUE_WORDS = {"1", "true", "on", "yes"}
FALSE_WORDS = {"", "0", "false", "off", "no"}


class QueryField(forms.CharField):
    """Search words as typed: control characters become spaces and text past 1,000 characters
    is dropped (the form says so), so any query can be searched and none is an error."""

    def to_python(self, value):
        text = CONTROL.sub(" ", str(value or "")) if value not in self.empty_values else ""
        return " ".join(text.split())


class RawCheckboxInput(forms.CheckboxInput):
    def value_from_datadict(self, data, files, name):
        return data.get(name)  # the field judges the raw text (CheckboxInput takes any as yes)


class StrictBooleanField(forms.BooleanField):
    """A yes/no filter that rejects what is neither (``open_now=maybe``) instead of guessing."""

    widget = RawCheckboxInput

    def to_python(self, value):
        if isinstance(value, bool):
            return value
        word = str(value if value is not None else "").strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ValidationError(_("Enter true or false."), code="invalid")


class ProgramFilterForm(forms.Form):
    """Search words and facets, validated the same way for the web page, the API and the
    ``search`` command. Every field is optional; a value that is not valid is reported on its
    field and takes no part in the search."""

    q = QueryField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind of support"), required=False, choices=[("", _("Any"))] + SupportKind.choices
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        required=False,
        queryset=Sector.objects.all(),
        to_field_name="code",
        empty_label=_("Any"),
    )
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("Any"))] + Stage.choices
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("Any"))] + Country.choices
    )
    city = forms.CharField(label=_("City"), required=False, max_length=80)
    organization = forms.SlugField(label=_("Organisation"), required=False, max_length=100)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any")), *CONTENT_LANGUAGE_CHOICES],
        help_text=_("Written in this language or translated into it."),
    )
    closes_within = forms.IntegerField(
        label=_("Closes within (days)"), required=False, min_value=1, max_value=366
    )
    closes_after = forms.DateField(
        label=_("Closes on or after"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    closes_before = forms.DateField(
        label=_("Closes on or before"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    open_now = StrictBooleanField(label=_("Open now"), required=False)
    # Who a call takes (its eligibility rules): a call without the rule takes anyone.
    founded_within = forms.IntegerField(
        label=_("Founded within (years)"),
        required=False,
        min_value=1,
        max_value=100,
    )
    team = forms.IntegerField(
        label=_("Team size"),
        required=False,
        min_value=1,
        max_value=10_000,
    )
    revenue = forms.ChoiceField(
        label=_("Annual revenue"),
        required=False,
        choices=[("", _("Any")), *RevenueBand.choices],
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "open" in data and "open_now" not in data:
            data = data.copy()  # the older spelling of the filter, still accepted
            data["open_now"] = data["open"]
        super().__init__(data, *args, **kwargs)
        self.query_was_cut = False

    def clean_q(self):
        query = self.cleaned_data["q"]
        if len(query) > QUERY_MAX:
            self.query_was_cut = True
            query = query[:QUERY_MAX].rstrip()
        return query

    def clean(self):
        cleaned = super().clean()
        after, before = cleaned.get("closes_after"), cleaned.get("closes_before")
        if after and before and before < after:
            self.add_error("closes_before", _("This date is before the “closes on or after” date."))
        return cleaned

    def valid_data(self) -> dict:
        """The fields that validated (a bound form with errors still searches with the rest)."""
        errors = self.errors  # cleans a bound form; an unbound one has no data
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if name not in errors}

    def facet_values(self) -> dict:
        """The chosen filters as plain values (codes, ISO dates) for a URL or a saved search."""
        values = {}
        for name, value in self.valid_data().items():
            if name == "q" or value in (None, "", False):
                continue
            if isinstance(value, Sector):
                value = value.code
            elif isinstance(value, date):
                value = value.isoformat()
            values[name] = value
        return values


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
        fields = PROGRAM_FIELDS
        widgets = {"sectors": forms.CheckboxSelectMultiple}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _bounds(low: int | None, high: int | None) -> dict:
    return {k: v for k, v in (("min", low), ("max", high)) if v is not None}


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
    cities = forms.CharField(
        label=_("Cities"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line; leave empty for any city."),
    )
    residency = forms.MultipleChoiceField(
        label=_("Founders resident in"), choices=Country.choices, required=False
    )
    founder_age_min = forms.IntegerField(
        label=_("Youngest founder age"), required=False, min_value=0, max_value=120
    )
    founder_age_max = forms.IntegerField(
        label=_("Oldest founder age"), required=False, min_value=0, max_value=120
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
            "cities": "\n".join(rules.get("cities", [])),
            "residency": rules.get("residency", []),
            "founder_age_min": rules.get("founder_age", {}).get("min"),
            "founder_age_max": rules.get("founder_age", {}).get("max"),
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
        for low_name, high_name in (
            ("team_min", "team_max"),
            ("founder_age_min", "founder_age_max"),
        ):
            low, high = cleaned.get(low_name), cleaned.get(high_name)
            if low is not None and high is not None and low > high:
                self.add_error(high_name, _("The minimum is above the maximum."))
        return cleaned

    def call_fields(self, program) -> dict:
        """The cleaned data as arguments of ``save_call``, rules gathered into one mapping."""
        data = self.cleaned_data
        rules = {
            "max_years_since_founding": data["max_years"],
            "stages": data["stages"],
            "sectors": [sector.code for sector in data["sectors"]],
            "countries": data["countries"],
            "cities": _lines(data["cities"]),
            "residency": data["residency"],
            "max_revenue_band": data["max_revenue_band"],
            "exclude_participants_of": [program.pk] if data["exclude_previous"] else [],
            "required_documents": _lines(data["required_documents"]),
            "team_size": _bounds(data["team_min"], data["team_max"]),
            "founder_age": _bounds(data["founder_age_min"], data["founder_age_max"]),
        }
        keep = ("title", "time_zone", "opens_local", "closes_local", "seats")
        fields = {name: data[name] for name in keep}
        fields["eligibility"] = {k: v for k, v in rules.items() if v not in (None, "", [], {})}
        return fields
