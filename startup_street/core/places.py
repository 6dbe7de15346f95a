"""Place names in the three interface languages.

Organisations, programs, startups and events store a city as it was typed (``Seoul``, ``서울``,
``北京``); a known city is shown in the viewer's language, anything else as it was written.
"""

from functools import cache

from django.db.models import Q
from django.utils import translation

from .i18n import normalise_language

# One row per city: the English name is the key; every spelling below is recognised.
CITIES: dict[str, dict[str, str]] = {
    "Seoul": {"ko": "서울", "zh-hans": "首尔"},
    "Busan": {"ko": "부산", "zh-hans": "釜山"},
    "Incheon": {"ko": "인천", "zh-hans": "仁川"},
    "Daejeon": {"ko": "대전", "zh-hans": "大田"},
    "Daegu": {"ko": "대구", "zh-hans": "大邱"},
    "Gwangju": {"ko": "광주", "zh-hans": "光州"},
    "Seongnam": {"ko": "성남", "zh-hans": "城南"},
    "Pangyo": {"ko": "판교", "zh-hans": "板桥"},
    "Beijing": {"ko": "베이징", "zh-hans": "北京"},
    "Shanghai": {"ko": "상하이", "zh-hans": "上海"},
    "Shenzhen": {"ko": "선전", "zh-hans": "深圳"},
    "Guangzhou": {"ko": "광저우", "zh-hans": "广州"},
    "Hangzhou": {"ko": "항저우", "zh-hans": "杭州"},
    "Suzhou": {"ko": "쑤저우", "zh-hans": "苏州"},
    "Tianjin": {"ko": "톈진", "zh-hans": "天津"},
    "Hong Kong": {"ko": "홍콩", "zh-hans": "香港"},
    "Tokyo": {"ko": "도쿄", "zh-hans": "东京"},
    "Singapore": {"ko": "싱가포르", "zh-hans": "新加坡"},
    "San Francisco": {"ko": "샌프란시스코", "zh-hans": "旧金山"},
    "New York": {"ko": "뉴욕", "zh-hans": "纽约"},
    "London": {"ko": "런던", "zh-hans": "伦敦"},
    "Berlin": {"ko": "베를린", "zh-hans": "柏林"},
}

# The city a zone is named after in Korean and Chinese (中国标准时间 is 北京时间).
ZONE_CITIES = {
    "Asia/Seoul": "Seoul",
    "Asia/Shanghai": "Beijing",
    "Asia/Hong_Kong": "Hong Kong",
    "Asia/Tokyo": "Tokyo",
    "Asia/Singapore": "Singapore",
}


@cache
def _spellings() -> dict[str, str]:
    """Every known spelling, folded, to its city's English name."""
    index = {}
    for english, names in CITIES.items():
        for spelling in (english, *names.values()):
            index[_fold(spelling)] = english
    return index


def _fold(text: str) -> str:
    return " ".join(text.replace("-", " ").split()).casefold()


def city_name(value: str | None, language: str | None = None) -> str:
    """``value`` in ``language`` (default: the active one) if it is a known city, else as is."""
    text = (value or "").strip()
    english = _spellings().get(_fold(text))
    if english is None:
        return text
    wanted = normalise_language(language or translation.get_language()) or "en"
    return CITIES[english].get(wanted, english)


def zone_city(zone_key: str) -> str | None:
    """The English name of the city a zone is called after, if people call it so."""
    return ZONE_CITIES.get(zone_key)


def city_spellings(value: str) -> list[str]:
    """Every spelling of the city ``value`` names (``서울``: Seoul, 서울, 首尔), else ``value``."""
    text = (value or "").strip()
    english = _spellings().get(_fold(text))
    return [english, *CITIES[english].values()] if english else [text]


def same_city(a: str | None, b: str | None) -> bool:
    """Whether two typed city names name one city (Seoul, 서울 and 首尔 do)."""
    return bool(a and b) and _fold(city_spellings(a)[0]) == _fold(city_spellings(b)[0])


def city_filter(field: str, value: str) -> Q:
    """A filter on ``field`` that finds the city ``value`` names in any of its spellings."""
    spelled = Q()
    for spelling in city_spellings(value):
        spelled |= Q(**{f"{field}__iexact": spelling})
    return spelled
