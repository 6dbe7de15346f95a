from datetime import datetime

from django import template
from django.utils import timezone

from startup_street.core.timezones import get_zone

register = template.Library()


@register.filter
def clock(value, zone_name=None):
    """``09:30`` of a datetime in ``zone_name`` (default: the viewer's zone)."""
    if not isinstance(value, datetime):
        return ""
    zone = get_zone(zone_name) if zone_name else timezone.get_current_timezone()
    return value.astimezone(zone).strftime("%H:%M")


@register.filter
def same_zone(zone_name) -> bool:
    """Whether the viewer's zone is ``zone_name`` (then one time is enough)."""
    return getattr(timezone.get_current_timezone(), "key", "") == zone_name
