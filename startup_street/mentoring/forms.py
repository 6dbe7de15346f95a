from django import forms
from django.utils.translation import gettext_lazy as _

from startup_street.core.i18n import CONTENT_LANGUAGE_CHOICES

from .models import AvailabilityWindow, MentorProfile


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
    call = forms.IntegerField(label=_("Cohort: accepted startups of call"), required=False)
    per_startup = forms.IntegerField(
        label=_("Mentors per startup"), initial=1, min_value=1, max_value=5
    )


class MentorProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=CONTENT_LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = MentorProfile
        fields = [
            "headline",
            "bio",
            "original_language",
            "expertise",
            "languages",
            "hours_per_month",
            "max_startups",
            "is_active",
        ]
        widgets = {"expertise": forms.CheckboxSelectMultiple}


AvailabilityFormSet = forms.inlineformset_factory(
    MentorProfile,
    AvailabilityWindow,
    fields=["weekday", "starts", "ends"],
    extra=2,
    can_delete=True,
    widgets={
        "starts": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        "ends": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    },
)
