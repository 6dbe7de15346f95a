"""The demo's spaces: a university startup camp in Haidian lending lecture rooms, a prototype lab
and an exhibition hall; the Seoul Robot Industry Cluster's testbeds and demonstration sites,
booked only by holders of its robot-safety training; KIC Beijing's shared desks and meeting room.

``prepare`` runs before the demo's decisions, so that accepting startups into the Haidian camp's
and KIC Beijing's calls grants them hours through the decisions themselves. ``load`` runs after:
the cluster's staff grant testbed hours, and today's bookings are made through the services
(requests awaiting approval, a demonstration plan awaiting approval, a weekly series that needs
re-confirming); the past months' bookings and testbed runs with their results are history,
written in bulk like ``history.py``.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from startup_street.accounts.models import User
from startup_street.applications.models import Application
from startup_street.core.timezones import get_zone
from startup_street.organizations.models import Organization
from startup_street.spaces import services
from startup_street.spaces.models import (
    Booking,
    CallSpaceGrant,
    Certification,
    CertificationHolder,
    Closure,
    DemonstrationPlan,
    DemonstrationResult,
    Entitlement,
    OpeningHours,
    Space,
)
from startup_street.startups.models import Startup

from .applications import COHORT, HAIDIAN, _call
from .data.people import org_domain, startup_domain

TESTBED_MANAGER = f"testbed@{org_domain('seoul-robot-cluster')}"
ROBOWAVE = f"founder@{startup_domain('robowave')}"
SHENSHI = f"founder-cn@{startup_domain('shenshi-tech')}"
WEEKDAYS, EVERY_DAY = range(5), range(7)
HISTORY_DAYS = 120


def T(ko: str, zh: str, en: str) -> dict[str, str]:  # noqa: N802 - reads like the data it holds
    return {"ko": ko, "zh-hans": zh, "en": en}


@dataclass(frozen=True)
class DemoSpace:
    org: str
    slug: str
    kind: str
    name: dict
    description: dict
    capacity: int
    hours: tuple[int, int] = (9, 18)
    days: range = WEEKDAYS
    slot: int = 30
    shortest: int = 30
    longest: int = 240
    approval: bool = False
    certified: bool = False
    equipment: dict | None = None
    address: str = ""


HAIDIAN_ADDRESS = "北京市海淀区颐和园路5号 创业训练营"
CLUSTER_ADDRESS = "서울특별시 마포구 상암산로 34 로봇산업 클러스터"
KIC_ADDRESS = "北京市海淀区中关村大街1号 韩国创新中心"
SPACES = [
    DemoSpace(
        "haidian-university-startup-camp",
        "haidian-camp-lecture-hall",
        "lecture_room",
        T("창업캠프 대강의실", "创业训练营大讲堂", "Startup camp lecture hall"),
        T(
            "계단식 강의실. 데모데이 리허설과 투자 설명회에 씁니다.",
            "阶梯教室，用于路演彩排和投资说明会。",
            "A tiered lecture hall for demo-day rehearsals and investor briefings.",
        ),
        120,
        hours=(8, 22),
        slot=60,
        shortest=60,
        equipment=T(
            "프로젝터 2대, 무선 마이크", "双投影仪、无线麦克风", "Two projectors, radio mics"
        ),
        address=HAIDIAN_ADDRESS,
    ),
    DemoSpace(
        "haidian-university-startup-camp",
        "haidian-camp-seminar-room",
        "lecture_room",
        T("세미나실 B", "研讨室B", "Seminar room B"),
        T(
            "40석 세미나실. 멘토링 워크숍에 알맞습니다.",
            "四十座研讨室，适合导师工作坊。",
            "A 40-seat seminar room, right for mentoring workshops.",
        ),
        40,
        hours=(8, 22),
        address=HAIDIAN_ADDRESS,
    ),
    DemoSpace(
        "haidian-university-startup-camp",
        "haidian-camp-prototype-lab",
        "lab",
        T("시제품 제작 실험실", "原型制作实验室", "Prototype lab"),
        T(
            "3D 프린터와 레이저 커터가 있는 제작 공간. 사용 전 직원이 승인합니다.",
            "配备3D打印机和激光切割机的制作空间，使用前需工作人员批准。",
            "A maker space with 3D printers and a laser cutter; staff approve each request.",
        ),
        12,
        hours=(9, 21),
        slot=60,
        shortest=60,
        approval=True,
        equipment=T(
            "3D 프린터 4대, 레이저 커터",
            "3D打印机四台、激光切割机",
            "Four 3D printers, laser cutter",
        ),
        address=HAIDIAN_ADDRESS,
    ),
    DemoSpace(
        "haidian-university-startup-camp",
        "haidian-camp-exhibition-hall",
        "exhibition_hall",
        T("창업 전시홀", "创业展厅", "Startup exhibition hall"),
        T(
            "300명이 들어가는 전시홀. 부스 전시와 데모데이에 씁니다.",
            "可容纳三百人的展厅，用于展位展示和路演日。",
            "A hall for 300 people: booths and demo days.",
        ),
        300,
        hours=(9, 21),
        slot=60,
        shortest=120,
        longest=480,
        approval=True,
        address=HAIDIAN_ADDRESS,
    ),
    DemoSpace(
        "seoul-robot-cluster",
        "robot-cluster-outdoor-testbed",
        "testbed",
        T("실외 자율주행 로봇 실증장", "户外自动驾驶机器人测试场", "Outdoor mobile-robot testbed"),
        T(
            "보도, 경사로, 횡단보도를 갖춘 실외 실증장. 실증 계획을 직원이 승인합니다.",
            "设有人行道、坡道和人行横道的户外测试场，演示计划须经工作人员批准。",
            "Pavements, ramps and a crossing outdoors; staff approve every demonstration plan.",
        ),
        15,
        hours=(9, 18),
        days=range(6),
        slot=60,
        shortest=60,
        approval=True,
        certified=True,
        equipment=T(
            "RTK GPS 기준국, 안전 펜스", "RTK GPS基站、安全围栏", "RTK GPS base, safety fence"
        ),
        address=CLUSTER_ADDRESS,
    ),
    DemoSpace(
        "seoul-robot-cluster",
        "robot-cluster-logistics-testbed",
        "testbed",
        T("물류 로봇 실내 실증장", "物流机器人室内测试场", "Indoor logistics testbed"),
        T(
            "선반과 컨베이어가 있는 모의 물류센터.",
            "设有货架和传送带的模拟物流中心。",
            "A mock warehouse with racks and a conveyor.",
        ),
        10,
        slot=60,
        shortest=60,
        approval=True,
        certified=True,
        address=CLUSTER_ADDRESS,
    ),
    DemoSpace(
        "seoul-robot-cluster",
        "robot-cluster-cobot-cell",
        "testbed",
        T("협동로봇 시연 셀", "协作机器人演示单元", "Collaborative-robot demonstration cell"),
        T(
            "협동로봇 팔 두 대를 둔 시연 공간. 안전 교육 이수자가 바로 예약합니다.",
            "配有两台协作机械臂的演示空间，完成安全培训者可直接预订。",
            "Two cobot arms; holders of the safety training book it straight away.",
        ),
        6,
        slot=60,
        shortest=60,
        certified=True,
        address=CLUSTER_ADDRESS,
    ),
    DemoSpace(
        "seoul-robot-cluster",
        "robot-cluster-meeting-room",
        "meeting_room",
        T("클러스터 회의실", "集群会议室", "Cluster meeting room"),
        T("8인 회의실.", "八人会议室。", "A meeting room for eight."),
        8,
        address=CLUSTER_ADDRESS,
    ),
    *[
        DemoSpace(
            "kic-beijing",
            f"kic-beijing-desk-{n}",
            "desk",
            T(f"공유 데스크 {n}", f"共享工位 {n}", f"Shared desk {n}"),
            T(
                "한국혁신센터 베이징 공유 오피스의 고정 데스크.",
                "韩国创新中心（北京）共享办公区的固定工位。",
                "A desk in KIC Beijing's shared office.",
            ),
            1,
            hours=(8, 20),
            slot=60,
            shortest=60,
            longest=720,
            address=KIC_ADDRESS,
        )
        for n in ("A1", "A2", "A3", "A4", "B1", "B2")
    ],
    DemoSpace(
        "kic-beijing",
        "kic-beijing-meeting-room",
        "meeting_room",
        T("KIC 베이징 회의실", "韩国创新中心会议室", "KIC Beijing meeting room"),
        T(
            "현지 파트너 미팅용 회의실. 직원이 요청을 승인합니다.",
            "用于与本地伙伴会面的会议室，申请须经工作人员批准。",
            "For meetings with local partners; staff approve each request.",
        ),
        10,
        approval=True,
        address=KIC_ADDRESS,
    ),
]
# What acceptance into the demo's decided calls grants, hours a month.
CALL_GRANTS = {
    HAIDIAN: [("lecture_room", 10), ("lab", 20), ("exhibition_hall", 8)],
    COHORT: [("desk", 120), ("meeting_room", 10)],
}


def prepare(*, now: datetime) -> None:
    """Spaces, the robot-safety certification and the calls' space grants, before decisions."""
    organizations = {o.slug: o for o in Organization.objects.filter(slug__in=_org_slugs())}
    certification = Certification.objects.create(
        organization=organizations["seoul-robot-cluster"],
        code="robot-safety",
        name=T("로봇 안전 교육 이수", "机器人安全培训合格", "Robot safety training"),
        original_language="ko",
    )
    for spec in SPACES:
        _space(spec, organizations[spec.org], certification)
    for which, grants in CALL_GRANTS.items():
        call = _call(which)
        CallSpaceGrant.objects.bulk_create(
            CallSpaceGrant(call=call, kind=kind, hours_per_month=Decimal(hours), months=6)
            for kind, hours in grants
        )
    _holidays(now)


def _org_slugs() -> set[str]:
    return {spec.org for spec in SPACES}


def _space(spec: DemoSpace, organization, certification) -> Space:
    space = Space.objects.create(
        organization=organization,
        slug=spec.slug,
        kind=spec.kind,
        name=spec.name,
        description=spec.description,
        equipment=spec.equipment or {},
        capacity=spec.capacity,
        address=spec.address,
        time_zone=organization.time_zone,
        original_language="zh-hans" if organization.time_zone == "Asia/Shanghai" else "ko",
        slot_minutes=spec.slot,
        min_minutes=spec.shortest,
        max_minutes=spec.longest,
        lead_minutes=60,
        horizon_days=90,
        requires_approval=spec.approval,
        required_certification=certification if spec.certified else None,
    )
    opens, closes = spec.hours
    OpeningHours.objects.bulk_create(
        OpeningHours(space=space, weekday=day, opens=time(opens), closes=time(closes))
        for day in spec.days
    )
    return space


def _holidays(now: datetime) -> None:
    """Beijing's spaces close on National Day, Seoul's on Chuseok-like days: one closure each,
    a month from now, so the week view shows a closed day."""
    day = now.date() + timedelta(days=30)
    Closure.objects.bulk_create(
        Closure(space=space, date=day, reason=T("휴관일", "闭馆日", "Closed for a public holiday"))
        for space in Space.objects.filter(slug__endswith="lecture-hall")
    )


# --- after the decisions ----------------------------------------------------------------------


def load(*, now: datetime, seed: int) -> None:
    rng = random.Random(seed + 16)
    if not Space.objects.exists():
        return
    manager = User.objects.get(email=TESTBED_MANAGER)
    robowave = Startup.objects.get(slug="robowave")
    _backdate_call_entitlements(now)
    cohort = _testbed_cohort(robowave)
    _certify(manager, cohort)
    for startup in cohort:
        services.grant_entitlement(
            startup=startup,
            organization=manager.memberships.get().organization,
            kind="testbed",
            hours_per_month=Decimal(20),
            starts_on=(now - timedelta(days=HISTORY_DAYS + 31)).date(),
            actor=manager,
        )
    _history(rng, now)
    _today(now, manager, robowave, cohort[1:])


def _backdate_call_entitlements(now: datetime) -> None:
    """The demo decided its calls today and moved the decisions back; so do their hours."""
    for entitlement in Entitlement.objects.filter(call__isnull=False).select_related("call"):
        decided = (
            Application.objects.filter(call=entitlement.call, startup=entitlement.startup)
            .values_list("decided_at", flat=True)
            .first()
        )
        starts = min((decided or now).date(), (now - timedelta(days=HISTORY_DAYS)).date())
        entitlement.starts_on = starts
        entitlement.ends_on = starts + timedelta(days=31 * 8)
        entitlement.save(update_fields=["starts_on", "ends_on"])


def _testbed_cohort(robowave: Startup) -> list[Startup]:
    """Robowave and the Korean robot startups accepted with it at KIC Beijing."""
    others = Startup.objects.filter(
        entitlements__call__isnull=False, country="KR", sectors__code="robotics"
    ).exclude(pk=robowave.pk)
    fallback = Startup.objects.filter(country="KR").exclude(pk=robowave.pk)
    picked = list(others.distinct().order_by("pk")[:3]) or list(fallback.order_by("pk")[:3])
    return [robowave, *picked]


def _certify(manager: User, cohort: list[Startup]) -> None:
    certification = Certification.objects.get(code="robot-safety")
    people = User.objects.filter(startup_memberships__startup__in=cohort).distinct()
    CertificationHolder.objects.bulk_create(
        CertificationHolder(certification=certification, user=person, recorded_by=manager)
        for person in people
    )


# --- the past: bookings used and testbed runs, in bulk ----------------------------------------


RUNS = [
    ("AMR-200 배송 로봇", "보도 주행과 횡단보도 정지 시험", "succeeded", "경로 12회 모두 완주."),
    ("AMR-200 delivery robot", "Night run on the ramp with wet ground", "partly", "Slipped twice."),
    ("巡检机器人 X1", "夜间巡检与障碍物识别", "succeeded", "识别率98%。"),
    ("Cobot arm kit", "Picking mixed parcels from the conveyor", "failed", "Gripper misfired."),
    ("물류 AGV", "랙 사이 자율 주행과 적재", "succeeded", "적재 40회 무사고."),
]


def _history(rng: random.Random, now: datetime) -> None:
    """Bookings of the past months at every space with hours granted, a few cancelled; each
    testbed booking a run with an approved plan and its result."""
    bookings, used = [], {}
    for entitlement in Entitlement.objects.filter(revoked_at__isnull=True).select_related(
        "startup"
    ):
        spaces = list(
            Space.objects.filter(
                organization_id=entitlement.organization_id, kind=entitlement.kind
            ).prefetch_related("opening_hours")
        )
        booker = entitlement.startup.members.order_by("pk").first()
        if not spaces or booker is None:
            continue
        for days_ago in range(HISTORY_DAYS, 1, -rng.randint(6, 12)):
            space = rng.choice(spaces)
            booking = _past_booking(rng, space, entitlement, booker.user_id, now, days_ago)
            if booking is None:
                continue
            month = (entitlement.pk, booking.month)
            if used.get(month, 0) + booking.hours <= entitlement.hours_per_month / 2:
                used[month] = used.get(month, 0) + booking.hours  # half is left for today's
                bookings.append(booking)
    _no_overlaps(bookings)
    created = Booking.objects.bulk_create(bookings, batch_size=500)
    _runs(rng, [b for b in created if b.status == "confirmed"], now)


def _past_booking(rng, space, entitlement, user_id, now, days_ago) -> Booking | None:
    zone = get_zone(space.time_zone)
    day = (now - timedelta(days=days_ago)).astimezone(zone).date()
    hours = space.opening_hours.all()
    # the nearest earlier day the space is open: a fixed step between bookings would otherwise
    # land on one weekday every time, and a demo loaded on some dates would have no history
    for _ in range(7):
        window = [h for h in hours if h.weekday == day.weekday()]
        if window:
            break
        day -= timedelta(days=1)
    if not window or day < entitlement.starts_on:
        return None
    length = max(space.min_minutes // 60, min(rng.choice([1, 2, 3, 4]), space.max_minutes // 60))
    latest = window[0].closes.hour - length
    if latest < window[0].opens.hour:
        return None
    start = timezone.make_aware(
        datetime.combine(day, time(rng.randint(window[0].opens.hour, latest))), zone
    )
    return Booking(
        space=space,
        startup_id=entitlement.startup_id,
        booked_by_id=user_id,
        starts_at=start,
        ends_at=start + timedelta(hours=length),
        status="cancelled" if rng.random() < 0.12 else "confirmed",
        entitlement=entitlement,
        month=day.replace(day=1),
        hours=Decimal(length),
    )


def _no_overlaps(bookings: list[Booking]) -> None:
    """Cancel the later of two confirmed past bookings that would overlap (history obeys the
    same rule as today's bookings)."""
    confirmed = sorted(
        (b for b in bookings if b.status == "confirmed"), key=lambda b: (b.space.pk, b.starts_at)
    )
    for before, after in zip(confirmed, confirmed[1:], strict=False):
        if before.space.pk == after.space.pk and after.starts_at < before.ends_at:
            after.status = "cancelled"


def _runs(rng: random.Random, bookings: list[Booking], now: datetime) -> None:
    testbed = [b for b in bookings if b.space.kind == "testbed"]
    manager = User.objects.get(email=TESTBED_MANAGER)
    plans = DemonstrationPlan.objects.bulk_create(
        DemonstrationPlan(
            booking=booking,
            robot=RUNS[n % len(RUNS)][0],
            scenario=RUNS[n % len(RUNS)][1],
            safety_officer="김안전",
            safety_officer_phone="+82 2 555 0100",
            status="approved",
            decided_by=manager,
            decided_at=booking.starts_at - timedelta(days=1),
        )
        for n, booking in enumerate(testbed)
    )
    DemonstrationResult.objects.bulk_create(
        DemonstrationResult(
            plan=plan,
            outcome=RUNS[n % len(RUNS)][2],
            notes=RUNS[n % len(RUNS)][3],
            recorded_by=manager if rng.random() < 0.5 else plan.booking.booked_by,
        )
        for n, plan in enumerate(plans)
    )


# --- today: bookings made through the services ------------------------------------------------


def _workday(space: Space, now: datetime, days_ahead: int) -> date:
    """The first local weekday at least ``days_ahead`` days from now."""
    day = now.astimezone(get_zone(space.time_zone)).date() + timedelta(days=days_ahead)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _at(space: Space, day: date, hour: int, hours: int) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time(hour)), get_zone(space.time_zone))
    return start, start + timedelta(hours=hours)


def _book(space: str, user: User, startup, now: datetime, days: int, hour: int, hours: int, **kw):
    space = Space.objects.get(slug=space)
    start, end = _at(space, _workday(space, now, days), hour, hours)
    return services.book_space(
        space=space, user=user, startup=startup, starts_at=start, ends_at=end, **kw
    )


def _today(now: datetime, manager: User, robowave: Startup, others: list[Startup]) -> None:
    founder = User.objects.get(email=ROBOWAVE)
    # A testbed run next week, its plan awaiting the cluster's approval.
    outdoor = _book(
        "robot-cluster-outdoor-testbed",
        founder,
        robowave,
        now,
        6,
        10,
        3,
        title="AMR-200 실외 주행 실증",
    )
    services.submit_plan(
        booking=outdoor,
        user=founder,
        robot="AMR-200 배송 로봇",
        scenario="보도 500 m 주행, 경사로 등판, 횡단보도 앞 정지. 보행자 모형 3개 회피.",
        safety_officer="김안전",
        safety_officer_phone="+82 10 5555 0134",
    )
    # A run the day after tomorrow, booked straight away and its plan approved.
    cobot = _book("robot-cluster-cobot-cell", founder, robowave, now, 2, 14, 2, title="Pick demo")
    plan = services.submit_plan(
        booking=cobot,
        user=founder,
        robot="Cobot arm kit v2",
        scenario="Pick 50 mixed parcels from the conveyor with the new gripper.",
        safety_officer="Kim Anjeon",
        safety_officer_phone="+82 10 5555 0134",
    )
    services.decide_plan(plan=plan, actor=manager, approve=True, note="")
    # Another cohort startup asks for the same outdoor time: approving one declines the other.
    if others:
        other = others[0]
        rival = other.members.order_by("pk").first().user
        _book("robot-cluster-outdoor-testbed", rival, other, now, 6, 11, 2, title="Patrol robot")
    outdoor_space = outdoor.space
    services.block_space(
        space=outdoor_space,
        actor=manager,
        starts_at=_at(outdoor_space, _workday(outdoor_space, now, 9), 9, 9)[0],
        ends_at=_at(outdoor_space, _workday(outdoor_space, now, 9), 9, 9)[1],
        reason="노면 보수 공사",
    )
    _kic(now, founder, robowave)
    _haidian(now)


def _kic(now: datetime, founder: User, robowave: Startup) -> None:
    """Robowave's desk in Beijing every Tuesday for eight weeks (re-confirmed every four), and a
    meeting with a Beijing partner awaiting KIC's approval."""
    desk = Space.objects.get(slug="kic-beijing-desk-A1")
    day = _workday(desk, now, 1)
    day += timedelta(days=(1 - day.weekday()) % 7)  # a Tuesday
    start, end = _at(desk, day, 9, 8)
    services.book_series(
        space=desk,
        user=founder,
        startup=robowave,
        starts_at=start,
        ends_at=end,
        frequency="weekly",
        until=day + timedelta(weeks=7),
        title="Beijing market visit",
    )
    _book("kic-beijing-meeting-room", founder, robowave, now, 4, 15, 1, title="京东物流 pilot")


def _haidian(now: datetime) -> None:
    """Shenshi's lecture hall for a demo-day rehearsal and a lab request awaiting approval; the
    camp's own exhibition hall booking for its demo day."""
    founder = User.objects.get(email=SHENSHI)
    shenshi = Startup.objects.get(slug="shenshi-tech")
    if not Entitlement.objects.filter(startup=shenshi, kind="lab").exists():
        return  # the camp did not accept Shenshi in this demo's world
    _book("haidian-camp-lecture-hall", founder, shenshi, now, 3, 14, 2, title="路演彩排")
    _book("haidian-camp-prototype-lab", founder, shenshi, now, 5, 10, 4, title="传感器外壳打样")
    camp = Organization.objects.get(slug="haidian-university-startup-camp")
    staff = camp.memberships.filter(role="admin").order_by("pk").first().user
    _book("haidian-camp-exhibition-hall", staff, None, now, 12, 9, 8, title="创业训练营路演日")
