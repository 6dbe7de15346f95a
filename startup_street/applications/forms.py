from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from startup_street.core.forms import TranslatedTextFormField
from startup_street.core.i18n import CONTENT_LANGUAGE_CHOICES, pick

from .answers import answer_text
from .enums import QuestionKind, Status
from .models import Question

CHOICE_LABEL_LIMIT = 200


class QuestionForm(forms.ModelForm):
    """A question of a call's form, added or edited by staff; choices are given per language."""

    choice_labels = TranslatedTextFormField(
        label=_("Options"),
        required=False,
        max_length=5000,
        textarea=True,
        help_text=_(
            "For choice questions: one option per line, in the same order in every language."
        ),
    )
    max_length = forms.IntegerField(
        label=_("Maximum length"),
        required=False,
        min_value=1,
        max_value=10000,
        help_text=_("Characters, for text answers."),
    )

    class Meta:
        model = Question
        fields = ["kind", "label", "help_text", "required", "max_length"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.choices:
            self.initial["choice_labels"] = {
                code: "\n".join(c.get("label", {}).get(code, "") for c in self.instance.choices)
                for code, _name in CONTENT_LANGUAGE_CHOICES
            }

    def clean(self):
        cleaned = super().clean()
        by_language = {}
        for code, text in (cleaned.get("choice_labels") or {}).items():
            lines = [line.strip() for line in text.splitlines()]
            by_language[code] = [line for line in lines if line]
        by_language = {code: lines for code, lines in by_language.items() if lines}
        counts = {len(lines) for lines in by_language.values()}
        if len(counts) > 1:
            self.add_error(
                "choice_labels", _("Give every language the same number of options, in order.")
            )
            return cleaned
        if any(len(line) > CHOICE_LABEL_LIMIT for lines in by_language.values() for line in lines):
            self.add_error(
                "choice_labels",
                _("Keep each option within %(limit)d characters.") % {"limit": CHOICE_LABEL_LIMIT},
            )
            return cleaned
        count = counts.pop() if counts else 0
        if cleaned.get("kind") == QuestionKind.CHOICE and count < 2:
            self.add_error("choice_labels", _("A choice question needs at least two options."))
        options = [
            {"label": {code: lines[n] for code, lines in by_language.items()}} for n in range(count)
        ]
        cleaned["choices"] = options if cleaned.get("kind") == QuestionKind.CHOICE else []
        return cleaned

    def question_fields(self) -> dict:
        """The cleaned values, as keyword arguments for the question services."""
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "label": data["label"],
            "help_text": data.get("help_text") or {},
            "required": data.get("required", False),
            "max_length": data.get("max_length"),
            "choices": data.get("choices", []),
        }


class MoveQuestionForm(forms.Form):
    direction = forms.ChoiceField(
        label=_("Direction"), choices=[("up", _("Move up")), ("down", _("Move down"))]
    )


def answer_field(question: Question, initial=None) -> forms.Field:
    """The form field a founder fills in for one question, labelled in their language."""
    label = pick(question.label, question.original_language).text
    help_text = pick(question.help_text, question.original_language).text
    common = {"label": label, "help_text": help_text, "required": False, "initial": initial}
    kind = question.kind
    if kind == QuestionKind.LONG_TEXT:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), **common)
    if kind == QuestionKind.CHOICE:
        options = [("", "—")] + [
            (c["value"], pick(c.get("label", {}), question.original_language).text)
            for c in question.choices
        ]
        return forms.ChoiceField(choices=options, **common)
    if kind == QuestionKind.NUMBER:
        return forms.CharField(widget=forms.NumberInput(attrs={"step": "any"}), **common)
    if kind == QuestionKind.DATE:
        return forms.CharField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if kind == QuestionKind.URL:
        return forms.CharField(widget=forms.URLInput(), **common)
    return forms.CharField(**common)


class AnswersForm(forms.Form):
    """One field per non-file question, named by question id; validated by the service."""

    def __init__(self, *args, questions, answers, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_questions = []
        for question in questions:
            if question.kind == QuestionKind.FILE:
                self.file_questions.append(question)
                continue
            field = answer_field(question, answers.get(question.pk))
            field.required_mark = question.required
            field.shown = answer_text(question, answers.get(question.pk))  # read-only pages
            self.fields[str(question.pk)] = field


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"))


DECISION_CHOICES = [
    (Status.ACCEPTED, pgettext_lazy("decision on an application", "Accept")),
    (Status.WAITLISTED, pgettext_lazy("decision on an application", "Waitlist")),
    (Status.REJECTED, pgettext_lazy("decision on an application", "Reject")),
    (Status.UNDER_REVIEW, _("Move to review")),
]


class DecisionForm(forms.Form):
    # Nothing is chosen beforehand: a decision is picked, never taken by default.
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("", _("Choose a decision")), *DECISION_CHOICES]
    )
