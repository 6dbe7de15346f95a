"""The documented demo log-ins and the two startups their founders own."""

from dataclasses import dataclass

from . import startups as places

LANGS = ("ko", "zh-hans", "en")
PLATFORM_DOMAIN = "startup-street.example.org"


def org_domain(slug: str) -> str:
    """Each organisation's own mail domain (documentation domains, never a real company's): a
    reviewer never shares one with a startup, so no made-up conflict of interest blocks them."""
    return f"{slug}.example.org"


def startup_domain(slug: str) -> str:
    return f"{slug}.example.com"


@dataclass(frozen=True)
class DemoAccount:
    role: str
    email: str
    display_name: str
    language: str
    time_zone: str = "Asia/Seoul"
    is_staff: bool = False
    is_superuser: bool = False
    is_city_analyst: bool = False
    memberships: tuple[tuple[str, str], ...] = ()  # (organisation slug, role)

    def user_fields(self) -> dict:
        return {
            "email": self.email,
            "display_name": self.display_name,
            "preferred_language": self.language,
            "time_zone": self.time_zone,
            "is_staff": self.is_staff,
            "is_superuser": self.is_superuser,
            "is_city_analyst": self.is_city_analyst,
        }


ADMIN = DemoAccount(
    "Platform admin",
    f"admin@{PLATFORM_DOMAIN}",
    "Platform Admin",
    "en",
    is_staff=True,
    is_superuser=True,
)
DEMO_ACCOUNTS = [
    ADMIN,
    DemoAccount(
        "City analyst", f"analyst@{org_domain('seoul-city')}", "정하늘", "ko", is_city_analyst=True
    ),
    DemoAccount(
        "Org admin, Seoul Startup Hub",
        f"hub-admin@{org_domain('seoul-startup-hub')}",
        "박서연",
        "ko",
        memberships=(("seoul-startup-hub", "admin"),),
    ),
    DemoAccount(
        "Program manager, KIC Beijing",
        f"kic-manager@{org_domain('kic-beijing')}",
        "이준호",
        "ko",
        "Asia/Shanghai",
        memberships=(("kic-beijing", "program_manager"),),
    ),
    DemoAccount(
        "Testbed manager, Seoul Robot Cluster",
        f"testbed@{org_domain('seoul-robot-cluster')}",
        "한지민",
        "ko",
        memberships=(("seoul-robot-cluster", "program_manager"),),
    ),
    DemoAccount(
        "Reviewer",
        f"reviewer@{org_domain('seoul-robot-cluster')}",
        "최유진",
        "ko",
        memberships=(
            ("seoul-startup-hub", "reviewer"),
            ("seoul-robot-cluster", "reviewer"),
            ("kic-beijing", "reviewer"),
        ),
    ),
    DemoAccount(
        "Mentor",
        f"mentor@{org_domain('kic-beijing')}",
        "陈静",
        "zh-hans",
        "Asia/Shanghai",
        memberships=(
            ("kic-beijing", "mentor"),
            ("zgc-frontier-accelerator", "mentor"),
            ("seoul-robot-cluster", "mentor"),
        ),
    ),
    DemoAccount(
        "Founder, Robowave (Seoul)", f"founder@{startup_domain('robowave')}", "김도현", "ko"
    ),
    DemoAccount(
        "Founder, Shenshi (Beijing)",
        f"founder-cn@{startup_domain('shenshi-tech')}",
        "王磊",
        "zh-hans",
        "Asia/Shanghai",
    ),
    DemoAccount("Teammate at Robowave", f"teammate@{startup_domain('robowave')}", "윤하은", "ko"),
]

# The demo founders' startups: generated like every other one, with these choices fixed.
DEMO_STARTUPS = [
    {
        "owner": f"founder@{startup_domain('robowave')}",
        "teammates": [f"teammate@{startup_domain('robowave')}"],
        "place": places.SEOUL,
        "region": "Seongdong-gu",
        "name": ("로보웨이브", "robowave"),
        "sectors": ["robotics", "ai"],
        "age_days": 3 * 365 + 40,
        "stage": "seed",
        "team": 8,
        "languages": LANGS,
        "public": True,
    },
    {
        "owner": f"founder-cn@{startup_domain('shenshi-tech')}",
        "teammates": [],
        "place": places.BEIJING,
        "region": "Haidian",
        "name": ("深视科技", "shenshi-tech"),
        "sectors": ["ai", "robotics"],
        "age_days": 5 * 365 + 100,
        "stage": "series_a",
        "team": 23,
        "languages": ("zh-hans", "en"),
        "public": True,
    },
]

# The first programs are fixed in kind, state and languages so that even a dozen programs show
# an open robot testbed (the demo founder is eligible), soft landing, and the language fallback.
FIRST_PROGRAMS = [
    {
        "org": "seoul-robot-cluster",
        "kind": "testbed",
        "status": "open",
        "sectors": ["robotics"],
        "years": 7,
    },
    {"org": "kic-beijing", "kind": "soft_landing", "status": "open", "sectors": [], "years": 7},
    # The demo's work (demo/applications.py, demo/mentoring.py) happens in these three calls.
    {"org": "kic-beijing", "kind": "soft_landing", "status": "closed", "sectors": [], "years": 7},
    {"org": "seoul-startup-hub", "kind": "commercialisation", "status": "closed", "sectors": []},
    {"org": "zgc-frontier-accelerator", "kind": "mentoring", "status": "open", "sectors": ["ai"]},
    {
        "org": "seoul-startup-hub",
        "kind": "space",
        "status": "upcoming",
        "sectors": [],
        "languages": ("ko",),
    },
    {
        "org": "haidian-university-startup-camp",
        "kind": "mentoring",
        "status": "closed",
        "sectors": ["ai"],
        "languages": ("zh-hans",),
    },
]

# People the demo's work needs besides the documented log-ins (same password): a review panel
# from investors and universities, and KIC Beijing's mentors beside the demo mentor.
PANEL = [
    DemoAccount(
        "Reviewer",
        f"minsu.kang@{org_domain('hanbit-ventures')}",
        "강민수",
        "ko",
        memberships=(("seoul-startup-hub", "reviewer"), ("kic-beijing", "reviewer")),
    ),
    DemoAccount(
        "Reviewer",
        f"jiyeon.oh@{org_domain('hangang-university-startup')}",
        "오지연",
        "ko",
        memberships=(("seoul-startup-hub", "reviewer"), ("kic-beijing", "reviewer")),
    ),
    DemoAccount(
        "Reviewer",
        f"hao.liu@{org_domain('jingxi-capital')}",
        "刘浩",
        "zh-hans",
        "Asia/Shanghai",
        memberships=(("seoul-startup-hub", "reviewer"), ("kic-beijing", "reviewer")),
    ),
]
MENTORS = [
    DemoAccount(
        "Mentor",
        f"sungmin.lee@{org_domain('kic-beijing')}",
        "이성민",
        "ko",
        "Asia/Shanghai",
        memberships=(("kic-beijing", "mentor"),),
    ),
    DemoAccount(
        "Mentor",
        f"yu.zhang@{org_domain('kic-beijing')}",
        "张宇",
        "zh-hans",
        "Asia/Shanghai",
        memberships=(("kic-beijing", "mentor"),),
    ),
    DemoAccount(
        "Mentor",
        f"grace.kim@{org_domain('kic-beijing')}",
        "Grace Kim",
        "en",
        "Asia/Shanghai",
        memberships=(("kic-beijing", "mentor"),),
    ),
]
