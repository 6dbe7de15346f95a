"""Template helpers used on every page: translated content and datetimes with their zone."""

from datetime import datetime

from django import template
from django.conf import settings
from django.utils import formats, timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

from ..i18n import CONTENT_LANGUAGE_CHOICES, Shown, normalise_language, pick
from ..places import city_name
from ..text import join_words as _join_words
from ..text import labelled as _labelled
from ..text import place_name
from ..text import won as _won
from ..timezones import COMMON_TIME_ZONES, get_zone, zone_label

register = template.Library()


@register.filter
def tr(value, original=None):
    """``{{ program.title|tr:program.original_language }}``: the viewer's translation."""
    if isinstance(value, dict):
        return pick(value, original).text
    return value


@register.simple_tag
def translated(obj, field):
    """``{% translated program "title" as t %}``: text plus whether it is a fallback."""
    return pick(getattr(obj, field), getattr(obj, "original_language", None))


@register.simple_tag
def original_badge(shown):
    """After a ``translated`` text: a badge naming its language when it is not the viewer's
    (there is no translation, so the original is shown)."""
    if not isinstance(shown, Shown) or not shown.is_fallback or not shown.text:
        return ""
    return format_html(
        '<small class="badge badge--neutral original-language" title="{}">{} '
        '<span lang="{}">{}</span></small>',
        pgettext("badge title", "Not translated into your language yet"),
        pgettext("badge before the language a text is shown in", "Original:"),
        shown.language,
        dict(settings.LANGUAGES).get(shown.language, shown.language),
    )


@register.filter
def city(value):
    """A city in the viewer's language when it is a known one (Seoul, 서울, 首尔)."""
    return city_name(value) if isinstance(value, str) else value


@register.simple_tag
def place(city_value, country):
    """``{% place program.city program.get_country_display %}``: 대한민국 서울 / 韩国首尔."""
    return place_name(city(city_value or ""), country)


@register.filter
def join_words(items, attribute=None):
    """``{{ names|join_words }}``, ``{{ results|join_words:"label" }}``: an enumeration with the
    reader's separator (Chinese 、)."""
    items = (getattr(item, attribute) for item in items or ()) if attribute else items or ()
    return mark_safe(_join_words(conditional_escape(item) for item in items))  # noqa: S308


@register.simple_tag
def labelled(label, value):
    """``{% labelled field.label error %}``: a label and its value with the reader's colon."""
    return mark_safe(_labelled(conditional_escape(label), conditional_escape(value)))  # noqa: S308


@register.filter
def languages_named(codes) -> list[str]:
    """Content languages by name in the reader's language (``["ko", "zh"]`` -> 韩语, 简体中文)."""
    names = dict(CONTENT_LANGUAGE_CHOICES)
    return [str(names.get(normalise_language(code), code)) for code in codes or ()]


def _format(dt: datetime, zone) -> str:
    local = dt.astimezone(zone)
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} {zone_label(dt, zone)}"


@register.filter
def zoned(value, zone_name=None):
    """A datetime in the viewer's zone (or ``zone_name``), with the zone named."""
    if not isinstance(value, datetime):
        return ""
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.utc)
    zone = get_zone(zone_name) if zone_name else timezone.get_current_timezone()
    return _format(value, zone)


@register.filter
def zoned_both(value, zone_name):
    """A datetime in ``zone_name`` (a call's or a venue's zone) and, only when the viewer's zone
    is another one, in the viewer's zone too."""
    here = zoned(value, zone_name)
    viewer = getattr(timezone.get_current_timezone(), "key", "")
    if not here or viewer == getattr(get_zone(zone_name), "key", zone_name):
        return here
    return f"{here} · {zoned(value)}"


@register.filter
def zone_name(value):
    """A zone key named for people: 베이징 시간, 北京时间, ``CST (Asia/Shanghai)``."""
    return zone_label(timezone.now(), get_zone(value)) if value else ""


@register.filter
def iso(value):
    return value.isoformat() if isinstance(value, datetime) else ""


@register.simple_tag
def common_time_zones() -> list[str]:
    return COMMON_TIME_ZONES


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.simple_tag
def language_names() -> list[tuple[str, str]]:
    """The interface languages named in themselves (한국어, 中文(简体), English)."""
    return list(settings.LANGUAGES)


@register.filter
def days_left(value):
    """Whole days from today to ``value``'s day in the viewer's zone (0 on the day itself), or
    None once it has passed: shown as D-n."""
    if not isinstance(value, datetime) or value < timezone.now():
        return None
    zone = timezone.get_current_timezone()
    return (value.astimezone(zone).date() - timezone.now().astimezone(zone).date()).days


@register.filter
def won(amount) -> str:
    """``{{ amount|won }}``: 446억 원 / 446亿韩元 / ₩44,600,000,000 (``core.text.won``)."""
    return "" if amount in (None, "") else _won(amount)
