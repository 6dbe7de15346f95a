from django import forms

from .models import STARTUP_FIELDS, OutcomeReport, Startup
from .services import OUTCOME_FIELDS


class StartupForm(forms.ModelForm):
    class Meta:
        model = Startup
        fields = STARTUP_FIELDS
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
