from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from startup_street.core.enums import Stage
from startup_street.core.i18n import CONTENT_LANGUAGE_CHOICES
from startup_street.programs.models import Call

from .models import (
    MENTOR_PROFILE_FIELDS,
    AvailabilityWindow,
    FounderPreference,
    MentorBid,
    MentorProfile,
)


class BookingForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Starts (your time zone)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    minutes = forms.IntegerField(label=_("Minutes"), initial=60, min_value=15, max_value=240)


class FeedbackForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes or feedback"), widget=forms.Textarea, max_length=5000, required=False
    )
    rating = forms.IntegerField(label=_("Rating (1-5)"), min_value=1, max_value=5, required=False)


class MatchForm(forms.Form):
    call = forms.TypedChoiceField(
        label=_("Cohort"), coerce=int, empty_value=None, required=False, choices=[]
    )
    per_startup = forms.IntegerField(
        label=_("Mentors per startup"), initial=1, min_value=1, max_value=5
    )
    mode = forms.ChoiceField(
        label=_("Aim"),
        choices=[
            ("max_sum", _("Best total fit")),
            ("fair", _("Fairest: raise the worst-served startup first")),
        ],
        initial="max_sum",
    )

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        calls = (
            Call.objects.filter(program__organization=organization)
            .select_related("program")
            .order_by("-closes_at")[:100]
        )
        self.fields["call"].choices = [
            ("", _("Every startup the organisation accepted")),
            *(
                (call.pk, f"{call.program} · {formats.date_format(call.closes_at, 'Y-m-d')}")
                for call in calls
            ),
        ]


class PairForm(forms.Form):
    """A pair added to a proposal by hand, chosen among the run's startups and mentors."""

    startup = forms.TypedChoiceField(label=_("Startup"), coerce=int)
    mentor = forms.TypedChoiceField(label=_("Mentor"), coerce=int)

    def __init__(self, *args, startups=(), mentors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["startup"].choices = [(s.pk, s.name) for s in startups]
        self.fields["mentor"].choices = [(m.pk, str(m)) for m in mentors]


class BidForm(forms.Form):
    startup = forms.IntegerField(widget=forms.HiddenInput)
    value = forms.ChoiceField(
        label=_("Your preference"),
        choices=[("", _("No preference")), *MentorBid.Value.choices],
        required=False,
    )


class FounderPreferenceForm(forms.Form):
    mentor = forms.IntegerField(widget=forms.HiddenInput)
    value = forms.ChoiceField(
        label=_("Your team's preference"),
        choices=[("", _("No preference")), *FounderPreference.Value.choices],
        required=False,
    )


class MentorProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=CONTENT_LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    stages = forms.MultipleChoiceField(
        label=_("Stages you help"),
        choices=Stage.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = MentorProfile
        fields = MENTOR_PROFILE_FIELDS
        widgets = {"expertise": forms.CheckboxSelectMultiple}


class AvailabilityForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts"), data.get("ends")
        if starts and ends and ends <= starts:
            self.add_error("ends", _("The time must end after it starts."))
        return data


AvailabilityFormSet = forms.inlineformset_factory(
    MentorProfile,
    AvailabilityWindow,
    form=AvailabilityForm,
    fields=["weekday", "starts", "ends"],
    extra=2,
    can_delete=True,
    widgets={
        "starts": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        "ends": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    },
)
