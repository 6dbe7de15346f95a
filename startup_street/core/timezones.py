import zoneinfo
from datetime import UTC, datetime, tzinfo
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from .i18n import normalise_language
from .places import city_name, zone_city

# The zones most users of a Seoul-Beijing cluster need first; every IANA zone is accepted.
COMMON_TIME_ZONES = [
    "Asia/Seoul",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Asia/Hong_Kong",
    "Asia/Singapore",
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
]


@cache
def known_time_zones() -> frozenset[str]:
    """Every IANA zone name (read from disk once per process)."""
    return frozenset(zoneinfo.available_timezones())


def all_time_zones() -> list[str]:
    rest = sorted(known_time_zones() - set(COMMON_TIME_ZONES))
    return COMMON_TIME_ZONES + [name for name in rest if "/" in name]


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in all_time_zones()]


def validate_time_zone(value: str) -> None:
    if value not in known_time_zones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def get_zone(name: str | None) -> tzinfo:
    try:
        return zoneinfo.ZoneInfo(name or settings.DEFAULT_USER_TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.DEFAULT_USER_TIME_ZONE)


def zone_label(dt: datetime, zone: tzinfo) -> str:
    """A zone named for people: ``KST (Asia/Seoul)`` in English; in Korean and Chinese the
    city it is known by (서울 시간, 北京时间) where it has one."""
    key = getattr(zone, "key", str(zone))
    language = normalise_language(translation.get_language())
    city = zone_city(key)
    if city and language in ("ko", "zh-hans"):
        return pgettext("a time zone named after its city", "%(city)s time") % {
            "city": city_name(city, language)
        }
    abbreviation = dt.astimezone(zone).tzname() or key
    return key if abbreviation == key else f"{abbreviation} ({key})"


def zone_for_language(language: str | None) -> str:
    """The zone a newcomer reading ``language`` most likely lives in, before the browser says."""
    code = normalise_language(language)
    return {"ko": "Asia/Seoul", "zh-hans": "Asia/Shanghai", "en": "UTC"}.get(
        code, settings.DEFAULT_USER_TIME_ZONE
    )


def make_aware_in(naive: datetime, zone_name: str) -> datetime:
    """Interpret a wall-clock time in the given zone (e.g. a call's deadline)."""
    return timezone.make_aware(naive, get_zone(zone_name))


def make_aware_strictly(naive: datetime, zone_name: str) -> datetime:
    """``make_aware_in``, but a wall-clock time the zone skips (the hour lost when clocks go
    forward) is refused with the reason instead of being shifted silently."""
    aware = make_aware_in(naive, zone_name)
    if aware.astimezone(UTC).astimezone(aware.tzinfo).replace(tzinfo=None) != naive:
        raise ValidationError(
            _(
                "%(time)s does not exist in %(zone)s: the clocks skip that hour. "
                "Enter a time before or after the change."
            ),
            params={"time": naive.strftime("%Y-%m-%d %H:%M"), "zone": zone_name},
        )
    return aware
