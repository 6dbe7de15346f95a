from datetime import datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from startup_street.core.timezones import get_zone, zone_label

from .enums import Frequency, Outcome, SpaceKind

REPEAT_CHOICES = [("", _("Does not repeat")), *Frequency.choices]


class SpaceFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("Any"))] + SpaceKind.choices, required=False
    )
    organization = forms.ChoiceField(label=_("Organisation"), required=False)

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(o.slug, str(o)) for o in organizations]
        self.fields["organization"].choices = [("", _("Any")), *choices]


class BookingForm(forms.Form):
    """Times are entered in the space's zone (the page says which)."""

    startup = forms.TypedChoiceField(label=_("For"), coerce=int, empty_value=None, required=False)
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(
        label=pgettext_lazy("start of a span of time of day", "From"),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    end = forms.TimeField(
        label=pgettext_lazy("end of a span of time of day", "To"),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    title = forms.CharField(label=_("Purpose"), max_length=200, required=False)
    repeat = forms.ChoiceField(label=_("Repeats"), choices=REPEAT_CHOICES, required=False)
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, space, startups, staff: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.space = space
        choices = [(s.pk, s.name) for s in startups]
        if staff:
            choices.insert(0, ("", _("The organisation's own use")))
        self.fields["startup"].choices = choices
        self.fields["startup"].required = not staff
        for name in ("start", "end"):
            self.fields[name].help_text = zone_label(timezone.now(), get_zone(space.time_zone))

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        zone = get_zone(self.space.time_zone)
        data["starts_at"] = timezone.make_aware(datetime.combine(data["day"], data["start"]), zone)
        end_day = data["day"]
        if data["end"] <= data["start"] and data["end"].hour == 0 and data["end"].minute == 0:
            end_day = end_day + timedelta(days=1)
        data["ends_at"] = timezone.make_aware(datetime.combine(end_day, data["end"]), zone)
        if data.get("repeat") and not data.get("until"):
            self.add_error("until", _("Say until when it repeats."))
        return data


class WaitlistForm(forms.Form):
    startup = forms.TypedChoiceField(label=_("For"), coerce=int)
    day = forms.DateField(label=_("Day"))
    start = forms.TimeField(label=pgettext_lazy("start of a span of time of day", "From"))
    end = forms.TimeField(label=pgettext_lazy("end of a span of time of day", "To"))

    def __init__(self, *args, space, startups, **kwargs):
        super().__init__(*args, **kwargs)
        self.space = space
        self.fields["startup"].choices = [(s.pk, s.name) for s in startups]

    def clean(self):
        data = super().clean()
        if not self.errors:
            zone = get_zone(self.space.time_zone)
            data["starts_at"] = timezone.make_aware(
                datetime.combine(data["day"], data["start"]), zone
            )
            data["ends_at"] = timezone.make_aware(datetime.combine(data["day"], data["end"]), zone)
        return data


class BlockingForm(forms.Form):
    day = forms.DateField(label=_("From day"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(
        label=pgettext_lazy("start of a span of time of day", "From"),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    end_day = forms.DateField(label=_("To day"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.TimeField(
        label=pgettext_lazy("end of a span of time of day", "To"),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    reason = forms.CharField(label=_("Reason"), max_length=200)
    cancel_bookings = forms.BooleanField(
        label=_("Cancel the bookings in the way"), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, space, **kwargs):
        super().__init__(*args, **kwargs)
        self.space = space

    def clean(self):
        data = super().clean()
        if not self.errors:
            zone = get_zone(self.space.time_zone)
            data["starts_at"] = timezone.make_aware(
                datetime.combine(data["day"], data["start"]), zone
            )
            data["ends_at"] = timezone.make_aware(
                datetime.combine(data["end_day"], data["end"]), zone
            )
        return data


class PlanForm(forms.Form):
    robot = forms.CharField(label=_("Robot"), max_length=200)
    scenario = forms.CharField(label=_("Scenario"), max_length=5000, widget=forms.Textarea)
    safety_officer = forms.CharField(label=_("Safety officer"), max_length=200)
    safety_officer_phone = forms.CharField(label=_("Safety officer's phone"), max_length=40)


class PlanDecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Decision"),
        coerce=lambda v: v == "yes",
        choices=[
            ("yes", _("Approve")),
            ("no", pgettext_lazy("decision on a demonstration plan", "Reject")),
        ],
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class ResultForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    notes = forms.CharField(
        label=_("Notes"), max_length=5000, widget=forms.Textarea, required=False
    )
    files = MultipleFileField(label=_("Files"), required=False)


class TopUpForm(forms.Form):
    hours = forms.DecimalField(
        label=_("Hours (negative to take away)"), max_digits=7, decimal_places=2
    )
    month = forms.DateField(
        label=_("Month"),
        widget=forms.DateInput(attrs={"type": "month"}),
        input_formats=["%Y-%m", "%Y-%m-%d"],
    )
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)


class DayForm(forms.Form):
    """The availability view's day and scope (day or week), read from the query string."""

    day = forms.DateField(required=False)
    view = forms.ChoiceField(choices=[("day", _("Day")), ("week", _("Week"))], required=False)
