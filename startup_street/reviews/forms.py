from django import forms
from django.utils.translation import gettext_lazy as _

from startup_street.core.fields import TranslatedTextField
from startup_street.core.i18n import pick


class ReviewForm(forms.Form):
    comment_to_staff = forms.CharField(
        label=_("Comment to staff"), required=False, max_length=5000, widget=forms.Textarea
    )
    comment_to_applicant = forms.CharField(
        label=_("Comment to the applicant"),
        required=False,
        max_length=5000,
        widget=forms.Textarea,
        help_text=_("The applicant may read this; staff comments stay with staff."),
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
    application = forms.IntegerField(widget=forms.HiddenInput)
    reviewer = forms.IntegerField(label=_("Reviewer"))


class ConflictForm(forms.Form):
    note = forms.CharField(label=_("Why (optional)"), required=False, max_length=300)
