from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from startup_street.core.i18n import CONTENT_LANGUAGE_CHOICES
from startup_street.core.models import Sector
from startup_street.startups.selectors import startups_of

from .enums import Interest, Market, OutcomeKind, ParticipantKind, RegistrationStatus
from .models import Event, MarketEntryTemplate, Slot


class SlotChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, slot):
        from .reasons import slot_words

        return slot_words(slot, self.zone_name)


class RegistrationForm(forms.Form):
    kind = forms.ChoiceField(label=_("I come as"), choices=ParticipantKind.choices)
    name = forms.CharField(label=_("Organisation or company"), max_length=160)
    startup = forms.ModelChoiceField(
        label=_("Startup"), queryset=None, required=False,
        help_text=_("Required when you come as a startup."),
    )  # fmt: skip
    city = forms.CharField(label=_("City"), max_length=80, required=False)
    offers = forms.CharField(
        label=_("What we offer"), max_length=2000, required=False, widget=forms.Textarea
    )
    seeks = forms.CharField(
        label=_("What we seek"), max_length=2000, required=False, widget=forms.Textarea
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    languages = forms.MultipleChoiceField(
        label=_("Working languages"), choices=CONTENT_LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    unavailable_slots = SlotChoiceField(
        label=_("Slots when I am not available"), queryset=Slot.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args, event: Event, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["startup"].queryset = startups_of(user).order_by("name")
        self.fields["unavailable_slots"].queryset = event.slots.order_by("starts_at")
        self.fields["unavailable_slots"].zone_name = event.time_zone


class RequestForm(forms.Form):
    interest = forms.ChoiceField(
        label=_("Interest"), choices=[(Interest.MUST, Interest.MUST.label),
                                      (Interest.WOULD, Interest.WOULD.label)],
    )  # fmt: skip
    message = forms.CharField(label=_("Message"), max_length=500, required=False)


class AnswerForm(forms.Form):
    interest = forms.ChoiceField(label=_("Your answer"), choices=Interest.choices)


class DecideForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[c for c in RegistrationStatus.choices if c[0] != RegistrationStatus.PENDING],
    )


class MoveForm(forms.Form):
    slot = forms.ModelChoiceField(label=_("Slot"), queryset=Slot.objects.none())
    table = forms.ModelChoiceField(label=_("Table"), queryset=None, required=False)
    interpreter = forms.ModelChoiceField(label=_("Interpreter"), queryset=None, required=False)

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = event.slots.all()
        self.fields["table"].queryset = event.tables.all()
        self.fields["interpreter"].queryset = event.interpreters.all()


class MeetingRuleForm(forms.Form):
    requester_kind = forms.ChoiceField(label=_("Who may ask"), choices=ParticipantKind.choices)
    recipient_kind = forms.ChoiceField(label=_("Whom"), choices=ParticipantKind.choices)
    max_requests = forms.IntegerField(
        label=_("Requests each"), min_value=1, max_value=200, initial=10
    )


class ParticipantFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("any"))] + ParticipantKind.choices, required=False
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("any"))] + CONTENT_LANGUAGE_CHOICES, required=False
    )


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("What came of it"), choices=OutcomeKind.choices)
    happened_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    counterpart = forms.CharField(label=_("With"), max_length=160, required=False)
    evidence_url = forms.URLField(label=_("Evidence (link)"), required=False)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class MarketEntryForm(forms.Form):
    origin = forms.ChoiceField(
        label=pgettext_lazy("market a startup comes from", "From"), choices=Market.choices
    )
    template = forms.ModelChoiceField(
        label=_("Checklist"), queryset=MarketEntryTemplate.objects.select_related("organization")
    )
    started_on = forms.DateField(label=_("Start"), widget=forms.DateInput(attrs={"type": "date"}))


class StepForm(forms.Form):
    owner = forms.CharField(
        label=pgettext_lazy("person in charge of a step", "Owner"), max_length=120, required=False
    )
    due_on = forms.DateField(
        label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    done_on = forms.DateField(
        label=_("Done"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
