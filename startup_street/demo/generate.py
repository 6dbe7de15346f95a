"""The generated demo world: Seoul and Beijing organisations, programs with calls in three
languages, startups with their teams, reviewers, mentors and a log-in for every role.

Deterministic by seed for names, texts and structure; call dates are laid out around today so
that some calls are open, some upcoming and some closed whenever the demo is loaded.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from faker import Faker

from startup_street.accounts.models import User
from startup_street.core.enums import Stage
from startup_street.core.models import Sector
from startup_street.core.sectors import ensure_sectors
from startup_street.organizations.models import Membership, Organization
from startup_street.programs.models import Call, Program
from startup_street.startups.models import Startup, StartupMember

from .world import DESCRIPTION, NAME_PARTS, ORGANIZATIONS, SUPPORT, TAGLINES

DEMO_PASSWORD = "street-demo-2026"
DOMAIN = "demo.startup-street.org"
LANG_INDEX = {"ko": 0, "zh-hans": 1, "en": 2}
FAKER_LOCALE = {"ko": "ko_KR", "zh-hans": "zh_CN", "en": "en_US"}
KIND_WEIGHTS = {
    "commercialisation": 18,
    "space": 12,
    "mentoring": 14,
    "events": 8,
    "sales_overseas": 8,
    "rnd": 8,
    "funding": 8,
    "talent": 5,
    "testbed": 10,
    "soft_landing": 5,
}
# Organisations that write most of some kinds.
KIND_HOME = {"testbed": "seoul-robot-cluster", "soft_landing": "kic-beijing"}


def demo_accounts() -> list[tuple[str, str]]:
    return [
        ("Platform admin", f"admin@{DOMAIN}"),
        ("City analyst", f"analyst@{DOMAIN}"),
        ("Organisation admin (Seoul Startup Hub)", f"hub-admin@{DOMAIN}"),
        ("Program manager (KIC Beijing)", f"kic-manager@{DOMAIN}"),
        ("Reviewer (Seoul Robot Cluster)", f"reviewer@{DOMAIN}"),
        ("Mentor (Zhongguancun Accelerator)", f"mentor@{DOMAIN}"),
        ("Founder (Seoul robotics startup)", f"founder@{DOMAIN}"),
        ("Founder (Beijing AI startup)", f"founder-cn@{DOMAIN}"),
        ("Teammate of the Seoul founder", f"teammate@{DOMAIN}"),
    ]


@dataclass(frozen=True)
class Summary:
    organizations: int
    programs: int
    calls: int
    startups: int
    users: int

    def __str__(self) -> str:
        return (
            f"Demo data: {self.organizations} organisations, {self.programs} programs, "
            f"{self.calls} calls, {self.startups} startups, {self.users} users"
        )


def summary() -> Summary:
    return Summary(
        Organization.objects.count(),
        Program.objects.count(),
        Call.objects.count(),
        Startup.objects.count(),
        User.objects.count(),
    )


def load_demo(*, seed: int = 20261124, programs: int = 200, startups: int = 500) -> Summary:
    """Load the demo once; if its admin account exists, change nothing."""
    if User.objects.filter(email=f"admin@{DOMAIN}").exists():
        return summary()
    with transaction.atomic():
        ensure_sectors(Sector)
        _World(seed).build(programs=programs, startups=startups)
    return summary()


class _World:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.fakers = {lang: Faker(locale) for lang, locale in FAKER_LOCALE.items()}
        for n, faker in enumerate(self.fakers.values()):
            faker.seed_instance(seed + n)
        self.password = make_password(DEMO_PASSWORD)
        self.sectors = {sector.code: sector for sector in Sector.objects.all()}
        self.today = timezone.localdate()
        self.emails: set[str] = set()

    def build(self, *, programs: int, startups: int) -> None:
        orgs = self._organizations()
        people = self._staff(orgs)
        self._programs(orgs, programs)
        self._startups(startups, people)

    # organisations and people

    def _organizations(self) -> dict[str, Organization]:
        rows = []
        for slug, kind, city, country, zone, lang, names, descriptions in ORGANIZATIONS:
            rows.append(
                Organization(
                    slug=slug,
                    kind=kind,
                    city=city,
                    country=country,
                    time_zone=zone,
                    original_language=lang,
                    name=_texts(names),
                    description=_texts(descriptions),
                    website=f"https://{slug}.example.org",
                )
            )
        Organization.objects.bulk_create(rows)
        return {org.slug: org for org in Organization.objects.all()}

    def _user(self, email: str, lang: str, name: str | None = None, **extra) -> User:
        self.emails.add(email)
        zone = "Asia/Shanghai" if lang == "zh-hans" else "Asia/Seoul"
        name = name or self.fakers[lang].name()
        return User(
            email=email,
            display_name=name,
            preferred_language=lang,
            time_zone=zone,
            password=self.password,
            **extra,
        )

    def _staff(self, orgs: dict[str, Organization]) -> dict[str, User]:
        named = {
            "admin": self._user(
                f"admin@{DOMAIN}", "en", "Street Admin", is_staff=True, is_superuser=True
            ),
            "analyst": self._user(f"analyst@{DOMAIN}", "ko", is_city_analyst=True),
            "hub-admin": self._user(f"hub-admin@{DOMAIN}", "ko"),
            "kic-manager": self._user(f"kic-manager@{DOMAIN}", "ko"),
            "reviewer": self._user(f"reviewer@{DOMAIN}", "ko"),
            "mentor": self._user(f"mentor@{DOMAIN}", "zh-hans"),
            "founder": self._user(f"founder@{DOMAIN}", "ko"),
            "founder-cn": self._user(f"founder-cn@{DOMAIN}", "zh-hans"),
            "teammate": self._user(f"teammate@{DOMAIN}", "en"),
        }
        extra = []
        for n in range(40):
            extra.append(("reviewer", self._user(f"reviewer{n}@{DOMAIN}", self._lang(0.6, 0.3))))
        for n in range(60):
            extra.append(("mentor", self._user(f"mentor{n}@{DOMAIN}", self._lang(0.5, 0.35))))
        for n, org in enumerate(orgs.values()):
            extra.append(("admin", self._user(f"org{n}-admin@{DOMAIN}", org.original_language)))
            extra.append(
                ("program_manager", self._user(f"org{n}-manager@{DOMAIN}", org.original_language))
            )
        User.objects.bulk_create([*named.values(), *(user for _role, user in extra)])
        users = {user.email: user for user in User.objects.all()}
        memberships = [
            ("seoul-startup-hub", "hub-admin", "admin"),
            ("kic-beijing", "kic-manager", "program_manager"),
            ("seoul-robot-cluster", "reviewer", "reviewer"),
            ("zgc-accelerator", "mentor", "mentor"),
        ]
        rows = [
            Membership(organization=orgs[o], user=users[f"{u}@{DOMAIN}"], role=r)
            for o, u, r in memberships
        ]
        org_list = list(orgs.values())
        for role, user in extra:
            if role in {"admin", "program_manager"}:
                n = int(user.email.split("-")[0].removeprefix("org"))
                org = org_list[n]
            else:
                org = self.rng.choice(org_list)
            rows.append(Membership(organization=org, user=users[user.email], role=role))
        Membership.objects.bulk_create(rows)
        return {key: users[user.email] for key, user in named.items()}

    def _lang(self, ko: float, zh: float) -> str:
        roll = self.rng.random()
        return "ko" if roll < ko else "zh-hans" if roll < ko + zh else "en"

    # programs and calls

    def _programs(self, orgs: dict[str, Organization], count: int) -> None:
        kinds = list(KIND_WEIGHTS)
        weights = list(KIND_WEIGHTS.values())
        org_list = list(orgs.values())
        programs, sector_links = [], []
        for n in range(count):
            kind = self.rng.choices(kinds, weights)[0]
            home = KIND_HOME.get(kind)
            org = orgs[home] if home and self.rng.random() < 0.7 else self.rng.choice(org_list)
            sector = self.rng.choice(list(self.sectors.values()))
            program = self._program(n, org, kind, sector)
            programs.append(program)
            sector_links.append(sector)
        Program.objects.bulk_create(programs)
        saved = list(Program.objects.order_by("pk"))
        through = Program.sectors.through
        through.objects.bulk_create(
            through(program_id=p.pk, sector_id=s.pk)
            for p, s in zip(saved, sector_links, strict=True)
        )
        Call.objects.bulk_create(call for program in saved for call in self._calls(program))

    def _program(self, n: int, org: Organization, kind: str, sector: Sector) -> Program:
        lang = org.original_language
        values = {
            "year": self.today.year + self.rng.choice([0, 0, 1]),
            "years": self.rng.choice([3, 5, 7]),
            "amount": self.rng.choice([3, 5, 7, 9]),
            "months": self.rng.choice([3, 6, 12]),
            "hours": self.rng.choice([10, 20, 40]),
            "investors": self.rng.choice([30, 50, 100]),
        }
        templates = SUPPORT[kind]

        def fill(i: int, language: str) -> str:
            sector_name = sector.name.get(language) or sector.name["en"]
            return templates[i].format(sector=sector_name, **values)

        coverage = self.rng.random()
        languages = (
            ["ko", "zh-hans", "en"]
            if coverage < 0.5
            else [lang]
            if coverage < 0.8
            else sorted({lang, "en"})
        )
        title = {code: fill(LANG_INDEX[code], code) for code in languages}
        summary = {code: fill(3 + LANG_INDEX[code], code) for code in languages}
        description = {
            code: DESCRIPTION[LANG_INDEX[code]].format(
                sector=sector.name.get(code) or sector.name["en"], years=values["years"]
            )
            for code in languages
        }
        stages = self.rng.sample(Stage.values, self.rng.randint(0, 3))
        return Program(
            organization=org,
            slug=f"{org.slug}-{slugify(title.get('en') or kind)[:40]}-{n + 1}",
            title=title,
            summary=summary,
            description=description,
            original_language=lang,
            kind=kind,
            stages=stages,
            city=org.city,
            country=org.country,
            website=f"https://{org.slug}.example.org/programs/{n + 1}",
            is_published=self.rng.random() < 0.9,
        )

    def _calls(self, program: Program) -> list[Call]:
        now = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
        zone = program.organization.time_zone
        calls = []
        offset = self.rng.randint(-120, 30)
        for round_no in range(self.rng.choice([1, 1, 2, 2, 3])):
            opens = now + timedelta(days=offset + round_no * 90)
            length = self.rng.randint(14, 56)
            closes = opens + timedelta(days=length, hours=9)  # 18:00 in Seoul, 17:00 in Beijing
            years = self.rng.choice([None, 3, 5, 7])
            rules = {"max_years_since_founding": years} if years else {}
            if self.rng.random() < 0.4 and program.stages:
                rules["stages"] = program.stages
            calls.append(
                Call(
                    program=program,
                    title={program.original_language: f"{opens.year} #{round_no + 1}"},
                    opens_at=opens,
                    closes_at=closes,
                    time_zone=zone,
                    seats=self.rng.choice([None, 5, 10, 20, 30, 50]),
                    eligibility=rules,
                )
            )
        return calls

    # startups and teams

    def _startups(self, count: int, named: dict[str, User]) -> None:
        codes = list(self.sectors)
        startups, sectors, teams, users = [], [], [], []
        for n in range(count):
            lang = self._lang(0.6, 0.3)
            first, second = NAME_PARTS[lang]
            name = f"{self.rng.choice(first)}{self.rng.choice(second)}"
            if lang == "en":
                name = name.capitalize()
            picked = self.rng.sample(codes, self.rng.randint(1, 3))
            if n == 0:
                lang, picked, name = "ko", ["robotics", "ai"], "로보웨이브"
            elif n == 1:
                lang, picked, name = "zh-hans", ["ai"], "深视科技"
            city, country = {"ko": ("Seoul", "KR"), "zh-hans": ("Beijing", "CN")}.get(
                lang, (self.rng.choice(["Singapore", "Tokyo", "San Francisco"]), "ZZ")
            )
            tagline = {lang: TAGLINES[picked[0]][LANG_INDEX[lang]]}
            if self.rng.random() < 0.5:
                tagline["en"] = TAGLINES[picked[0]][2]
            startups.append(
                Startup(
                    slug=f"{slugify(name) or 'startup'}-{n + 1}",
                    name=name,
                    tagline=tagline,
                    description={lang: tagline[lang]},
                    original_language=lang,
                    stage=self.rng.choice(Stage.values),
                    founded_on=self.today - timedelta(days=self.rng.randint(60, 12 * 365)),
                    city=city,
                    country=country,
                    team_size=self.rng.randint(1, 60),
                    website=f"https://startup{n + 1}.example.org",
                    is_public=n < 2 or self.rng.random() < 0.95,
                )
            )
            sectors.append(picked)
            if n == 0:
                teams.append([("owner", named["founder"]), ("member", named["teammate"])])
            elif n == 1:
                teams.append([("owner", named["founder-cn"])])
            else:
                team = [("owner", self._user(f"founder{n}@{DOMAIN}", lang))]
                team += [
                    ("member", self._user(f"team{n}-{k}@{DOMAIN}", lang))
                    for k in range(self.rng.randint(0, 2))
                ]
                users += [user for _role, user in team]
                teams.append(team)
        User.objects.bulk_create(users)
        by_email = {u.email: u for u in User.objects.filter(email__in=self.emails)}
        Startup.objects.bulk_create(startups)
        saved = list(Startup.objects.order_by("pk"))
        through = Startup.sectors.through
        through.objects.bulk_create(
            through(startup_id=s.pk, sector_id=self.sectors[code].pk)
            for s, picked in zip(saved, sectors, strict=True)
            for code in picked
        )
        StartupMember.objects.bulk_create(
            StartupMember(startup=s, user=by_email[user.email], role=role)
            for s, team in zip(saved, teams, strict=True)
            for role, user in team
        )


def _texts(values: tuple[str, str, str]) -> dict:
    return {code: text for code, text in zip(("ko", "zh-hans", "en"), values, strict=True) if text}
