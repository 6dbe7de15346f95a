import re

from django.utils.text import slugify
from django.utils.translation import get_language, gettext_noop, pgettext


def unique_slug(
    model, text: str, *, prefix: str = "", fallback: str = "item", limit: int = 60
) -> str:
    """A slug for ``text`` not yet used by ``model`` (``-2``, ``-3``... appended when needed)."""
    base = "-".join(part for part in (prefix, slugify(text)[:limit]) if part) or fallback
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# Kept as typed: addresses, %(name)s placeholders, markup and entities, ASCII code in brackets.
_KEEP = re.compile(
    r"\w+://\S+|%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[a-z]|<code>.*?</code>|&#?\w+;|\[[\x20-\x7e]*\]"
)
_HAN = "\u3400-\u9fff\uf900-\ufaff"
_FULL_WIDTH = str.maketrans(
    {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
)
# 1,000 and 10:30 and HH:MM keep their marks.
_NUMBER_PUNCTUATION = re.compile(r"(?<=[0-9A-Za-z])([,:])(?=[0-9A-Za-z])")
_STOP = re.compile(rf"(?<=[{_HAN}）”])\.(?=$|\s|[{_HAN}])")
_SPACE_AFTER = re.compile(r"(?<=[，。：；！？）])[ \t]+")
_SPACE_BEFORE = re.compile(rf"(?<=[{_HAN}])[ \t]+(?=[（])")


def fullwidth_punctuation(text: str) -> str:
    """Chinese text with Chinese punctuation: ``，。：；！？（）`` for the half-width marks, except
    inside numbers (``1,000``, ``10:30``), addresses, ``%(name)s`` placeholders, markup and
    bracketed code; no space after them."""
    parts, last = [], 0
    for kept in _KEEP.finditer(text):
        parts += [_fullwidth(text[last : kept.start()]), kept.group()]
        last = kept.end()
    return "".join([*parts, _fullwidth(text[last:])])


def _fullwidth(text: str) -> str:
    kept = _NUMBER_PUNCTUATION.sub(lambda m: "\0" + str(",:".index(m.group(1))), text)
    changed = _STOP.sub("。", kept.translate(_FULL_WIDTH))
    changed = _SPACE_BEFORE.sub("", _SPACE_AFTER.sub("", changed))
    return changed.replace("\x000", ",").replace("\x001", ":")


# Django's forms put ``_(":")`` after a label; Django's own Chinese catalogue leaves it ASCII, so
# ours, read first, gives Chinese its full-width colon.
LABEL_SUFFIX = gettext_noop(":")


def join_words(items) -> str:
    """An enumeration in the reader's language: ``서울, 부산``, ``北京、上海``, ``Seoul, Busan``."""
    return pgettext("between the items of an enumeration", ", ").join(
        str(item) for item in items if item not in (None, "")
    )


def labelled(label, value) -> str:
    """A label and its value, ``Deadline: 1 May`` (Chinese: ``截止时间：5月1日``)."""
    return pgettext("a label and its value", "%(label)s: %(value)s") % {
        "label": label,
        "value": value,
    }


def place_name(city, country) -> str:
    """A city and its country, ``Seoul, South Korea`` (Korean ``대한민국 서울``, Chinese
    ``韩国首尔``: the country first); either alone when the other is missing."""
    if city and country:
        return pgettext("a city and its country", "%(city)s, %(country)s") % {
            "city": city,
            "country": country,
        }
    return str(city or country or "")


# Large amounts in won as Korean and Chinese readers write them (myriads: 만/万, 억/亿, 조/万亿),
# locale formatting data like Django's formats modules rather than words to translate.
_MYRIADS = {
    "ko": (((10**12, "조"), (10**8, "억"), (10**4, "만")), "{amount} 원"),
    "zh": (((10**12, "万亿"), (10**8, "亿"), (10**4, "万")), "{amount}韩元"),
}


def won(amount, language: str | None = None) -> str:
    """An amount in Korean won for the reader: ``446억 원`` (ko), ``446亿韩元`` (zh-hans),
    ``₩44,600,000,000`` (en); one decimal at most in the myriad forms, none when it is 0."""
    number = round(float(amount))
    units, pattern = _MYRIADS.get((language or get_language() or "en")[:2], ((), ""))
    for size, name in units:
        if abs(number) >= size:
            shown = f"{number / size:,.1f}".removesuffix(".0")
            return pattern.format(amount=shown + name)
    if units:
        return pattern.format(amount=f"{number:,}")
    return f"₩{number:,}"
