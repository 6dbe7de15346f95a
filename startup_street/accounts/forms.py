from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from startup_street.core.i18n import normalise_language
from startup_street.core.timezones import time_zone_choices, zone_for_language

from .models import TokenScope, User


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autofocus": True})
    )


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)

    class Meta:
        model = User
        fields = ["display_name", "preferred_language", "time_zone"]


class SignupForm(ProfileForm):
    # Not the model's field: its uniqueness is not checked here, as saying "taken" would tell
    # who has an account (``verification.sign_up`` writes to the owner instead).
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput, strip=False)

    field_order = ["email", "display_name", "preferred_language", "time_zone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A newcomer most likely reads the language the page is in and lives in the zone their
        # browser reports (``street/browser-zone.js`` picks it); the language's zone until then.
        language = normalise_language(translation.get_language()) or "en"
        given = kwargs.get("initial") or {}
        self.initial["preferred_language"] = given.get("preferred_language", language)
        self.initial["time_zone"] = given.get("time_zone", zone_for_language(language))
        if not self.is_bound:
            self.fields["time_zone"].widget.attrs["data-browser-zone"] = "fill"

    def clean_email(self):
        return self.cleaned_data["email"].lower()

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ."))
        elif p1:
            candidate = User(
                email=cleaned.get("email", ""), display_name=cleaned.get("display_name", "")
            )
            try:
                password_validation.validate_password(p1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=80)
    scope = forms.ChoiceField(label=_("Scope"), choices=TokenScope.choices, initial=TokenScope.READ)
    lifetime_days = forms.TypedChoiceField(
        label=_("Expires after"),
        coerce=int,
        initial=90,
        choices=[
            (7, _("7 days")),
            (30, _("30 days")),
            (90, _("90 days")),
            (365, _("one year")),
        ],
    )


class TwoFactorCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )
