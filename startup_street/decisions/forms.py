from django import forms
from django.utils.translation import gettext_lazy as _

from startup_street.applications.enums import Status
from startup_street.applications.forms import DecisionForm
from startup_street.core.forms import TranslatedTextFormField
from startup_street.core.i18n import CONTENT_LANGUAGE_CHOICES
from startup_street.core.models import Sector


class BulkDecisionForm(DecisionForm):
    applications = forms.TypedMultipleChoiceField(label=_("Applications"), coerce=int)

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:  # the page writes its own checkboxes: the ids matter on POST only
            self.fields["applications"].choices = [
                (pk, str(pk)) for pk in call.applications.values_list("pk", flat=True)
            ]


class QuotaForm(forms.Form):
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=Sector.objects.all())
    min_percent = forms.IntegerField(
        label=_("At least (%)"),
        min_value=1,
        max_value=100,
        required=False,
        help_text=_("Leave empty to remove the quota."),
    )


class CohortForm(forms.Form):
    name = forms.CharField(label=_("Cohort name"), max_length=200, required=False)


class NoticeForm(forms.Form):
    statuses = forms.MultipleChoiceField(
        label=_("To applications that are"),
        choices=[(s, label) for s, label in Status.choices if s != Status.DRAFT],
        widget=forms.CheckboxSelectMultiple,
    )
    original_language = forms.ChoiceField(
        label=_("Written in"), choices=CONTENT_LANGUAGE_CHOICES, initial="ko"
    )
    subject = TranslatedTextFormField(label=_("Subject"), max_length=200)
    body = TranslatedTextFormField(label=_("Message"), max_length=5000, textarea=True)


class ReleaseDecisionsForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, tell every founder their decision now"),
        help_text=_("Each founder is e-mailed their decision; this cannot be undone."),
    )


class HoldForm(forms.Form):
    hold = forms.BooleanField(
        label=_("Hold decision notices until released"),
        required=False,
        help_text=_(
            "Decisions are recorded but founders are told nothing until staff release them "
            "together."
        ),
    )
