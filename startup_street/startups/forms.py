from django import forms

from .models import OutcomeReport, Startup
from .services import OUTCOME_FIELDS


class StartupForm(forms.ModelForm):
    class Meta:
        model = Startup
        fields = [
            "name",
            "tagline",
            "description",
            "original_language",
            "sectors",
            "stage",
            "founded_on",
            "city",
            "region",
            "country",
            "team_size",
            "website",
            "revenue_band",
            "is_public",
        ]
        widgets = {
            "founded_on": forms.DateInput(attrs={"type": "date"}),
            "sectors": forms.CheckboxSelectMultiple,
        }


class OutcomeReportForm(forms.ModelForm):
    """A quarter's figures, in the founder's language; the quarter is chosen, not typed."""

    class Meta:
        model = OutcomeReport
        fields = ["year", "quarter", *OUTCOME_FIELDS]
        widgets = {"quarter": forms.Select(choices=[(q, f"Q{q}") for q in range(1, 5)])}
