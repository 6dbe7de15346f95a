"""What a query says about structured fields: the kind of support and the place it asks for.

"베이징 AI 스타트업 입주 공간" names a place (Beijing) and a kind of support (space); programs
whose own fields say so are moved up among the ones the rankings found. The words come from the
domain term dictionary (``data/terms.tsv``), so a place or kind named in any of the three
languages counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from startup_street.text.analysers import match_concepts

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
}

# Topics a query may name that no sector of the taxonomy stands for: a program meets them by
# naming them in its text only.
TOPICS = {"smart_city", "proptech", "social_venture", "quantum", "deep_tech"}

# concept -> (words of the English city names it covers, country code)
PLACES = {
    "seoul": (("seoul",), "KR"),
    "beijing": (("beijing",), "CN"),
    "zhongguancun": (("beijing", "zhongguancun"), "CN"),
    "shanghai": (("shanghai",), "CN"),
    "shenzhen": (("shenzhen",), "CN"),
    "hangzhou": (("hangzhou",), "CN"),
    "suzhou": (("suzhou",), "CN"),
    "guangzhou": (("guangzhou",), "CN"),
    "chengdu": (("chengdu",), "CN"),
    "tianjin": (("tianjin",), "CN"),
    "pangyo": (("pangyo", "seongnam"), "KR"),
    "seongnam": (("pangyo", "seongnam"), "KR"),
    "busan": (("busan",), "KR"),
    "incheon": (("incheon", "songdo"), "KR"),
    "daejeon": (("daejeon",), "KR"),
    "daegu": (("daegu",), "KR"),
    "gwangju": (("gwangju",), "KR"),
    "ulsan": (("ulsan",), "KR"),
    "jeonbuk": (("jeonbuk", "iksan", "jeonju"), "KR"),
    "jeju": (("jeju",), "KR"),
    "tokyo": (("tokyo",), "JP"),
    "singapore": (("singapore",), "SG"),
    "silicon_valley": (("silicon valley", "san francisco", "palo alto"), "US"),
    "berlin": (("berlin",), "DE"),
    "korea": ((), "KR"),
    "china": ((), "CN"),
    "japan": ((), "JP"),
    "usa": ((), "US"),
    "germany": ((), "DE"),
    "united_kingdom": (("london",), "GB"),
}


@dataclass
class Hints:
    kinds: set[str] = field(default_factory=set)
    sectors: set[str] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)  # lower-case words of city names
    countries: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)  # concepts of SECTORS or TOPICS named

    def __bool__(self) -> bool:
        return bool(self.kinds or self.sectors or self.topics or self.cities or self.countries)

    def matches(
        self, kind: str, city: str, country: str, sectors: set[str], mentioned: float = 0.0
    ) -> float:
        """The share of the hinted facets (topic, kind, place) that a program meets. The topic
        counts half by the program's sectors (a program open to every sector, none given, meets
        it by half) and half by ``mentioned``, the share of the query's topics that its own text
        names in any language."""
        asked = met = 0
        if self.sectors:
            asked += 1
            by_sector = 1.0 if self.sectors & sectors else (0.5 if not sectors else 0.0)
            met += (by_sector + mentioned) / 2
        elif self.topics:
            asked += 1
            met += mentioned
        if self.kinds:
            asked += 1
            met += kind in self.kinds
        if self.cities or self.countries:
            asked += 1
            city = (city or "").lower()
            if self.cities:
                met += any(word in city for word in self.cities)
            else:
                met += country in self.countries
        return met / asked if asked else 0.0


def hints_for(terms: list[str]) -> Hints:
    concepts = match_concepts(terms)
    hints = Hints(
        kinds={kind for c in concepts & KINDS.keys() for kind in KINDS[c]},
        sectors={SECTORS[c] for c in concepts & SECTORS.keys()},
        topics=concepts & (SECTORS.keys() | TOPICS),
    )
    for concept in concepts & PLACES.keys():
        cities, country = PLACES[concept]
        hints.cities.update(cities)
        hints.countries.add(country)
    return hints
