from django import forms
from django.utils.translation import gettext_lazy as _

from startup_street.accounts.models import User
from startup_street.applications.enums import Status
from startup_street.core.fields import TranslatedTextField
from startup_street.core.i18n import pick
from startup_street.core.models import Sector
from startup_street.organizations.models import Organization
from startup_street.startups.models import Startup

from .enums import StakeKind
from .models import Rubric


class ReviewForm(forms.Form):
    comment_to_staff = forms.CharField(
        label=_("Comment to staff"),
        required=False,
        max_length=5000,
        widget=forms.Textarea,
        help_text=_("Only the organisation's staff read this."),
    )
    comment_to_applicant = forms.CharField(
        label=_("Comment to the applicant"),
        required=False,
        max_length=5000,
        widget=forms.Textarea,
        help_text=_(
            "The applicant reads this, without your name, once the decision is made; "
            "staff comments stay with staff."
        ),
    )

    def __init__(self, *args, criteria, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_scores = initial_scores or {}
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=pick(criterion.label, criterion.original_language).text,
                min_value=criterion.scale_min,
                max_value=criterion.scale_max,
                initial=initial_scores.get(criterion.pk),
                help_text=_("From %(low)d to %(high)d")
                % {"low": criterion.scale_min, "high": criterion.scale_max},
            )

    def scores(self) -> dict[int, int]:
        return {
            int(name.removeprefix("score_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("score_")
        }


class RubricForm(forms.ModelForm):
    class Meta:
        model = Rubric
        fields = [
            "phase",
            "blind",
            "reviewers_per_application",
            "max_per_reviewer",
        ]


class CriterionForm(forms.Form):
    label = TranslatedTextField(max_length=300).formfield(label=_("Criterion"))
    weight = forms.DecimalField(label=_("Weight"), min_value=0, max_digits=5, decimal_places=2)
    scale_min = forms.IntegerField(
        label=_("Lowest score"), initial=1, min_value=-100, max_value=100
    )
    scale_max = forms.IntegerField(
        label=_("Highest score"), initial=5, min_value=-100, max_value=100
    )

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("scale_min"), cleaned.get("scale_max")
        if low is not None and high is not None and high <= low:
            self.add_error("scale_max", _("The highest score must exceed the lowest."))
        return cleaned


class AssignForm(forms.Form):
    application = forms.IntegerField(label=_("Application"))
    reviewer = forms.IntegerField(label=_("Reviewer"))


class AutoAssignForm(forms.Form):
    randomize = forms.ChoiceField(
        label=_("Randomise"),
        required=False,
        choices=[
            ("", _("No: the best fit")),
            ("1/2", _("At most 1 chance in 2 per reviewer")),
            ("1/3", _("At most 1 chance in 3 per reviewer")),
            ("2/3", _("At most 2 chances in 3 per reviewer")),
            ("3/4", _("At most 3 chances in 4 per reviewer")),
        ],
        help_text=_(
            "A random assignment in which no reviewer is sure to get a given application, "
            "which limits collusion; the expected fit is the best such assignments allow."
        ),
    )


class ConflictForm(forms.Form):
    note = forms.CharField(label=_("Why (optional)"), required=False, max_length=300)


class StakeForm(forms.Form):
    startup = forms.ModelChoiceField(label=_("Startup"), queryset=Startup.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=StakeKind.choices)
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.all(), required=False
    )
    person = forms.EmailField(label=_("Or a person's e-mail address"), required=False)

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["startup"].queryset = Startup.objects.filter(applications__call=call).order_by(
            "name"
        )

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("person")
        cleaned["person"] = User.objects.filter(email__iexact=email).first() if email else None
        if email and cleaned["person"] is None:
            self.add_error("person", _("Nobody on Startup Street has this address."))
        elif (cleaned["person"] is None) == (cleaned.get("organization") is None):
            raise forms.ValidationError(_("Name either a person or an organisation."))
        return cleaned


class RankingFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status"))] + [c for c in Status.choices if c[0] != Status.DRAFT],
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    reviewed = forms.ChoiceField(
        label=_("Reviews"),
        required=False,
        choices=[
            ("", _("Any")),
            ("complete", _("All reviews in")),
            ("missing", _("Reviews missing")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", _("Any sector"))] + [
            (sector.code, str(sector)) for sector in Sector.objects.all()
        ]

    def filters(self) -> dict[str, str]:
        return self.cleaned_data if self.is_valid() else {}
