from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from startup_street.core.models import Sector
from startup_street.organizations.models import Organization
from startup_street.programs.enums import SupportKind

from .indicators import Slice

MAX_YEARS = 10


class SliceForm(forms.Form):
    """Which figures to show: a period and optional slices, each checked; the organisations
    offered are those the viewer may see."""

    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput({"type": "date"})
    )
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput({"type": "date"}))
    organization = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label="—",
    )
    kind = forms.ChoiceField(
        label=_("Kind of program"), choices=[("", "—"), *SupportKind.choices], required=False
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=[], required=False)
    city = forms.CharField(label=_("City"), max_length=80, required=False)
    district = forms.CharField(label=_("District"), max_length=80, required=False)

    def __init__(self, *args, organizations: tuple[int, ...] | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = organizations
        offered = Organization.objects.all()
        if organizations is not None:
            offered = offered.filter(pk__in=organizations)
        self.fields["organization"].queryset = offered
        self.fields["sector"].choices = [
            ("", "—"),
            *((sector.code, str(sector)) for sector in Sector.objects.all()),
        ]

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        data["end"] = data.get("end") or today
        data["start"] = data.get("start") or date(data["end"].year - 4, 1, 1)
        if data["start"] > data["end"]:
            raise forms.ValidationError(_("The period must start before it ends."))
        if (data["end"] - data["start"]).days > 366 * MAX_YEARS:
            raise forms.ValidationError(
                _("Choose a period of at most %(years)s years.") % {"years": MAX_YEARS}
            )
        return data

    def showing_period(self) -> "SliceForm":
        """The same form with the period it used (the default one too) in its date fields."""
        data = self.data.copy()
        data["start"] = self.cleaned_data["start"].isoformat()
        data["end"] = self.cleaned_data["end"].isoformat()
        shown = SliceForm(data, organizations=self.allowed)
        shown.is_valid()
        return shown

    def described(self) -> list[str]:
        """The filters chosen, in words, for a printed report."""
        data = self.cleaned_data
        chosen = [
            (self.fields[name].label, value)
            for name, value in [
                ("organization", data.get("organization")),
                ("kind", dict(self.fields["kind"].choices).get(data.get("kind"))),
                ("sector", dict(self.fields["sector"].choices).get(data.get("sector"))),
                ("city", data.get("city")),
                ("district", data.get("district")),
            ]
            if value and value != "—"
        ]
        return [f"{label}: {value}" for label, value in chosen]

    def slice(self) -> Slice:
        data = self.cleaned_data
        organizations = (data["organization"].pk,) if data.get("organization") else self.allowed
        return Slice(
            start=data["start"],
            end=data["end"],
            organizations=organizations,
            kind=data.get("kind") or "",
            sector=data.get("sector") or "",
            city=(data.get("city") or "").strip(),
            district=(data.get("district") or "").strip(),
        )
