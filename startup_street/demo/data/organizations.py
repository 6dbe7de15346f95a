"""The organisations of the demo cluster: Seoul and Beijing (Zhongguancun).

Names are fictional except for public bodies the product is modelled on. ``kinds`` weighs the kinds
of support an organisation runs, ``weight`` its share of the programs, ``en_share`` how often it
writes a program in English first.
"""

from dataclasses import dataclass, field

from . import T

SEOUL = T("서울", "首尔", "Seoul")
BEIJING = T("베이징", "北京", "Beijing")
ZHONGGUANCUN = T("중관촌", "中关村", "Zhongguancun")
ALL_SECTORS: list[str] = []  # open to every sector


@dataclass(frozen=True)
class OrgTemplate:
    slug: str
    name: dict
    description: dict
    kind: str
    language: str
    kinds: dict[str, int]
    sectors: list[str]
    weight: int
    en_share: float = 0.0
    country: str = "KR"
    city: str = "Seoul"
    time_zone: str = "Asia/Seoul"
    place: dict = field(default_factory=lambda: SEOUL)

    @property
    def city_names(self) -> dict:
        return SEOUL if self.city == "Seoul" else BEIJING


def _beijing(**kwargs) -> OrgTemplate:
    kwargs.setdefault("language", "zh-hans")
    return OrgTemplate(
        country="CN", city="Beijing", time_zone="Asia/Shanghai", place=ZHONGGUANCUN, **kwargs
    )


ORGANIZATIONS = [
    OrgTemplate(
        slug="seoul-startup-hub",
        name=T("서울창업허브", "首尔创业中心", "Seoul Startup Hub"),
        description=T(
            "서울시가 운영하는 창업 보육센터로, 입주 "
            "공간과 사업화·투자 연계 프로그램을 제공합니다.",
            "首尔市运营的创业孵化中心，提供入驻空间以及成果转化和融资对接项目。",
            "The city's incubation centre: offices for startups, commercialisation support and "
            "introductions to investors.",
        ),
        kind="incubator",
        language="ko",
        kinds={
            "space": 3,
            "commercialisation": 3,
            "mentoring": 2,
            "events": 2,
            "funding": 1,
            "talent": 1,
        },
        sectors=ALL_SECTORS,
        weight=20,
    ),
    OrgTemplate(
        slug="seoul-robot-cluster",
        name=T("서울 로봇산업 클러스터", "首尔机器人产业集群", "Seoul Robot Industry Cluster"),
        description=T(
            "로봇 기업을 위한 실증 테스트베드와 공공시설 현장 "
            "실증을 지원하는 서울시 로봇산업 거점입니다.",
            "首尔市机器人产业基地，为机器人企业提供测试平台和公共设施场景验证。",
            "Seoul's robot-industry base, with testbeds and real sites in public buildings where "
            "robot companies demonstrate their technology.",
        ),
        kind="government",
        language="ko",
        kinds={"testbed": 6, "rnd": 2, "commercialisation": 1, "events": 1},
        sectors=["robotics", "drones", "manufacturing", "ai", "semiconductors", "mobility"],
        weight=20,
    ),
    OrgTemplate(
        slug="seoul-enterprise-agency",
        name=T("서울기업진흥원", "首尔企业振兴院", "Seoul Enterprise Promotion Agency"),
        description=T(
            "서울 소재 중소·창업기업의 사업화, 판로 개척, 해외 진출을 돕는 공공기관입니다.",
            "帮助首尔中小企业和初创企业实现成果转化、开拓市场和走向海外的公共机构。",
            "A public agency that helps Seoul's small companies and startups commercialise, find "
            "customers and expand abroad.",
        ),
        kind="government",
        language="ko",
        kinds={"commercialisation": 3, "sales_overseas": 3, "rnd": 2, "talent": 2, "funding": 1},
        sectors=ALL_SECTORS,
        weight=16,
    ),
    OrgTemplate(
        slug="hangang-university-startup",
        name=T("한강대학교 창업지원단", "汉江大学创业支援团", "Hangang University Startup Support"),
        description=T(
            "학생·교원 창업과 실험실 창업을 지원하는 대학 창업지원단입니다.",
            "支持学生、教师创业和实验室成果创业的高校创业服务机构。",
            "The university's startup office, supporting student, faculty and lab spin-off "
            "founders.",
        ),
        kind="university",
        language="ko",
        kinds={"mentoring": 3, "commercialisation": 2, "space": 2, "rnd": 1},
        sectors=["ai", "bio", "software", "edtech", "semiconductors", "energy"],
        weight=10,
    ),
    OrgTemplate(
        slug="mapo-launchpad",
        name={"ko": "마포 런치패드", "en": "Mapo Launchpad"},
        description={
            "ko": "초기 스타트업에 투자하고 12주 집중 액셀러레이팅을 운영합니다.",
            "en": "Invests in early-stage startups and runs a twelve-week accelerator.",
        },
        kind="accelerator",
        language="ko",
        kinds={"mentoring": 3, "funding": 2, "events": 1},
        sectors=["software", "content", "commerce", "fashion", "games", "fintech"],
        weight=8,
        en_share=0.4,
    ),
    OrgTemplate(
        slug="hanbit-ventures",
        name={"ko": "한빛벤처스", "en": "Hanbit Ventures"},
        description={
            "ko": "딥테크와 로봇 분야 시드·시리즈A 투자를 하는 벤처캐피탈입니다.",
            "en": (
                "A venture capital firm investing at seed and Series A in deep tech and robotics."
            ),
        },
        kind="investor",
        language="ko",
        kinds={"funding": 5, "mentoring": 1},
        sectors=["robotics", "ai", "semiconductors", "mobility", "bio"],
        weight=6,
        en_share=0.3,
    ),
    OrgTemplate(
        slug="daon-electronics-open-innovation",
        name=T(
            "다온전자 오픈이노베이션", "多温电子开放创新中心", "Daon Electronics Open Innovation"
        ),
        description=T(
            "다온전자가 스타트업과 공동 PoC, 구매 연계, "
            "공동 연구를 하는 오픈이노베이션 프로그램입니다.",
            "多温电子与初创企业开展联合概念验证、采购对接和联合研发的开放创新项目。",
            "Daon Electronics' open-innovation program: joint proofs of concept, procurement and "
            "joint research with startups.",
        ),
        kind="corporate",
        language="ko",
        kinds={"commercialisation": 2, "rnd": 2, "sales_overseas": 2, "testbed": 1, "events": 1},
        sectors=["semiconductors", "ai", "manufacturing", "energy", "robotics"],
        weight=8,
        en_share=0.25,
    ),
    OrgTemplate(
        slug="hongneung-bio-campus",
        name=T("홍릉 바이오 캠퍼스", "洪陵生物园区", "Hongneung Bio Campus"),
        description=T(
            "바이오·의료 스타트업에 실험실과 임상 연계, 전문가 자문을 제공하는 창업 캠퍼스입니다.",
            "为生物医疗初创企业提供实验室、临床对接和专家咨询的创业园区。",
            "A campus for bio and medical startups, with wet labs, links to hospitals for "
            "clinical work, and expert advice.",
        ),
        kind="incubator",
        language="ko",
        kinds={"space": 2, "rnd": 2, "commercialisation": 2, "mentoring": 1},
        sectors=["bio", "ai", "agrifood"],
        weight=8,
    ),
    _beijing(
        slug="kic-beijing",
        name=T("한국혁신센터 베이징", "韩国创新中心（北京）", "Korea Innovation Center Beijing"),
        description=T(
            "한국 스타트업의 중국 진출을 돕는 베이징 거점으로, "
            "소프트랜딩과 현지 파트너 매칭을 지원합니다.",
            "帮助韩国初创企业进入中国市场的北京据点，提供软着陆和本地合作伙伴对接服务。",
            "The Beijing base that helps Korean startups enter China: soft landing and "
            "introductions to local partners.",
        ),
        kind="innovation_center",
        language="ko",
        kinds={"soft_landing": 6, "events": 2, "mentoring": 2, "sales_overseas": 2, "space": 1},
        sectors=ALL_SECTORS,
        weight=16,
    ),
    _beijing(
        slug="haidian-university-startup-camp",
        name=T("하이뎬대학 창업캠프", "海淀大学创业训练营", "Haidian University Startup Camp"),
        description=T(
            "대학 동문과 학생 창업팀을 위한 창업 교육과 보육 프로그램을 운영합니다.",
            "面向校友和在校生创业团队的创业教育与孵化平台。",
            "Founder education and incubation for alumni and student teams.",
        ),
        kind="university",
        kinds={"mentoring": 4, "space": 2, "commercialisation": 1, "events": 1},
        sectors=["ai", "software", "semiconductors", "bio", "edtech", "energy"],
        weight=14,
    ),
    _beijing(
        slug="zgc-frontier-accelerator",
        name=T(
            "중관촌 프런티어 액셀러레이터", "中关村前沿加速器", "Zhongguancun Frontier Accelerator"
        ),
        description=T(
            "하드테크 스타트업을 위한 투자·보육 액셀러레이터입니다.",
            "专注硬科技初创企业的投资孵化加速器。",
            "An accelerator that invests in and coaches hard-tech startups.",
        ),
        kind="accelerator",
        kinds={"mentoring": 2, "funding": 2, "events": 2, "sales_overseas": 1},
        sectors=["robotics", "ai", "semiconductors", "drones", "mobility", "manufacturing"],
        weight=12,
        en_share=0.2,
    ),
    _beijing(
        slug="jingxi-capital",
        name={"zh-hans": "京西资本", "en": "Jingxi Capital"},
        description={
            "zh-hans": "专注人工智能、机器人和企业服务的早期投资机构。",
            "en": "An early-stage investor in AI, robotics and business software.",
        },
        kind="investor",
        kinds={"funding": 5, "events": 1},
        sectors=["ai", "robotics", "software", "fintech", "commerce"],
        weight=6,
        en_share=0.3,
    ),
    _beijing(
        slug="zgc-robotics-demonstration-center",
        name=T(
            "중관촌 로봇 응용 실증센터",
            "中关村机器人应用示范中心",
            "Zhongguancun Robotics Demonstration Center",
        ),
        description=T(
            "로봇 신제품의 응용 시나리오 실증과 시범 적용을 지원합니다.",
            "为机器人新产品提供应用场景验证和示范推广服务。",
            "Finds real scenarios where new robots are tried out, and supports their first use.",
        ),
        kind="government",
        kinds={"testbed": 4, "rnd": 2, "events": 1},
        sectors=["robotics", "drones", "ai", "manufacturing", "mobility"],
        weight=12,
    ),
    _beijing(
        slug="zgc-startup-street-incubator",
        name=T("창업거리 인큐베이터", "创业大街孵化中心", "Startup Street Incubator"),
        description=T(
            "중관촌 창업거리에서 공유 오피스, 창업 행사, 인재 연계를 제공합니다.",
            "在中关村创业大街提供共享办公、创业活动和人才对接服务。",
            "Shared offices, founder events and hiring help on Zhongguancun's startup street.",
        ),
        kind="incubator",
        kinds={"space": 3, "events": 2, "mentoring": 2, "talent": 1, "soft_landing": 1},
        sectors=ALL_SECTORS,
        weight=14,
    ),
]
