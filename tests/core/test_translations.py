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
