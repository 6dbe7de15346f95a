"""The generated demo world: Seoul and Beijing organisations, their programs and calls, startups
and the people behind them, in Korean, Chinese and English.

``plan_world`` is pure: a seed and a moment in, plain rows out (same seed, same world; call dates
are placed around the moment so that some calls are open, some upcoming, some closed).
``load_demo`` writes the plan once, in one transaction, with bulk inserts and one password hash.
"""

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify
from faker import Faker

from startup_street.accounts.models import User
from startup_street.core.models import Sector
from startup_street.core.sectors import SECTORS
from startup_street.core.text import fullwidth_punctuation
from startup_street.organizations.models import Membership, Organization
from startup_street.programs.models import Call, Program
from startup_street.startups.models import Startup, StartupMember

from . import applications, history, mentoring, spaces
from .data import ANY_SECTOR, SECTOR_WORDS
from .data import programs as texts
from .data import startups as firms
from .data.organizations import ORGANIZATIONS, OrgTemplate
from .data.people import (
    ADMIN,
    DEMO_ACCOUNTS,
    DEMO_STARTUPS,
    FIRST_PROGRAMS,
    LANGS,
    MENTORS,
    PANEL,
    org_domain,
    startup_domain,
)
from .events import load_events

DEMO_PASSWORD = "street-demo-2026"
QUIET_MAIL = "django.core.mail.backends.dummy.EmailBackend"
SPACE = {"ko": " ", "zh-hans": "", "en": " "}  # between sentences
FAKER_LOCALES = {"ko": "ko_KR", "zh-hans": "zh_CN", "en": "en_US"}
STATUS_WEIGHTS = {"open": 50, "upcoming": 25, "closed": 25}
SECTOR_WEIGHTS = {
    "robotics": 14, "ai": 14, "bio": 8, "content": 6, "fashion": 5, "mobility": 7, "fintech": 6,
    "energy": 6, "commerce": 6, "edtech": 5, "agrifood": 4, "semiconductors": 6, "software": 10,
    "manufacturing": 6, "drones": 4, "games": 4,
}  # fmt: skip


@dataclass(frozen=True)
class Summary:
    organisations: int
    programs: int
    calls: int
    startups: int
    users: int

    def __str__(self) -> str:
        return (
            f"Demo data: {self.organisations} organisations, {self.programs} programs, "
            f"{self.calls} calls, {self.startups} startups, {self.users} users"
        )


@dataclass
class World:
    """Rows to insert; references between them are list indexes."""

    organizations: list[dict] = field(default_factory=list)
    users: list[dict] = field(default_factory=list)
    memberships: list[tuple[int, int, str]] = field(default_factory=list)  # org, user, role
    programs: list[tuple[int, dict, list[str]]] = field(default_factory=list)  # org, row, sectors
    calls: list[tuple[int, dict]] = field(default_factory=list)  # program, row
    startups: list[tuple[dict, list[str]]] = field(default_factory=list)  # row, sectors
    startup_members: list[tuple[int, int, str, str]] = field(default_factory=list)

    def add_user(self, **row) -> int:
        self.users.append(row)
        return len(self.users) - 1

    def user_index(self, email: str) -> int:
        return next(i for i, row in enumerate(self.users) if row["email"] == email)


def demo_accounts() -> list[tuple[str, str]]:
    """(role, e-mail) of the documented demo log-ins; all share DEMO_PASSWORD."""
    return [(account.role, account.email) for account in DEMO_ACCOUNTS]


def summarise() -> Summary:
    return Summary(
        organisations=Organization.objects.count(),
        programs=Program.objects.count(),
        calls=Call.objects.count(),
        startups=Startup.objects.count(),
        users=User.objects.count(),
    )


def load_demo(
    *, seed: int = 20261124, programs: int = 200, startups: int = 500, work: bool = True
) -> Summary:
    """Load the demo world unless it is there already; returns what the database holds.
    ``work=False`` loads only the catalogue and the people, without anything they have done."""
    now = timezone.now()
    # Nobody is e-mailed about the demo's applications and sessions as they are written.
    with override_settings(EMAIL_BACKEND=QUIET_MAIL), transaction.atomic():
        if not _is_loaded():
            world = plan_world(seed=seed, programs=programs, startups=startups, now=now)
            _write(world)
            if work:
                _write_work(now=now, seed=seed)
    return summarise()


def _write_work(*, now: datetime, seed: int) -> None:
    """What people are doing on the street, written through the apps' own services so that it
    keeps every rule. One line per area, in the order the areas depend on each other."""
    spaces.prepare(now=now)  # spaces and what acceptance grants, before the decisions
    applications.load(now=now, seed=seed)  # forms, applications, reviews, decisions
    mentoring.load(now=now, seed=seed)  # mentor profiles and hours, a match, sessions
    history.load(now=now, seed=seed)  # five years of past intakes and outcomes, for the dashboard
    load_events(seed=seed, now=now)  # a Seoul delegation meets Beijing partners
    spaces.load(now=now, seed=seed)  # hours granted, bookings past and to come, testbed runs


def _is_loaded() -> bool:
    slug = ORGANIZATIONS[0].slug
    return (
        User.objects.filter(email__iexact=ADMIN.email).exists()
        or Organization.objects.filter(slug=slug).exists()
    )


# --- the plan ----------------------------------------------------------------------------------


def plan_world(*, seed: int, programs: int, startups: int, now: datetime) -> World:
    rng = random.Random(seed)
    fakers = {}
    for offset, (language, locale) in enumerate(FAKER_LOCALES.items()):
        fakers[language] = Faker(locale)
        fakers[language].seed_instance(seed + offset)
    world = World(organizations=[_organization_row(org) for org in ORGANIZATIONS])
    _plan_demo_accounts(world)
    _plan_staff(world, rng, fakers, programs)
    _plan_programs(world, rng, programs, now)
    _plan_startups(world, rng, fakers, max(startups, len(DEMO_STARTUPS)), now)
    return world


def _organization_row(org: OrgTemplate) -> dict:
    return {
        "slug": org.slug,
        "name": dict(org.name),
        "description": dict(org.description),
        "original_language": org.language,
        "kind": org.kind,
        "city": org.city,
        "country": org.country,
        "time_zone": org.time_zone,
        "website": f"https://{org.slug}.example.org",
    }


def _org_index(slug: str) -> int:
    return next(i for i, org in enumerate(ORGANIZATIONS) if org.slug == slug)


def _plan_demo_accounts(world: World) -> None:
    for account in [*DEMO_ACCOUNTS, *PANEL, *MENTORS]:
        user = world.add_user(**account.user_fields())
        for slug, role in account.memberships:
            world.memberships.append((_org_index(slug), user, role))


def _person(fakers, language: str, time_zone: str, email: str) -> dict:
    return {
        "email": email,
        "display_name": fakers[language].name(),
        "preferred_language": language,
        "time_zone": time_zone,
    }


def _plan_staff(world: World, rng: random.Random, fakers, programs: int) -> None:
    for index, org in enumerate(ORGANIZATIONS):
        for role, handle, count in (("admin", "admin", 1), ("program_manager", "pm", 2)):
            for k in range(1, count + 1):
                email = f"{handle}{k}@{org_domain(org.slug)}"
                user = world.add_user(**_person(fakers, org.language, org.time_zone, email))
                world.memberships.append((index, user, role))
    weights = [org.weight for org in ORGANIZATIONS]
    for role, count in (
        ("reviewer", max(8, programs // 5)),
        ("mentor", max(12, programs * 3 // 10)),
    ):
        for k in range(1, count + 1):
            home = rng.choices(range(len(ORGANIZATIONS)), weights)[0]
            org = ORGANIZATIONS[home]
            language = "en" if rng.random() < 0.1 else org.language
            email = f"{role}{k:03d}@{org_domain(org.slug)}"
            user = world.add_user(**_person(fakers, language, org.time_zone, email))
            also = {home}
            if rng.random() < 0.35:  # many experts sit on more than one organisation's panel
                also.add(rng.choices(range(len(ORGANIZATIONS)), weights)[0])
            world.memberships.extend((o, user, role) for o in sorted(also))


def _plan_programs(world: World, rng: random.Random, count: int, now: datetime) -> None:
    weights = [org.weight for org in ORGANIZATIONS]
    specs = [dict(spec, org=_org_index(spec["org"])) for spec in FIRST_PROGRAMS]
    specs += [{"org": i} for i in range(len(ORGANIZATIONS))]  # every organisation runs one
    while len(specs) < count:
        specs.append({"org": rng.choices(range(len(ORGANIZATIONS)), weights)[0]})
    slugs: set[str] = set()
    for spec in specs[:count]:
        org = ORGANIZATIONS[spec["org"]]
        fixed = "kind" in spec
        kind = spec["kind"] if fixed else _weighted(rng, org.kinds)
        sectors = spec["sectors"] if fixed else _program_sectors(rng, org, kind)
        if fixed:
            languages = spec.get("languages") or _in_all_languages(org.language)
        else:
            original = "en" if rng.random() < org.en_share else org.language
            languages = _languages(rng, original, org.language)
        original = languages[0]
        years = spec.get("years")
        row, rules = _program_row(rng, org, kind, sectors, original, languages, now, years)
        text = slugify(row.pop("slug_text")).removeprefix(org.slug)[:58].strip("-")
        row["slug"] = _unique(f"{org.slug}-{text}", slugs)
        row["is_published"] = fixed or rng.random() < 0.9
        world.programs.append((spec["org"], row, sectors))
        status = spec.get("status") or _weighted(rng, STATUS_WEIGHTS)
        _plan_calls(world, rng, org, kind, languages, rules, status, now)


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def _program_sectors(rng: random.Random, org: OrgTemplate, kind: str) -> list[str]:
    pool = org.sectors or list(SECTOR_WEIGHTS)
    if kind != "testbed" and rng.random() < (0.6 if not org.sectors else 0.3):
        return []  # open to every sector
    return rng.sample(pool, k=min(len(pool), rng.choice([1, 1, 2])))


def _languages(rng: random.Random, original: str, home: str) -> tuple[str, ...]:
    """Half the texts in all three languages, 30% only the original, 20% with English (or the
    organisation's own language when English is the original)."""
    draw = rng.random()
    if draw < 0.5:
        return _in_all_languages(original)
    if draw < 0.8:
        return (original,)
    return (original, "en" if original != "en" else home)


def _in_all_languages(original: str) -> tuple[str, ...]:
    return (original, *(lang for lang in LANGS if lang != original))


def _render(template: dict, languages, slots: dict) -> dict[str, str]:
    """``template`` in each language, slots given per language (a dict) or once (a str)."""
    out = {}
    for lang in languages:
        values = {
            key: value[lang] if isinstance(value, dict) else value for key, value in slots.items()
        }
        text = template[lang].format(**values)
        if lang == "zh-hans":  # slot values (an English name, a number) may bring ASCII marks
            text = fullwidth_punctuation(text)
        out[lang] = text[:1].upper() + text[1:]
    return out


def _each(value: dict, original: str) -> dict[str, str]:
    """A name in every language, falling back to English, then to the original."""
    return {lang: value.get(lang) or value.get("en") or value[original] for lang in LANGS}


def _joined(sectors: list[str]) -> dict[str, str]:
    glue = {"ko": "·", "zh-hans": "、", "en": " or "}
    return {lang: glue[lang].join(SECTOR_WORDS[code][lang] for code in sectors) for lang in LANGS}


def _program_row(rng, org, kind, sectors, original, languages, now, years) -> tuple[dict, dict]:
    slots = {
        "year": str(now.year),
        "org": _each(org.name, org.language),
        "sector": SECTOR_WORDS[sectors[0]] if sectors else ANY_SECTOR,
        "city": org.city_names,
        "place": org.place,
        "cohort": str(rng.randint(2, 15)),
        "round": str(rng.randint(1, 3)),
        "amount": rng.choice(texts.AMOUNTS[org.country]),
        "months": str(rng.choice([3, 6, 10, 12])),
        "hours": str(rng.choice([10, 20, 30, 40])),
        "weeks": str(rng.randint(3, 6)),
    }
    titles = [t for t in texts.TITLES[kind] if sectors or "{sector}" not in t["en"]]
    title = rng.choice(titles)
    stages = list(rng.choice(texts.STAGES[kind]))
    rules, clauses = _rules(rng, org, kind, sectors, stages, years)
    parts = [
        texts.INTROS[kind],
        _eligibility_sentence(clauses),
        texts.SUPPORT[kind],
        rng.choice(texts.SELECTION),
        texts.CLOSING,
    ]
    rendered = [_render(part, languages, slots) for part in parts]
    row = {
        "slug_text": _render(title, ["en"], slots)["en"],
        "title": _render(title, languages, slots),
        "summary": _render(texts.SUMMARIES[kind], languages, slots),
        "description": {lang: "\n\n".join(part[lang] for part in rendered) for lang in languages},
        "original_language": original,
        "kind": kind,
        "stages": stages,
        "city": org.city,
        "country": org.country,
        "website": "",
    }
    return row, rules


def _rules(rng, org, kind, sectors, stages, years) -> tuple[dict, list[tuple[dict, dict]]]:
    """A call's structured eligibility rules and the clauses that say them in words."""
    rules, clauses = {}, []
    if years is None and kind not in ("events", "talent"):
        years = rng.choice(texts.MAX_YEARS[org.country])
    if years:
        rules["max_years_since_founding"] = years
        clauses.append((texts.CLAUSES["years"], {"years": str(years)}))
    else:
        clauses.append((texts.CLAUSES["any"], {}))
    if stages:
        rules["stages"] = stages
    if sectors and kind in ("testbed", "rnd"):
        rules["sectors"] = list(sectors)
        clauses.append((texts.CLAUSES["sector"], {"sector": _joined(sectors)}))
    if kind == "soft_landing":
        rules["countries"] = ["KR"]
        clauses.append((texts.CLAUSES["soft_landing"], {}))
    elif org.kind == "government":
        rules["countries"] = [org.country]
        clauses.append((texts.CLAUSES[org.country], {}))
    if rng.random() < 0.25:
        team = rng.choice([2, 3, 5])
        rules["team_size"] = {"min": team}
        clauses.append((texts.CLAUSES["team"], {"team": str(team)}))
    if org.kind == "government":
        rules["required_documents"] = list(texts.DOCUMENTS[org.language])
    return rules, clauses


def _eligibility_sentence(clauses) -> dict[str, str]:
    sentence = {}
    for lang in LANGS:
        said = [_render(template, [lang], slots)[lang] for template, slots in clauses]
        said = [said[0]] + [s[:1].lower() + s[1:] if lang == "en" else s for s in said[1:]]
        sentence[lang] = (
            texts.ELIGIBILITY_LEAD[lang]
            + texts.ELIGIBILITY_JOIN[lang].join(said)
            + texts.ELIGIBILITY_END[lang]
        )
    return sentence


def _plan_calls(world, rng, org, kind, languages, rules, status, now) -> None:
    """1-3 intake rounds: the latest one in ``status`` relative to now, earlier ones closed."""
    program = len(world.programs) - 1
    zone = ZoneInfo(org.time_zone)
    today = now.astimezone(zone).date()
    windows = [_current_window(rng, status)]
    for _ in range(rng.choices([1, 2, 3], [35, 40, 25])[0] - 1):
        closes = windows[-1][0] - rng.randint(20, 120)
        windows.append((closes - rng.randint(14, 56), closes))
    seats = None if rng.random() < 0.25 else rng.randint(5, 15 if kind == "funding" else 50)
    closing = rng.choice([time(16), time(18), time(23, 59)])
    rounds: dict[int, int] = {}
    for opens, closes in reversed(windows):
        opens_at = datetime.combine(today + timedelta(days=opens), time(10), zone)
        rounds[opens_at.year] = rounds.get(opens_at.year, 0) + 1
        slots = {"year": str(opens_at.year), "round": str(rounds[opens_at.year])}
        closes_at = datetime.combine(today + timedelta(days=closes), closing, zone)
        row = {
            "title": _render(texts.CALL_TITLE, languages, slots),
            "opens_at": opens_at.astimezone(UTC),
            "closes_at": closes_at.astimezone(UTC),
            "time_zone": org.time_zone,
            "seats": seats,
            "eligibility": rules,
        }
        world.calls.append((program, row))


def _current_window(rng: random.Random, status: str) -> tuple[int, int]:
    """(opens, closes) in days from today for a call that is open, upcoming or closed now."""
    if status == "open":
        closes = rng.randint(1, 45)
        return closes - rng.randint(max(14, closes + 1), 56), closes
    if status == "upcoming":
        opens = rng.randint(1, 30)
        return opens, opens + rng.randint(14, 56)
    closes = -rng.randint(1, 90)
    return closes - rng.randint(14, 56), closes


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


# --- startups and their teams ------------------------------------------------------------------


def _plan_startups(world: World, rng: random.Random, fakers, count: int, now: datetime) -> None:
    today = now.date()
    taken_names: set[str] = set()
    slugs: set[str] = set()
    for index in range(count):
        spec = DEMO_STARTUPS[index] if index < len(DEMO_STARTUPS) else {}
        city, country, zone, _ = place = spec.get("place") or _place(rng)
        language = "en" if place in firms.ELSEWHERE else {"KR": "ko", "CN": "zh-hans"}[country]
        sectors = spec.get("sectors") or _startup_sectors(rng)
        name, roman = spec.get("name") or _startup_name(rng, language, sectors[0], taken_names)
        taken_names.add(name)
        row = _startup_row(rng, spec, place, language, sectors, (name, roman), today)
        row["slug"] = _unique(slugify(roman)[:70] or "startup", slugs)
        row["website"] = f"https://{row['slug']}.example.com" if rng.random() < 0.7 else ""
        world.startups.append((row, sectors))
        _plan_team(world, rng, fakers, spec, len(world.startups) - 1, language, zone, index)


def _place(rng: random.Random) -> tuple:
    draw = rng.random()
    if draw < 0.6:
        return firms.SEOUL
    if draw < 0.9:
        return firms.BEIJING
    return rng.choice(firms.ELSEWHERE)


def _startup_sectors(rng: random.Random) -> list[str]:
    first = _weighted(rng, SECTOR_WEIGHTS)
    more = rng.sample(
        [code for code in SECTOR_WEIGHTS if code != first], k=rng.choice([0, 0, 1, 2])
    )
    return [first, *more]


def _startup_name(rng, language: str, sector: str, taken: set[str]) -> tuple[str, str]:
    """A name that reads as the locale's (로보웨이브, 深视科技, Gridlight) and its romanisation."""
    for attempt in range(60):
        name, roman = _name_candidate(rng, language, sector)
        if attempt >= 40:  # the syllables ran out for this sector: number it, as companies do
            name, roman = f"{name} {attempt - 38}", f"{roman}-{attempt - 38}"
        if name not in taken:
            return name, roman
    raise RuntimeError("could not find a free startup name")


def _name_candidate(rng, language: str, sector: str) -> tuple[str, str]:
    if language == "ko":
        pool = firms.KO_PREFIXES[sector] if rng.random() < 0.7 else firms.KO_WORDS
        (head, head_roman), (tail, tail_roman) = rng.choice(pool), rng.choice(firms.KO_SUFFIXES)
        return head + tail, head_roman + tail_roman
    if language == "zh-hans":
        head, head_roman = rng.choice(firms.ZH_PREFIXES)
        tail, tail_roman = firms.ZH_SUFFIXES[sector] if rng.random() < 0.6 else firms.ZH_GENERIC
        return head + tail, f"{head_roman}-{tail_roman}"
    name = rng.choice(firms.EN_FIRST) + rng.choice(firms.EN_SECOND)
    return name, name


STAGE_BY_AGE = [
    (1, ["idea", "pre_seed"]),
    (3, ["pre_seed", "seed"]),
    (6, ["seed", "series_a"]),
    (99, ["series_a", "series_b_plus", "growth"]),
]
TEAM_BY_STAGE = {
    "idea": (1, 3),
    "pre_seed": (2, 6),
    "seed": (4, 15),
    "series_a": (10, 40),
    "series_b_plus": (30, 120),
    "growth": (60, 300),
}
TRACTION_BY_STAGE = {  # indexes into firms.TRACTION: pilots, seed round, partners, users
    "idea": [2],
    "pre_seed": [2],
    "seed": [0, 1, 2, 3],
    "series_a": [0, 1, 2, 3],
    "series_b_plus": [0, 2, 3],
    "growth": [0, 2, 3],
}
REVENUE_BY_STAGE = {
    "idea": ["none"],
    "pre_seed": ["none"],
    "seed": ["none", "under_100m_krw"],
    "series_a": ["under_100m_krw", "under_1b_krw"],
    "series_b_plus": ["under_1b_krw", "under_10b_krw"],
    "growth": ["under_10b_krw", "over_10b_krw"],
}


def _startup_row(rng, spec, place, language, sectors, name_pair, today) -> dict:
    city, country, _zone, city_names = place
    name, roman = name_pair
    latin = name if language == "en" else roman.replace("-", " ").title()
    age_days = spec.get("age_days") or rng.randint(30, 12 * 365)
    years = age_days / 365
    stage = spec.get("stage") or rng.choice(next(s for limit, s in STAGE_BY_AGE if years < limit))
    team = spec.get("team") or rng.randint(*TEAM_BY_STAGE[stage])
    founded = today - timedelta(days=age_days)
    second = "ko" if rng.random() < 0.5 else "zh-hans"  # for English originals
    languages = spec.get("languages") or _languages(rng, language, second)
    pitch = rng.choice(firms.PITCHES[sectors[0]])
    users = rng.randint(1, 50) * 10_000
    slots = {
        # Korean and Chinese startups go by their romanised name in other languages.
        "name": {lang: name if lang == language else latin for lang in LANGS},
        "year": str(founded.year),
        "city": city_names,
        "team": str(team),
        "pitch": {**pitch, "en": _lower_first(pitch["en"])},
        "customers": str(rng.randint(2, 12)),
        "users_ko": f"{users // 10_000}만",
        "users_zh": f"{users // 10_000}万",
        "users_en": f"{users:,}",
    }
    traction = rng.choice([firms.TRACTION[i] for i in TRACTION_BY_STAGE[stage]])
    parts = [_render(t, languages, slots) for t in (firms.ABOUT, firms.PRODUCT, traction)]
    return {
        "name": name,
        "tagline": _render(pitch, languages, {}),
        "description": {lang: SPACE[lang].join(part[lang] for part in parts) for lang in languages},
        "original_language": language,
        "stage": stage,
        "founded_on": founded,
        "city": city,
        "region": spec.get("region") or _region(rng, country),
        "country": country,
        "team_size": team,
        "revenue_band": "" if rng.random() < 0.15 else rng.choice(REVENUE_BY_STAGE[stage]),
        "is_public": spec.get("public") or rng.random() < 0.95,
    }


def _lower_first(text: str) -> str:
    word = text.split()[0]
    return text[:1].lower() + text[1:] if len(word) == 1 or word[1:].islower() else text


def _region(rng: random.Random, country: str) -> str:
    if country == "KR":
        return rng.choice(firms.SEOUL_REGIONS)
    if country == "CN":
        return rng.choice(firms.BEIJING_REGIONS)
    return ""


def _plan_team(world, rng, fakers, spec, startup: int, language, zone, index) -> None:
    owner_title, titles = firms.MEMBER_TITLES[language]
    if spec:
        owner = world.user_index(spec["owner"])
        mates = [world.user_index(email) for email in spec["teammates"]]
    else:
        domain = startup_domain(world.startups[startup][0]["slug"])
        owner = world.add_user(**_person(fakers, language, zone, f"founder{index:04d}@{domain}"))
        mates = [
            world.add_user(**_person(fakers, language, zone, f"team{index:04d}-{k}@{domain}"))
            for k in range(1, rng.choices([0, 1, 2], [50, 35, 15])[0] + 1)
        ]
    world.startup_members.append((startup, owner, "owner", owner_title))
    for mate in mates:
        world.startup_members.append((startup, mate, "member", rng.choice(titles)))


# --- writing -----------------------------------------------------------------------------------


def _write(world: World) -> None:
    sectors = _ensure_sectors()
    password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow by design
    orgs = Organization.objects.bulk_create([Organization(**row) for row in world.organizations])
    users = User.objects.bulk_create([User(password=password, **row) for row in world.users])
    Membership.objects.bulk_create(
        Membership(organization=orgs[o], user=users[u], role=role)
        for o, u, role in world.memberships
    )
    programs = Program.objects.bulk_create(
        Program(organization=orgs[o], **row) for o, row, _ in world.programs
    )
    _link_sectors(Program.sectors.through, "program_id", programs, world.programs, sectors)
    Call.objects.bulk_create(Call(program=programs[p], **row) for p, row in world.calls)
    startups = Startup.objects.bulk_create(Startup(**row) for row, _ in world.startups)
    _link_sectors(Startup.sectors.through, "startup_id", startups, world.startups, sectors)
    StartupMember.objects.bulk_create(
        StartupMember(startup=startups[s], user=users[u], role=role, title=title)
        for s, u, role, title in world.startup_members
    )


def _link_sectors(through, column: str, objects, planned, sectors: dict[str, int]) -> None:
    through.objects.bulk_create(
        through(**{column: obj.pk, "sector_id": sectors[code]})
        for obj, plan in zip(objects, planned, strict=True)
        for code in plan[-1]
    )


def _ensure_sectors() -> dict[str, int]:
    """Sector codes to ids; the taxonomy comes from a migration, but a flushed test database
    (transactional tests) has lost it."""
    existing = dict(Sector.objects.values_list("code", "pk"))
    missing = [
        Sector(code=code, name={"en": en, "ko": ko, "zh-hans": zh}, position=position)
        for position, (code, en, ko, zh) in enumerate(SECTORS)
        if code not in existing
    ]
    if missing:
        Sector.objects.bulk_create(missing)
        existing = dict(Sector.objects.values_list("code", "pk"))
    return existing
