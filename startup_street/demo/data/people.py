"""The documented demo log-ins and the two startups their founders own."""

from dataclasses import dataclass

from . import startups as places

DOMAIN = "demo.startup-street.org"
LANGS = ("ko", "zh-hans", "en")


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
    "Platform admin", f"admin@{DOMAIN}", "Platform Admin", "en", is_staff=True, is_superuser=True
)
DEMO_ACCOUNTS = [
    ADMIN,
    DemoAccount("City analyst", f"analyst@{DOMAIN}", "정하늘", "ko", is_city_analyst=True),
    DemoAccount(
        "Org admin, Seoul Startup Hub",
        f"hub-admin@{DOMAIN}",
        "박서연",
        "ko",
        memberships=(("seoul-startup-hub", "admin"),),
    ),
    DemoAccount(
        "Program manager, KIC Beijing",
        f"kic-manager@{DOMAIN}",
        "이준호",
        "ko",
        "Asia/Shanghai",
        memberships=(("kic-beijing", "program_manager"),),
    ),
    DemoAccount(
        "Reviewer",
        f"reviewer@{DOMAIN}",
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
        f"mentor@{DOMAIN}",
        "陈静",
        "zh-hans",
        "Asia/Shanghai",
        memberships=(
            ("kic-beijing", "mentor"),
            ("zgc-frontier-accelerator", "mentor"),
            ("seoul-robot-cluster", "mentor"),
        ),
    ),
    DemoAccount("Founder, Robowave (Seoul)", f"founder@{DOMAIN}", "김도현", "ko"),
    DemoAccount(
        "Founder, Shenshi (Beijing)", f"founder-cn@{DOMAIN}", "王磊", "zh-hans", "Asia/Shanghai"
    ),
    DemoAccount("Teammate at Robowave", f"teammate@{DOMAIN}", "윤하은", "ko"),
]

# The demo founders' startups: generated like every other one, with these choices fixed.
DEMO_STARTUPS = [
    {
        "owner": f"founder@{DOMAIN}",
        "teammates": [f"teammate@{DOMAIN}"],
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
        "owner": f"founder-cn@{DOMAIN}",
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
