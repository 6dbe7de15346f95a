"""Languages of content: organisation- and founder-written text keeps its original language.

A translated text is stored as ``{"ko": "...", "zh-hans": "...", "en": "..."}``; the value shown
to a viewer is the one in their language, else the original, else any non-empty one.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

CONTENT_LANGUAGE_CHOICES = [
    ("ko", _("Korean")),
    ("zh-hans", _("Simplified Chinese")),
    ("en", _("English")),
]


def content_languages() -> list[str]:
    return list(settings.CONTENT_LANGUAGES)


def normalise_language(code: str | None) -> str:
    """Map browser and API spellings (zh, zh-cn, zh_Hans, ko-KR) to our three codes."""
    code = (code or "").strip().lower().replace("_", "-")
    if code.startswith("zh"):
        return "zh-hans"
    if code.startswith("ko"):
        return "ko"
    if code.startswith("en"):
        return "en"
    return ""


@dataclass(frozen=True)
class Shown:
    text: str
    language: str
    is_original: bool
    is_fallback: bool

    def __str__(self) -> str:
        return self.text


def pick(value: dict | None, original: str | None = None, language: str | None = None) -> Shown:
    """The text to show a viewer reading ``language`` (default: the active language)."""
    value = value or {}
    wanted = normalise_language(language or translation.get_language()) or "en"
    order = [wanted, original or "", *content_languages()]
    for code in order:
        text = value.get(code) if code else None
        if text:
            return Shown(text, code, code == original, code != wanted)
    return Shown("", wanted, False, False)
