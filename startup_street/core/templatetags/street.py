"""Template helpers used on every page: translated content and datetimes with their zone."""

from datetime import datetime

from django import template
from django.conf import settings
from django.utils import formats, timezone

from ..i18n import pick
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
