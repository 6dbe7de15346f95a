"""What a query says about structured fields: the kind of support and the place it asks for.

"베이징 AI 스타트업 입주 공간" names a place (Beijing) and a kind of support (space); programs
whose own fields say so are moved up among the ones the rankings found. The words come from the
domain term dictionary (``data/terms.tsv``), so a place or kind named in any of the three
languages counts.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from startup_street.text.analysers import match_concepts, tokenize

# concept -> the kinds of support (programs.enums.SupportKind) it asks for; grants and
# subsidies are "commercialisation" money in K-Startup's taxonomy, investment is "funding".
KINDS = {
    "funding": ("commercialisation", "funding"),
    "commercialisation": ("commercialisation",),
    "prototype": ("commercialisation",),
    "open_innovation": ("commercialisation",),
    "investment": ("funding",),
    "investor": ("funding",),
    "angel": ("funding",),
    "seed": ("funding",),
    "series_a": ("funding",),
    "loan": ("funding",),
    "rnd": ("rnd",),
    "testbed": ("testbed",),
    "sales_channel": ("sales_overseas",),
    "overseas": ("sales_overseas", "soft_landing"),
    "export": ("sales_overseas",),
    "soft_landing": ("soft_landing", "sales_overseas"),
    "visa": ("soft_landing",),
    "office_space": ("space",),
    "lab": ("space",),
    "incubation": ("space",),
    "event": ("events",),
    "competition": ("events",),
    "demo_day": ("events",),
    "b2b_meeting": ("events",),
    "networking": ("events",),
    "talent": ("talent",),
    "mentoring": ("mentoring",),
    "consulting": ("mentoring",),
    "training": ("mentoring",),
    "accelerator": ("mentoring",),
    "crowdfunding": ("funding",),
    "startup_hub": ("space",),
}

# concept -> the sectors (core.sectors) it names
SECTORS = {
    "robot": "robotics",
    "ai": "ai",
    "machine_learning": "ai",
    "generative_ai": "ai",
    "bio": "bio",
    "healthcare": "bio",
    "medical_device": "bio",
    "telehealth": "bio",
    "content": "content",
    "metaverse": "content",
    "fashion": "fashion",
    "beauty": "fashion",
    "mobility": "mobility",
    "autonomous_driving": "mobility",
    "electric_vehicle": "mobility",
    "fintech": "fintech",
    "blockchain": "fintech",
    "clean_energy": "energy",
    "carbon_neutral": "energy",
    "battery": "energy",
    "ecommerce": "commerce",
    "logistics": "commerce",
    "edtech": "edtech",
    "agrifood": "agrifood",
    "semiconductor": "semiconductors",
    "hardware": "semiconductors",
    "software": "software",
    "cloud": "software",
    "big_data": "software",
    "security": "software",
    "smart_factory": "manufacturing",
    "iot": "manufacturing",
    "drone": "drones",
    "aerospace": "drones",
    "game": "games",
    "pharma": "bio",
    "digital_health": "bio",
    "silver_care": "bio",
    "payments": "fintech",
    "wealthtech": "fintech",
    "insurtech": "fintech",
    "web3": "fintech",
    "space_tech": "drones",
    "uam": "drones",
    "seed_breeding": "agrifood",
    "smart_farm": "agrifood",
    "alt_protein": "agrifood",
    "vision_ai": "ai",
    "ai_chip": "semiconductors",
    "cobot": "robotics",
    "service_robot": "robotics",
    "webtoon": "content",
    "k_content": "content",
    "hydrogen": "energy",
    "solar_wind": "energy",
    "circular_economy": "energy",
    "carbon_emissions": "energy",
    "advanced_materials": "manufacturing",
    "predictive_maintenance": "manufacturing",
    "b2b_saas": "software",
    "live_commerce": "commerce",
    "k_beauty": "fashion",
    "esports": "games",
    "manufacturing": "manufacturing",
    "finance": "fintech",
    "environment": "energy",
    "automotive": "mobility",
    "display": "semiconductors",
    "chemicals": "manufacturing",
    "ict": "software",
    "mobile_app": "software",
    "tourism": "tourism",
    "proptech": "proptech",
    "proptech_construction": "proptech",
    "social_venture": "social",
    "smart_city": "smart_city",
    "sports": "sports",
}

# Topics a query may name that no sector of the taxonomy stands for: a program meets them by
# naming them in its text only.
TOPICS = {"quantum", "deep_tech", "re_founder", "senior_founder", "solo_founder", "esg"}
TOPICS |= {"maritime", "water", "culture", "local_business", "maker", "foreign_founder"}
TOPICS |= {"women", "youth", "pre_founder", "digital", "platform", "design", "retail"}
TOPICS |= {"defense", "pet", "idea"}

# place concept -> (the place concepts a program's city may name for it, country code)
PLACES = {
    "seoul": (("seoul",), "KR"),
    "beijing": (("beijing", "zhongguancun"), "CN"),
    "zhongguancun": (("beijing", "zhongguancun"), "CN"),
    "shanghai": (("shanghai",), "CN"),
    "shenzhen": (("shenzhen",), "CN"),
    "hangzhou": (("hangzhou",), "CN"),
    "suzhou": (("suzhou",), "CN"),
    "guangzhou": (("guangzhou",), "CN"),
    "chengdu": (("chengdu",), "CN"),
    "tianjin": (("tianjin",), "CN"),
    "hong_kong": (("hong_kong",), ""),
    "pangyo": (("pangyo", "seongnam"), "KR"),
    "seongnam": (("pangyo", "seongnam"), "KR"),
    "busan": (("busan",), "KR"),
    "incheon": (("incheon",), "KR"),
    "daejeon": (("daejeon",), "KR"),
    "daegu": (("daegu",), "KR"),
    "gwangju": (("gwangju",), "KR"),
    "ulsan": (("ulsan",), "KR"),
    "jeonbuk": (("jeonbuk",), "KR"),
    "jeju": (("jeju",), "KR"),
    "gyeonggi": (("gyeonggi", "pangyo", "seongnam"), "KR"),
    "tokyo": (("tokyo",), "JP"),
    "singapore": (("singapore",), "SG"),
    "silicon_valley": (("silicon_valley",), "US"),
    "berlin": (("berlin",), "DE"),
    "korea": ((), "KR"),
    "china": ((), "CN"),
    "japan": ((), "JP"),
    "usa": ((), "US"),
    "germany": ((), "DE"),
    "united_kingdom": (("united_kingdom",), "GB"),
    "sejong": (("sejong",), "KR"),
    "gangwon": (("gangwon",), "KR"),
    "chungbuk": (("chungbuk",), "KR"),
    "chungnam": (("chungnam",), "KR"),
    "jeonnam": (("jeonnam",), "KR"),
    "gyeongbuk": (("gyeongbuk",), "KR"),
    "gyeongnam": (("gyeongnam",), "KR"),
    "suwon": (("suwon",), "KR"),
    "wuhan": (("wuhan",), "CN"),
    "nanjing": (("nanjing",), "CN"),
    "xian": (("xian",), "CN"),
    "chongqing": (("chongqing",), "CN"),
    "xiamen": (("xiamen",), "CN"),
    "qingdao": (("qingdao",), "CN"),
    "new_york": (("new_york",), "US"),
    "munich": (("munich",), "DE"),
    # countries outside the catalogue's country choices: met by a city that names them
    **{
        country: ((country,), "")
        for country in ("taiwan", "vietnam", "indonesia", "india", "france", "israel")
        + ("canada", "australia", "middle_east")
    },
}


def places_of(city: str) -> list[str]:
    """The place concepts a program's city names, whatever language it is written in (서울,
    首尔 and Seoul are all "seoul"): stored with the program's entry at indexing."""
    if not city:
        return []
    return sorted(match_concepts(tokenize(city)) & PLACES.keys())


# The kinds of support that take a company into a market abroad.
MARKET_KINDS = frozenset({"sales_overseas", "soft_landing"})
# A market is also named by the region it lies in ("동남아 진출" serves a Singapore market).
REGIONS = {
    "singapore": ("southeast_asia",),
    "vietnam": ("southeast_asia",),
    "indonesia": ("southeast_asia",),
    "usa": ("north_america",),
    "canada": ("north_america",),
    "germany": ("europe",),
    "france": ("europe",),
    "united_kingdom": ("europe",),
}


@functools.cache
def market_concepts(market: str) -> tuple[str, ...]:
    """The concepts whose naming in a program's text names ``market``: itself, the region it
    lies in, and the places of the term dictionary in that country (a Beijing soft landing
    serves the Chinese market)."""
    _cities, country = PLACES.get(market, ((), ""))
    inside = sorted(p for p, (_c, code) in PLACES.items() if country and code == country)
    return tuple(dict.fromkeys((market, *REGIONS.get(market, ()), *inside)))


@dataclass
class Hints:
    kinds: set[str] = field(default_factory=set)
    sectors: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)  # place concepts a program may be in
    countries: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)  # concepts of SECTORS or TOPICS named

    def __bool__(self) -> bool:
        return bool(self.kinds or self.sectors or self.topics or self.places or self.countries)

    def place_met(self, table, at):
        """For the entries at positions ``at`` of a ``memory.FacetTable``: whether each is in a
        place the query asks for (a city asked for must be its city; a country alone, its
        country)."""
        if self.places:
            return table.matches("places", at, self.places) > 0
        return table.matches("country", at, self.countries) > 0


def hints_for(query) -> Hints:
    """What a parsed query asks of a program's fields. Only the places it means as a location
    count as places: a market ("entering the Chinese market") or a nationality ("for Korean
    founders") is no place a program must be in."""
    concepts = set(query.concepts)
    hints = Hints(
        kinds={kind for c in concepts & KINDS.keys() for kind in KINDS[c]},
        sectors={SECTORS[c] for c in concepts & SECTORS.keys()},
        topics=concepts & (SECTORS.keys() | TOPICS),
    )
    for concept in set(query.places) & PLACES.keys():
        cities, country = PLACES[concept]
        hints.places.update(cities)
        if country and not cities:
            hints.countries.add(country)
    return hints
