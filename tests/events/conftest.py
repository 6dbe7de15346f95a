"""A small delegation visit: a Seoul founder, two Beijing companies, organisers and outsiders."""

from datetime import timedelta

import pytest
from django.utils import timezone

from startup_street.events import services
from startup_street.events.models import Interpreter, Table
from tests.factories import make_member, make_organization, make_startup, make_user

VISITORS = ["participant", "other_participant", "staff", "other_staff", "analyst", "anonymous"]


def make_event(organizer, *, slots: int = 4, **fields):
    start = timezone.now() + timedelta(days=10)
    defaults = dict(  # noqa: C408
        organizers=[organizer], slug=f"visit-{organizer.pk}", kind="delegation",
        title={"en": "Seoul delegation to Beijing", "ko": "서울 대표단 베이징 방문",
               "zh-hans": "首尔代表团访问北京"},
        starts_at=start, ends_at=start + timedelta(minutes=30 * slots),
        registration_opens_at=timezone.now() - timedelta(days=1),
        registration_closes_at=start - timedelta(days=1), time_zone="Asia/Shanghai",
        languages=["ko", "zh-hans"], venue="Zhongguancun Startup Street", city="Beijing",
        slot_minutes=30,
    )  # fmt: skip
    defaults.update(fields)
    return services.create_event(**defaults)


def approved(event, user, staff, **fields):
    fields.setdefault("kind", "corporate")
    fields.setdefault("name", user.display_name)
    fields.setdefault("languages", ["zh-hans"])
    registration = services.register(event=event, user=user, **fields)
    return services.decide_registration(registration=registration, actor=staff, status="approved")


@pytest.fixture
def world(db):
    org = make_organization(slug="kic-beijing", city="Beijing", country="CN")
    people = {name: make_user(name.replace("_", "-")) for name in VISITORS if name != "anonymous"}
    people["founder"] = people["participant"]
    people["analyst"].is_city_analyst = True
    people["analyst"].save()
    people["participant"].time_zone = "Asia/Seoul"
    people["participant"].save()
    make_member(org, people["staff"], "program_manager")
    make_member(make_organization(), people["other_staff"], "admin")
    corporate_user = make_user("corporate", time_zone="Asia/Shanghai", preferred_language="zh-hans")
    event = make_event(org)
    startup = make_startup(people["founder"], name="Robowave", slug="robowave")
    staff = people["staff"]
    founder = approved(
        event, people["founder"], staff, kind="startup", startup=startup, name="Robowave",
        languages=["ko"], offers="Warehouse robots that pick parcels",
        seeks="A logistics partner in Beijing for a pilot",
    )  # fmt: skip
    corporate = approved(
        event, corporate_user, staff, name="Beijing Logistics",
        offers="物流仓库试点合作", seeks="仓储机器人",
    )  # fmt: skip
    other = approved(event, people["other_participant"], staff, name="Haidian Capital",
                     kind="investor", languages=["zh-hans", "en"])  # fmt: skip
    request = services.send_request(
        sender=founder, recipient=corporate, actor=people["founder"], interest="must"
    )
    services.answer_request(request=request, actor=corporate_user, interest="would")
    Table.objects.create(event=event, name="T1")
    Table.objects.create(event=event, name="T2")
    Interpreter.objects.create(event=event, name="Kim Mei", language_pairs=[["ko", "zh-hans"]])
    return {
        "org": org,
        "event": event,
        "people": people,
        "corporate_user": corporate_user,
        "founder": founder,
        "corporate": corporate,
        "other": other,
        "request": request,
        "meeting": request.meeting,
        "startup": startup,
    }
