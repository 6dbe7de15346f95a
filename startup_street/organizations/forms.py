from django import forms

from .models import Invitation, Organization


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = [
            "name",
            "description",
            "original_language",
            "kind",
            "city",
            "country",
            "time_zone",
            "website",
        ]
