"""A search query parsed once: its language, index terms, the concepts it names (with their
other-language forms), the places it means as a location, the markets and nationalities it
names (who the program is for, not where it is), and the eligibility it states (years since
founding, stage, pre-founder, team size, revenue), each with the words of the query it came
from, so that a page can show what was understood and let the user drop any of it.

Plain Python (no Django): ``parse_query(text)`` makes the object; the search engine reads
everything from it and, when it reads a misspelt word as another, makes a corrected copy
(``ParsedQuery.corrected``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from .analysers import (
    LANGS,
    MAX_QUERY_CHARS,
    Lang,
    concept_forms,
    detect_language,
    english_words,
    expansion_terms,
    fts_query_terms,
    match_concepts,
    normalise_text,
    raw_forms,
    written_forms,
)
from .lexicon import mined_translations

# Concepts of the term dictionary that name a country or a region of the world: named next to
# a market word they are a target market, next to founders or companies a nationality.
COUNTRIES = frozenset(
    {"korea", "china", "japan", "usa", "germany", "united_kingdom", "singapore", "europe"}
    | {"southeast_asia", "silicon_valley", "hong_kong"}
    | {"taiwan", "vietnam", "indonesia", "india", "france", "israel", "canada", "australia"}
    | {"middle_east", "north_america"}
)
# Concepts that name a place (a city, a region or a country).
PLACES = COUNTRIES | frozenset(
    {"seoul", "beijing", "zhongguancun", "shanghai", "shenzhen", "hangzhou", "suzhou"}
    | {"guangzhou", "chengdu", "tianjin", "pangyo", "seongnam", "busan", "incheon", "daejeon"}
    | {"daegu", "gwangju", "ulsan", "jeonbuk", "jeju", "gyeonggi", "tokyo", "berlin"}
    | {"sejong", "gangwon", "chungbuk", "chungnam", "jeonnam", "gyeongbuk", "gyeongnam", "suwon"}
    | {"wuhan", "nanjing", "xian", "chongqing", "xiamen", "qingdao", "new_york", "munich"}
)
_ADJECTIVES = {
    "korea": ("korean",),
    "china": ("chinese",),
    "japan": ("japanese",),
    "usa": ("american", "us"),
    "germany": ("german",),
    "united_kingdom": ("british",),
    "taiwan": ("taiwanese",),
    "vietnam": ("vietnamese",),
    "indonesia": ("indonesian",),
    "india": ("indian",),
    "france": ("french",),
    "israel": ("israeli",),
    "canada": ("canadian",),
    "australia": ("australian",),
}
_MARKET_AFTER = r"\s*(?:의\s*)?(?:시장|진출|수출|판로|markets?|市场|出海|出口|进出口|发展|落地)"
_MARKET_BEFORE = (
    r"(?:enter(?:s|ing)?|into|expand(?:ing)?\s+(?:to|into)|export(?:ing)?\s+to|sell(?:ing)?\s+"
    r"(?:to|in)|launch(?:ing)?\s+in|进入|进军|打入|开拓|出海到?)\s*(?:the\s+)?"
)
_WHO_AFTER = (
    r"\s*(?:founders?|startups?|start-ups?|companies|company|entrepreneurs?|teams?|"
    r"창업자|창업가|스타트업|기업|企业|创业者|初创企业|初创|团队|公司)"
)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "一": 1, "两": 2, "二": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}  # fmt: skip
_N = r"(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|[一两二三四五六七八九十])"
_YEARS = (
    re.compile(rf"(?:within|under|less than|up to|at most)\s+{_N}\s+years?", re.I),
    re.compile(rf"(?:founded|established|started|incorporated)\s+{_N}\s+years?\s+ago", re.I),
    re.compile(rf"{_N}[\s-]+years?[\s-]+(?:old|since founding|in business)", re.I),
    re.compile(rf"(?:업력|창업)\s*{_N}\s*년\s*(?:이내|미만|이하|차)?"),
    re.compile(rf"{_N}\s*년\s*(?:이내|미만|이하|차)"),
    re.compile(rf"(?:成立|创业|创立|注册)\s*{_N}\s*年(?:以内|以下|内)?"),
    re.compile(rf"{_N}\s*年(?:以内|以下|内)"),
)
# K-Startup's own words for the years since founding: early (up to 3), leap (3 to 7).
_YEARS_WORDS = ((re.compile(r"초기\s*창업|早期创业|early[\s-]stage", re.I), 3),)
_YEARS_WORDS += ((re.compile(r"도약기"), 7),)
_PRE_FOUNDER = re.compile(
    r"pre-?founders?|aspiring founders?|would-be founders?|pre-?startups?|not yet founded|"
    r"예비\s*창업|预备创业|准创业者?|未创业|尚未成立",
    re.I,
)
_STAGES = (
    (re.compile(r"pre-?seed|프리\s*시드|天使轮", re.I), "pre_seed"),
    (re.compile(r"(?<!pre-)(?<!pre)\bseed\b|시드|种子轮", re.I), "seed"),
    (re.compile(r"series\s*a\b|시리즈\s*a|a轮", re.I), "series_a"),
    (re.compile(r"series\s*[b-e]\b|시리즈\s*[b-e]|[b-e]轮", re.I), "series_b_plus"),
    (re.compile(r"idea\s+stage|아이디어\s*단계|创意阶段", re.I), "idea"),
    (re.compile(r"growth[\s-]stage|성장\s*단계|成长期", re.I), "growth"),
)
_TEAM = (
    re.compile(rf"(?:team of|teams of)\s+{_N}", re.I),
    re.compile(rf"{_N}\s+(?:employees|people|staff|members)", re.I),
    re.compile(rf"{_N}\s*(?:인|명)\s*(?:이하|이내|미만|기업|창조기업|팀)"),
    re.compile(rf"{_N}\s*人(?:以下|以内|团队|企业)"),
    re.compile(r"(?:solo|one-person|1인|一人)", re.I),
)
_REVENUE_NONE = re.compile(
    r"pre-?revenue|no revenue|매출\s*(?:이\s*)?없는|매출\s*0|无营收|零营收|未盈利", re.I
)


@dataclass(frozen=True)
class Understood:
    """One thing the query was read as: what (``kind``: concept, place, market, nationality,
    years, pre_founder, stage, team, revenue), its value (a concept id, a number, a code) and
    the query's words it came from (``span`` into ``ParsedQuery.text``)."""

    kind: str
    value: str
    span: tuple[int, int]


@dataclass(frozen=True)
class Eligibility:
    """What the query says about the founder's company; None where it says nothing."""

    years: int | None = None  # years since founding
    pre_founder: bool = False
    stage: str | None = None
    team: int | None = None
    revenue: str | None = None  # a revenue band code (only "none" is read)

    def __bool__(self) -> bool:
        return any(v not in (None, False) for v in vars(self).values())


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # normalised and cut
    language: Lang
    terms: tuple[str, ...]  # the query's own index terms, distinct, at most 32
    concepts: frozenset[str] = frozenset()
    expansions: tuple[str, ...] = ()  # other-language forms of the concepts named
    places: frozenset[str] = frozenset()  # place concepts meant as where a program is
    markets: frozenset[str] = frozenset()  # countries a program should help enter
    nationalities: frozenset[str] = frozenset()  # countries the founders come from
    eligibility: Eligibility = field(default_factory=Eligibility)
    understood: tuple[Understood, ...] = ()
    words: dict[str, str] = field(default_factory=dict)  # English term -> the word as typed
    corrections: dict[str, str] = field(default_factory=dict)  # word as typed -> as read

    def __bool__(self) -> bool:
        return bool(self.terms)

    @cached_property
    def mined(self) -> tuple[str, ...]:
        """The mined translations (``text/lexicon.py``) of the terms that name no concept: a
        weaker bridge, read (and its file loaded) only where the search uses it."""
        return tuple(mined_translations(self.terms, self.expansions))

    @property
    def topics(self) -> frozenset[str]:
        """The concepts that are not places."""
        return self.concepts - PLACES

    @property
    def semantic_text(self) -> str:
        """What the query's embedding is made from: its text, then, in brackets, the names in
        the other two languages of the topics and markets it names (each concept's first form
        in the dictionary), which brings a short query nearer to programs about them written
        in another language. Other places are left out: where a program is is a feature of
        its own."""
        names = [
            forms[lang][0]
            for concept in sorted(self.topics | self.markets)
            for forms in [written_forms(concept)]
            for lang in LANGS
            if lang != self.language and forms.get(lang)
        ]
        text = self.text[:1000]
        return f"{text} ({', '.join(names)})" if names else text

    def corrected(self, read_as: dict[str, tuple[str, str]]) -> ParsedQuery:
        """This query with misspelt terms read as others (term -> (term read, word read));
        the concepts and expansions follow the corrected terms."""
        if not read_as:
            return self
        terms = tuple(dict.fromkeys(read_as[t][0] if t in read_as else t for t in self.terms))
        concepts = frozenset(match_concepts(terms))
        return replace(
            self,
            terms=terms,
            concepts=concepts,
            expansions=tuple(expansion_terms(list(terms))),
            places=self.places | ((concepts & PLACES) - self.markets - self.nationalities),
            corrections={
                self.words[t]: spelt for t, (_best, spelt) in read_as.items() if t in self.words
            },
        )

    def without(self, index: int) -> str:
        """The query's text without the words of ``understood[index]`` (to search again
        without it)."""
        start, end = self.understood[index].span
        return " ".join((self.text[:start] + " " + self.text[end:]).split())


def parse_query(text: str) -> ParsedQuery:
    """Parse a user's query once; an empty or unusable query gives a query with no terms."""
    text = normalise_text(text, MAX_QUERY_CHARS)
    terms = tuple(fts_query_terms(text))
    if not terms:
        return ParsedQuery(text=text, language=detect_language(text), terms=())
    concepts = frozenset(match_concepts(terms))
    understood: list[Understood] = []
    markets, nationalities = set(), set()
    for concept in sorted(concepts & COUNTRIES):
        names = _names(concept)
        if span := _search(rf"{_MARKET_BEFORE}(?:{names})\b|(?:{names}){_MARKET_AFTER}", text):
            markets.add(concept)
            understood.append(Understood("market", concept, span))
        elif span := _search(rf"(?:{names}){_WHO_AFTER}", text):
            nationalities.add(concept)
            understood.append(Understood("nationality", concept, span))
    places = (concepts & PLACES) - markets - nationalities
    for concept in sorted(concepts):
        span = _search(rf"(?:{_names(concept)})", text)
        if span and concept not in markets | nationalities:
            understood.append(
                Understood("place" if concept in places else "concept", concept, span)
            )
    eligibility, found = _eligibility(text)
    # words read as eligibility are shown once, as eligibility, not also as a topic
    understood = [u for u in understood if not any(_overlap(u.span, e.span) for e in found)]
    understood += found
    understood.sort(key=lambda u: u.span)
    return ParsedQuery(
        text=text,
        language=detect_language(text),
        terms=terms,
        concepts=concepts,
        expansions=tuple(expansion_terms(list(terms))),
        places=frozenset(places),
        markets=frozenset(markets),
        nationalities=frozenset(nationalities),
        eligibility=eligibility,
        understood=tuple(understood),
        words=english_words(text),
    )


def _overlap(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] < other[1] and other[0] < one[1]


@lru_cache(maxsize=512)
def _names(concept: str) -> str:
    """A regex alternation of the concept's written forms in every language (longest first)."""
    forms = set(raw_forms(concept)) | set(_ADJECTIVES.get(concept, ()))
    forms = sorted((f for f in forms if f), key=len, reverse=True)
    return "|".join(re.escape(f) for f in forms) or r"(?!)"


def _search(pattern: str, text: str) -> tuple[int, int] | None:
    # Latin words only match whole (\b is ignored next to Hangul and Han, which carry no spaces).
    match = re.search(pattern, text, flags=re.IGNORECASE)
    return match.span() if match else None


def _number(value: str) -> int:
    return int(value) if value.isdigit() else _NUMBER_WORDS[value.lower()]


def _eligibility(text: str) -> tuple[Eligibility, list[Understood]]:
    found: list[Understood] = []
    values: dict = {}
    for pattern in _YEARS:
        if match := pattern.search(text):
            values["years"] = _number(match.group(1))
            found.append(Understood("years", str(values["years"]), match.span()))
            break
    else:
        for pattern, years in _YEARS_WORDS:
            if match := pattern.search(text):
                values["years"] = years
                found.append(Understood("years", str(years), match.span()))
                break
    if match := _PRE_FOUNDER.search(text):
        values["pre_founder"] = True
        found.append(Understood("pre_founder", "1", match.span()))
    for pattern, stage in _STAGES:
        if match := pattern.search(text):
            values["stage"] = stage
            found.append(Understood("stage", stage, match.span()))
            break
    for pattern in _TEAM:
        if match := pattern.search(text):
            values["team"] = _number(match.group(1)) if match.groups() else 1
            found.append(Understood("team", str(values["team"]), match.span()))
            break
    if match := _REVENUE_NONE.search(text):
        values["revenue"] = "none"
        found.append(Understood("revenue", "none", match.span()))
    return Eligibility(**values), found


__all__ = ["LANGS", "Eligibility", "ParsedQuery", "Understood", "concept_forms", "parse_query"]
