"""The demo's events: a Seoul delegation visit to Beijing, held ten days ago, with 20 Seoul
startups, 30 Beijing companies, mutual requests, interpreters, a solved and published schedule,
market-entry checklists and outcomes; and an upcoming info session open for registration."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import make_password

from startup_street.accounts.models import User
from startup_street.events import services
from startup_street.events.models import (
    Interpreter,
    MarketEntryTemplate,
    Meeting,
    MeetingRule,
    Registration,
    Table,
)
from startup_street.organizations.models import Organization
from startup_street.startups.models import Startup

from .data.people import org_domain, startup_domain

PARTNER_DOMAIN = startup_domain("beijing-partners")  # the Beijing companies' demo log-ins
PARTNER_EMAIL = f"partner-cn@{PARTNER_DOMAIN}"  # the one Beijing partner who logs in
PARTNER_ROLE = "Beijing partner at the delegation visit"

BEIJING = ZoneInfo("Asia/Shanghai")
SEOUL_STARTUPS = 20

SEOUL_OFFERS = [
    "Warehouse robots that pick and sort parcels",
    "AI vision inspection for factory lines",
    "물류센터용 자율주행 운반 로봇",
    "의료 영상 AI 판독 보조 소프트웨어",
    "Battery management systems for e-mobility",
    "스마트팜 환경 제어 IoT 플랫폼",
    "Collaborative robot arms for small factories",
    "K-beauty skincare with clinical data",
]
SEOUL_SEEKS = [
    "A logistics partner in Beijing for a pilot",
    "베이징 제조 기업과의 실증 파트너십",
    "Series A investors active in China",
    "중국 유통 채널과 현지 법인 설립 자문",
    "Hospital partners in Beijing for clinical validation",
    "Distribution partners for consumer products in China",
]
BEIJING_KINDS = ["corporate"] * 18 + ["investor"] * 8 + ["support"] * 3 + ["public"]
BEIJING_NAMES = [
    "京东物流创新中心", "中关村智造科技", "北汽新能源合作部", "海淀医疗集团", "首钢智能制造",
    "百度智能云生态", "小米产业投资", "联想创投", "中关村发展集团", "美团机器人研究院",
    "北京同仁医疗", "顺丰科技北京", "奇安信合作伙伴部", "字节跳动企业服务", "国投创新",
    "红杉中国北京", "启迪之星", "北京亦庄机器人产业园", "京东方创新", "中科院孵化器",
    "华为云北京创新中心", "滴滴自动驾驶", "北京协和医疗合作", "盒马鲜生供应链",
    "清控科创", "达晨创投北京", "北京农业科技园", "智谱华章", "中关村科技租赁", "北京市科委对接处",
]  # fmt: skip
BEIJING_OFFERS = [
    "仓储物流试点场景与采购", "工厂产线试点与集成", "医院临床合作与数据", "天使轮与A轮投资",
    "办公空间与落地服务", "政策对接与补贴申请", "销售渠道与分销网络", "云资源与技术支持",
]  # fmt: skip
BEIJING_SEEKS = [
    "仓储机器人与自动化方案", "工业视觉检测AI", "医疗影像AI", "电池管理与新能源技术",
    "韩国消费品牌", "智能农业物联网", "协作机器人",
]  # fmt: skip
ENTRY_STEPS = {
    "beijing": [
        (
            {
                "en": "Check the negative list and the business scope",
                "ko": "네거티브 리스트와 사업 범위 확인",
                "zh-hans": "核对负面清单与经营范围",
            },
            "KIC Beijing",
            7,
        ),
        (
            {
                "en": "Register the trademark in China",
                "ko": "중국 상표 등록",
                "zh-hans": "在中国注册商标",
            },
            "Founder",
            30,
        ),
        (
            {
                "en": "Open a local bank account",
                "ko": "현지 은행 계좌 개설",
                "zh-hans": "开立本地银行账户",
            },
            "Finance lead",
            45,
        ),
        (
            {
                "en": "Register the local entity (WFOE)",
                "ko": "현지 법인(WFOE) 설립",
                "zh-hans": "注册外商独资企业",
            },
            "Legal adviser",
            90,
        ),
        (
            {
                "en": "First pilot contract signed",
                "ko": "첫 실증 계약 체결",
                "zh-hans": "签署首个试点合同",
            },
            "CEO",
            120,
        ),
    ],
    "seoul": [
        (
            {
                "en": "Consult the Seoul foreign-investor desk",
                "ko": "서울 외국인투자 상담",
                "zh-hans": "咨询首尔外商投资窗口",
            },
            "Seoul Startup Hub",
            7,
        ),
        (
            {
                "en": "Apply for a D-8 investor visa",
                "ko": "D-8 기업투자 비자 신청",
                "zh-hans": "申请D-8投资签证",
            },
            "Founder",
            40,
        ),
        (
            {"en": "Register the Korean entity", "ko": "한국 법인 등록", "zh-hans": "注册韩国法人"},
            "Legal adviser",
            60,
        ),
    ],
}


TEMPLATE_TITLES = {
    "beijing": {
        "en": "Entering Beijing: the first 120 days",
        "ko": "베이징 진출 첫 120일",
        "zh-hans": "进入北京：前120天",
    },
    "seoul": {"en": "Entering Seoul", "ko": "서울 진출", "zh-hans": "进入首尔"},
}


def load_events(*, seed: int, now: datetime) -> None:
    """The events, when the world has the delegation's 20 Seoul startups (small test worlds
    do not)."""
    rng = random.Random(seed)
    if _seoul_startups().count() < SEOUL_STARTUPS:
        return
    kic = Organization.objects.get(slug="kic-beijing")
    hub = Organization.objects.get(slug="seoul-startup-hub")
    manager = User.objects.get(email=f"kic-manager@{org_domain('kic-beijing')}")
    event = _delegation(kic, hub, now)
    seoul = _seoul_side(event, manager, rng)
    beijing = _beijing_side(event, manager, rng)
    _requests(event, seoul, beijing, rng)
    services.solve_schedule(event=event, actor=manager, time_limit_s=10)
    services.publish_schedule(event=event, actor=manager, notify=False)
    templates = _templates(kic, hub)
    _outcomes(event, templates, rng)
    _info_session(kic, hub, now)


def _seoul_startups():
    return Startup.objects.filter(city="Seoul", members__role="owner").distinct()


def _delegation(kic, hub, now):
    day = (now - timedelta(days=10)).astimezone(BEIJING).date()
    starts = datetime(day.year, day.month, day.day, 9, 0, tzinfo=BEIJING)
    event = services.create_event(
        organizers=[kic, hub], slug="seoul-delegation-beijing", kind="delegation",
        title={"ko": "서울 스타트업 대표단 베이징 방문", "zh-hans": "首尔创业企业代表团访问北京",
               "en": "Seoul startup delegation visit to Beijing"},
        description={"ko": "서울 스타트업 20개사가 베이징 기업·투자사 30곳과 1:1 미팅을 합니다.",
                     "zh-hans": "20家首尔创业企业与30家北京企业和投资机构进行一对一洽谈。",
                     "en": "Twenty Seoul startups meet thirty Beijing companies and investors."},
        starts_at=starts, ends_at=starts + timedelta(hours=8),
        registration_opens_at=starts - timedelta(days=40),
        registration_closes_at=starts - timedelta(days=7), time_zone="Asia/Shanghai",
        languages=["ko", "zh-hans", "en"], venue="中关村创业大街 · Zhongguancun Startup Street",
        city="Beijing", capacity=60, slot_minutes=30,
    )  # fmt: skip
    for kind in ("corporate", "investor", "support", "public"):
        MeetingRule.objects.create(
            event=event, requester_kind="startup", recipient_kind=kind, max_requests=8
        )
        MeetingRule.objects.create(
            event=event, requester_kind=kind, recipient_kind="startup", max_requests=8
        )
    Table.objects.bulk_create(Table(event=event, name=f"T{n:02d}") for n in range(1, 13))
    slots = list(event.slots.all())
    for n, (name, pairs) in enumerate(
        [("김하나 Kim Hana", [["ko", "zh-hans"]]), ("李敏 Li Min", [["ko", "zh-hans"]]),
         ("박지훈 Park Jihoon", [["ko", "zh-hans"], ["ko", "en"]]),
         ("王芳 Wang Fang", [["zh-hans", "en"], ["ko", "zh-hans"]])]
    ):  # fmt: skip
        interpreter = Interpreter.objects.create(event=event, name=name, language_pairs=pairs)
        interpreter.unavailable_slots.set(slots[n * 3 : n * 3 + 2])  # a break each
    return event


def _seoul_side(event, manager, rng):
    founder = User.objects.get(email=f"founder@{startup_domain('robowave')}")
    robowave = Startup.objects.filter(members__user=founder).first()
    others = list(_seoul_startups().exclude(pk=robowave.pk).order_by("pk")[: SEOUL_STARTUPS - 1])
    registrations = []
    for n, startup in enumerate([robowave, *others]):
        owner = startup.members.filter(role="owner").select_related("user").first().user
        offers = SEOUL_OFFERS[0] if n == 0 else rng.choice(SEOUL_OFFERS)
        seeks = SEOUL_SEEKS[0] if n == 0 else rng.choice(SEOUL_SEEKS)
        languages = ["ko", "en"] if n % 4 == 1 else ["ko"]
        registrations.append(
            _approve(event, manager, user=owner, kind="startup", name=startup.name,
                     startup=startup, city="Seoul", offers=offers, seeks=seeks,
                     languages=languages)
        )  # fmt: skip
    return Registration.objects.bulk_create(registrations)


def _beijing_side(event, manager, rng):
    password = make_password(None)  # these partners do not log in, except the first
    demo_password = User.objects.get(email=f"founder@{startup_domain('robowave')}").password
    users = []
    for n in range(len(BEIJING_NAMES)):
        email = PARTNER_EMAIL if n == 0 else f"beijing-partner-{n:02d}@{PARTNER_DOMAIN}"
        users.append(
            User(email=email, display_name=BEIJING_NAMES[n], preferred_language="zh-hans",
                 time_zone="Asia/Shanghai", password=password)
        )  # fmt: skip
    users[0].password = demo_password
    users = User.objects.bulk_create(users)
    registrations = []
    for n, user in enumerate(users):
        languages = ["zh-hans", "en"] if n % 3 == 0 else ["zh-hans"]
        if n % 10 == 4:
            languages = ["zh-hans", "ko"]  # a Korean-speaking partner needs no interpreter
        registrations.append(
            _approve(event, manager, user=user, kind=BEIJING_KINDS[n], name=BEIJING_NAMES[n],
                     city="北京", offers=BEIJING_OFFERS[n % len(BEIJING_OFFERS)],
                     seeks=BEIJING_SEEKS[n % len(BEIJING_SEEKS)], languages=languages)
        )  # fmt: skip
    return Registration.objects.bulk_create(registrations)


def _approve(event, manager, **fields):
    # registration had closed: the organisers entered these, approved, from the delegation's list
    return Registration(event=event, status="approved", **fields)


def _requests(event, seoul, beijing, rng):
    from startup_street.events.enums import RequestStatus
    from startup_street.events.models import MeetingRequest

    made = []
    for n, startup in enumerate(seoul):
        partners = [beijing[0], beijing[1], beijing[4]] if n == 0 else []
        partners += rng.sample([b for b in beijing if b not in partners], 5 - len(partners))
        for m, partner in enumerate(partners):
            outgoing = m % 2 == 0
            sender, recipient = (startup, partner) if outgoing else (partner, startup)
            accepted = n == 0 or rng.random() < 0.85
            made.append(
                MeetingRequest(
                    event=event, sender=sender, recipient=recipient,
                    sender_interest=rng.choice(["must", "would"]),
                    recipient_interest=rng.choice(["must", "would"]) if accepted else "no",
                    status=RequestStatus.ACCEPTED if accepted else RequestStatus.DECLINED,
                )
            )  # fmt: skip
    made = MeetingRequest.objects.bulk_create(made)
    Meeting.objects.bulk_create(
        Meeting(event=event, request=r) for r in made if r.status == RequestStatus.ACCEPTED
    )


def _templates(kic, hub):
    made = {}
    for org, target in ((kic, "beijing"), (hub, "seoul")):
        title = TEMPLATE_TITLES[target]
        template = MarketEntryTemplate.objects.create(organization=org, target=target, title=title)
        for position, (step, owner, days) in enumerate(ENTRY_STEPS[target], start=1):
            template.steps.create(position=position, title=step, owner=owner, days_after_start=days)
        made[target] = template
    return made


def _outcomes(event, templates, rng):
    from startup_street.events.models import Outcome

    held = list(
        Meeting.objects.filter(event=event, published_slot__isnull=False)
        .select_related("request__sender__startup", "request__recipient__startup")
        .order_by("pk")
    )
    kinds = ["follow_up", "follow_up", "mou", "pilot", "investment", "follow_up", "first_sale",
             "mou", "local_entity"]  # fmt: skip
    day = event.starts_at.date()
    for n, meeting in enumerate(held[: len(kinds)]):
        startup_side = (
            meeting.request.sender
            if meeting.request.sender.kind == "startup"
            else (meeting.request.recipient)
        )
        other = (
            meeting.request.recipient
            if startup_side is meeting.request.sender
            else (meeting.request.sender)
        )
        Outcome.objects.create(
            startup=startup_side.startup, event=event, meeting=meeting, kind=kinds[n],
            counterpart=other.name, happened_on=day + timedelta(days=2 + n % 7),
        )  # fmt: skip
    starters = {m.request.sender.startup for m in held[:4] if m.request.sender.startup}
    for startup in starters:
        owner = startup.members.filter(role="owner").first().user
        services.start_market_entry(
            startup=startup, actor=owner, origin="seoul", template=templates["beijing"],
            started_on=date.fromordinal(day.toordinal() + 1),
        )  # fmt: skip


def _info_session(kic, hub, now):
    starts = (
        (now + timedelta(days=21))
        .astimezone(BEIJING)
        .replace(hour=15, minute=0, second=0, microsecond=0)
    )
    services.create_event(
        organizers=[hub], slug="beijing-market-info-session", kind="info_session",
        title={"ko": "베이징 시장 진출 설명회", "zh-hans": "北京市场进入说明会",
               "en": "Info session: entering the Beijing market"},
        starts_at=starts, ends_at=starts + timedelta(hours=2),
        registration_opens_at=now - timedelta(days=1),
        registration_closes_at=starts - timedelta(days=1), time_zone="Asia/Seoul",
        languages=["ko", "zh-hans"], venue="Seoul Startup Hub", city="Seoul",
        online_url="https://meet.example.org/beijing-info", capacity=80, slot_minutes=20,
    )  # fmt: skip
