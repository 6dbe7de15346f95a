from django import forms

from .models import Startup


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
