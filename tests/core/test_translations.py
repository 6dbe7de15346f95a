"""Every interface string has a Korean and a Simplified Chinese translation."""

import ast
import gettext
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "startup_street" / "locale"
LANGUAGES = ["ko", "zh_Hans"]


def _entries(po: Path) -> list[dict]:
    """A small .po reader: entries with msgid, msgid_plural, msgstr list and flags."""
    entries, entry, key = [], None, None
    for line in po.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if entry and "msgid" in entry:
                entries.append(entry)
            entry, key = None, None
            continue
        entry = entry if entry is not None else {"flags": "", "msgstr": []}
        if line.startswith("#,"):
            entry["flags"] += line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if key == "msgstr":
                entry["msgstr"][-1] += value
            else:
                entry[key] += value
        else:
            key, _space, literal = line.partition(" ")
            value = ast.literal_eval(literal)
            if key.startswith("msgstr"):
                entry["msgstr"].append(value)
                key = "msgstr"
            else:
                entry[key] = value
    return [e for e in entries if e["msgid"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_translated(language):
    entries = _entries(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(entries) > 100
    missing = [e["msgid"] for e in entries if not all(e["msgstr"]) or "fuzzy" in e["flags"]]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    for entry in _entries(folder / "django.po"):
        if "msgid_plural" not in entry and "msgctxt" not in entry:
            assert catalogue.gettext(entry["msgid"]) == entry["msgstr"][0], entry["msgid"]


@pytest.mark.parametrize(
    ("language", "firm", "person"), [("ko", "투자사", "투자자"), ("zh-hans", "投资机构", "投资人")]
)
def test_investor_stake_is_not_an_investing_company(language, firm, person):
    from django.utils import translation

    from startup_street.organizations.enums import OrganizationKind
    from startup_street.reviews.enums import StakeKind

    with translation.override(language):
        assert str(OrganizationKind.INVESTOR.label) == firm
        assert str(StakeKind.INVESTOR.label) == person


# Examples of what to type, where the ASCII mark is the input's own syntax.
TYPED_EXAMPLES = {
    "Enter the text as a mapping of language to text.",
    "Cities or countries, comma-separated (e.g. Beijing, Shanghai).",
}


def test_chinese_translations_use_chinese_punctuation():
    from startup_street.core.text import fullwidth_punctuation

    han = re.compile(r"[\u3400-\u9fff]")
    half_width = [
        entry["msgid"]
        for entry in _entries(LOCALE / "zh_Hans" / "LC_MESSAGES" / "django.po")
        if entry["msgid"] not in TYPED_EXAMPLES
        for text in entry["msgstr"]
        if han.search(text) and fullwidth_punctuation(text) != text
    ]
    assert half_width == []


# A label's colon belongs to its translation (Chinese writes "截止时间：", Korean and English
# "Deadline:"): `{% translate "Deadline:" %}`, or `{% labelled label value %}` for a label held
# in a variable. A colon typed after a tag or a variable is ASCII in every language. Inside a
# `{% blocktranslate %}` the colon is part of the translated text and may stay.
_BLOCKTRANSLATE = re.compile(
    r"\{%\s*blocktrans(?:late)?\b.*?%\}(.*?)\{%\s*endblocktrans(?:late)?\s*%\}", re.S
)
_COLON_AFTER_TAG = re.compile(r"(?:%\}|\}\})[ \t\r\n]*[:：](?![/\d{])")


def colons_after_tags(text: str) -> list[int]:
    """Line numbers where a colon follows a template tag or variable outside blocktranslate."""
    blanked = _BLOCKTRANSLATE.sub(
        lambda m: m.group(0).replace(m.group(1), re.sub(r"\S", " ", m.group(1))), text
    )
    return [blanked.count("\n", 0, m.start()) + 1 for m in _COLON_AFTER_TAG.finditer(blanked)]


def test_colons_after_tags_are_found():
    sample = (
        '<p>{% translate "Deadline" %}: {{ when }}</p>\n'
        "<li>{{ field.label }}: {{ error }}</li>\n"
        '<p>{% translate "Deadline:" %} {{ when }}</p>\n'
        "{% blocktranslate %}{{ label }}: {{ value }}{% endblocktranslate %}\n"
        "{% blocktranslate count n=k %}{{ n }} point{% plural %}{{ n }} points"
        "{% endblocktranslate %}:\n"
        '<a href="{{ protocol }}://{{ domain }}">{{ hour }}:{{ minute }}</a>\n'
    )
    assert colons_after_tags(sample) == [1, 2, 5]


def test_no_template_types_a_colon_after_a_label():
    from tests.core.test_templates import PACKAGE, templates

    found = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for _name, path in templates()
        for line in colons_after_tags(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "colon typed after a label (put it in the translation):\n" + "\n".join(
        found
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Deadline: 1 May", "Seoul, South Korea", "AI, robotics"]),
        ("ko", ["마감: 1 May", "대한민국 서울", "AI, robotics"]),
        ("zh-hans", ["截止时间：1 May", "韩国首尔", "AI、robotics"]),
    ],
)
def test_labels_places_and_enumerations_follow_the_language(language, expected):
    from django.utils import translation

    from startup_street.core.text import join_words, labelled, place_name

    with translation.override(language):
        label = translation.gettext("Deadline")
        country = {"en": "South Korea", "ko": "대한민국", "zh-hans": "韩国"}[language]
        city = {"en": "Seoul", "ko": "서울", "zh-hans": "首尔"}[language]
        shown = [
            labelled(label, "1 May"),
            place_name(city, country),
            join_words(["AI", "", "robotics"]),
        ]
    assert shown == expected
    assert place_name("", "Korea") == "Korea" and place_name("Seoul", None) == "Seoul"


@pytest.mark.parametrize(("language", "suffix"), [("en", ":"), ("ko", ":"), ("zh-hans", "：")])
def test_form_labels_end_with_the_languages_colon(language, suffix):
    from django import forms
    from django.utils import translation

    class Period(forms.Form):
        start = forms.DateField(label="Start")

    with translation.override(language):
        assert Period()["start"].label_tag().endswith(f"Start{suffix}</label>")


def test_template_helpers_escape_what_they_join_and_label_once():
    from django.template import Context, Template
    from django.utils import translation

    template = Template(
        "{{ names|join_words }}|{% labelled label value %}|{% place city country %}"
        "|{{ codes|languages_named|join_words }}"
    )
    context = Context(
        {
            "names": ["R&D", "<b>"],
            "label": "A&B",
            "value": "<i>",
            "city": "Seoul",
            "country": "Korea & co",
            "codes": ["ko", "zh"],
        }
    )
    with translation.override("zh-hans"):
        shown = template.render(context)
        languages = translation.gettext("Korean") + "、" + translation.gettext("Simplified Chinese")
    assert shown == "R&amp;D、&lt;b&gt;|A&amp;B：&lt;i&gt;|Korea &amp; co首尔|" + languages


@pytest.mark.parametrize(
    ("language", "amount", "shown"),
    [
        ("ko", 44_600_000_000, "446억 원"),
        ("ko", 1_250_000_000_000, "1.2조 원"),
        ("ko", 35_000, "3.5만 원"),
        ("ko", 900, "900 원"),
        ("zh-hans", 44_600_000_000, "446亿韩元"),
        ("zh-hans", 150_000_000, "1.5亿韩元"),
        ("en", 44_600_000_000, "₩44,600,000,000"),
        ("en", 0, "₩0"),
    ],
)
def test_amounts_in_won_are_written_as_each_language_writes_them(language, amount, shown):
    from django.template import Context, Template
    from django.utils import translation

    with translation.override(language):
        assert (
            Template("{% load street %}{{ amount|won }}").render(Context({"amount": amount}))
            == shown
        )
