"""Registrations, requests, rules and quotas, solving, pinning and publishing."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from startup_street.events import selectors, services
from startup_street.events.agenda import agenda_pdf, agenda_text, cjk_font
from startup_street.events.models import Meeting, MeetingRequest, MeetingRule
from startup_street.events.services.requests import request_refusal
from startup_street.events.services.schedules import draft_problems
from tests.factories import bearer, make_user

from .conftest import approved

pytestmark = pytest.mark.django_db


def test_solve_places_the_meeting_with_an_interpreter(world):
    run = services.solve_schedule(event=world["event"], actor=world["people"]["staff"])
    assert run.status == "optimal" and run.meetings == 1
    meeting = Meeting.objects.get(pk=world["meeting"].pk)
    assert meeting.slot and meeting.table and meeting.interpreter.name == "Kim Mei"
    assert draft_problems(world["event"]) == []


def test_only_organisers_solve_or_publish(world):
    for who in ("participant", "other_staff", "analyst"):
        with pytest.raises(PermissionDenied):
            services.solve_schedule(event=world["event"], actor=world["people"][who])
        with pytest.raises(PermissionDenied):
            services.publish_schedule(event=world["event"], actor=world["people"][who])
    assert not Meeting.objects.filter(slot__isnull=False).exists()


def test_publish_refuses_a_double_booking_and_names_it(world):
    staff = world["people"]["staff"]
    event = world["event"]
    second = services.send_request(
        sender=world["founder"], recipient=world["other"], actor=world["people"]["founder"],
        interest="would",
    )  # fmt: skip
    services.answer_request(
        request=second, actor=world["people"]["other_participant"], interest="must"
    )
    services.solve_schedule(event=event, actor=staff)
    first = Meeting.objects.get(pk=world["meeting"].pk)
    services.move_meeting(meeting=second.meeting, actor=staff, slot=first.slot)
    problems = draft_problems(event)
    assert any("Robowave has two meetings" in p for p in problems)
    with pytest.raises(ValidationError) as refused:
        services.publish_schedule(event=event, actor=staff)
    assert "Robowave has two meetings" in " ".join(refused.value.messages)
    assert not Meeting.objects.filter(published_slot__isnull=False).exists()
    services.solve_schedule(event=event, actor=staff)  # the rest is solved around the pin
    assert Meeting.objects.get(pk=second.meeting.pk).slot == first.slot
    assert Meeting.objects.get(pk=first.pk).slot != first.slot
    assert services.publish_schedule(event=event, actor=staff)


def test_conflicting_pins_are_reported_in_words_and_change_nothing(world):
    staff, event = world["people"]["staff"], world["event"]
    second = services.send_request(
        sender=world["founder"], recipient=world["other"], actor=world["people"]["founder"],
        interest="would",
    )  # fmt: skip
    services.answer_request(
        request=second, actor=world["people"]["other_participant"], interest="must"
    )
    slot = event.slots.first()
    services.move_meeting(meeting=world["meeting"], actor=staff, slot=slot)
    services.move_meeting(meeting=second.meeting, actor=staff, slot=slot)
    run = services.solve_schedule(event=event, actor=staff)
    assert run.status == "invalid"
    from startup_street.events.reasons import describe_stored

    words = describe_stored(event.time_zone, run.issues)
    assert any("both need Robowave" in w for w in words)
    with translation.override("ko"):
        korean = describe_stored(event.time_zone, run.issues)
    with translation.override("zh-hans"):
        chinese = describe_stored(event.time_zone, run.issues)
    assert any("고정된 미팅" in w and "베이징 시간" in w for w in korean)
    assert any("已固定的会谈" in w and "Robowave" in w for w in chinese)


def test_impossible_availability_is_reported(world):
    founder = world["founder"]
    founder.unavailable_slots.set(world["event"].slots.all())
    run = services.solve_schedule(event=world["event"], actor=world["people"]["staff"])
    from startup_street.events.reasons import describe_stored

    words = describe_stored(world["event"].time_zone, run.issues)
    with translation.override("zh-hans"):
        assert "没有共同的空闲时段" in describe_stored(world["event"].time_zone, run.issues)[0]
    assert run.meetings == 0
    assert words == ["“Robowave → Beijing Logistics” cannot be scheduled: the two have no free "
                     "slot in common."]  # fmt: skip


def test_rules_and_quota_refuse_requests_with_the_reason(world):
    event = world["event"]
    MeetingRule.objects.create(
        event=event, requester_kind="startup", recipient_kind="corporate", max_requests=1
    )
    extra = approved(event, make_user("second-corp"), world["people"]["staff"], name="Second")
    founder = world["founder"]
    with pytest.raises(ValidationError) as over:
        services.send_request(sender=founder, recipient=extra, actor=founder.user, interest="must")
    assert "used your 1 requests" in over.value.messages[0]
    with pytest.raises(ValidationError) as not_allowed:
        services.send_request(
            sender=founder, recipient=world["other"], actor=founder.user, interest="must"
        )
    assert "may not ask a investor" in not_allowed.value.messages[0]
    assert MeetingRequest.objects.count() == 1


def test_lowered_quota_leaves_the_later_requests_out_with_the_reason(world):
    event = world["event"]
    staff = world["people"]["staff"]
    extra = approved(event, make_user("second-corp"), staff, name="Second")
    req = services.send_request(
        sender=world["founder"], recipient=extra, actor=world["founder"].user, interest="must"
    )
    services.answer_request(request=req, actor=extra.user, interest="must")
    MeetingRule.objects.create(
        event=event, requester_kind="startup", recipient_kind="corporate", max_requests=1
    )
    MeetingRule.objects.create(
        event=event, requester_kind="investor", recipient_kind="startup", max_requests=1
    )
    run = services.solve_schedule(event=event, actor=staff)
    assert run.meetings == 1
    assert {"code": "over_quota", "meeting": req.meeting.pk} in run.issues


def test_late_changes_notify_only_the_people_affected(world, django_capture_on_commit_callbacks):
    staff, event = world["people"]["staff"], world["event"]
    other_req = services.send_request(
        sender=world["other"], recipient=world["corporate"],
        actor=world["people"]["other_participant"], interest="must",
    )  # fmt: skip
    services.answer_request(request=other_req, actor=world["corporate_user"], interest="must")
    services.solve_schedule(event=event, actor=staff)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.publish_schedule(event=event, actor=staff)
    assert len(first) == 3 and len(mail.outbox) == 3
    mail.outbox.clear()
    # move the investor's meeting only: the founder hears nothing
    moved = Meeting.objects.get(pk=other_req.meeting.pk)
    taken = {m.slot_id for m in Meeting.objects.all()}
    free_slot = event.slots.exclude(pk__in=taken).first()
    services.move_meeting(meeting=moved, actor=staff, slot=free_slot, table=event.tables.first())
    with django_capture_on_commit_callbacks(execute=True):
        notified = services.publish_schedule(event=event, actor=staff)
    assert sorted(notified) == sorted([world["other"].pk, world["corporate"].pk])
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world["people"]["other_participant"].email, world["corporate_user"].email]
    )


def test_agenda_shows_published_meetings_only(world):
    staff, event = world["people"]["staff"], world["event"]
    services.solve_schedule(event=event, actor=staff)
    assert selectors.agenda_of(world["founder"]) == []
    services.publish_schedule(event=event, actor=staff)
    assert [m.pk for m in selectors.agenda_of(world["founder"])] == [world["meeting"].pk]


def test_registration_refusals_change_nothing(world):
    event = world["event"]
    outsider = make_user("outsider")
    with pytest.raises(ValidationError):
        services.register(event=event, user=outsider, kind="startup", name="X", languages=["ko"])
    with pytest.raises(ValidationError):
        services.register(event=event, user=outsider, kind="corporate", name="X", languages=[])
    with pytest.raises(ValidationError):
        services.register(
            event=event, user=world["founder"].user, kind="corporate", name="Y", languages=["ko"]
        )
    assert event.registrations.count() == 3


def test_approval_stops_at_capacity(world):
    event = world["event"]
    event.capacity = 3
    event.save()
    late = services.register(
        event=event, user=make_user("late"), kind="investor", name="Late", languages=["en"]
    )
    with pytest.raises(ValidationError):
        services.decide_registration(
            registration=late, actor=world["people"]["staff"], status="approved"
        )
    services.decide_registration(
        registration=late, actor=world["people"]["staff"], status="waitlisted"
    )
    late.refresh_from_db()
    assert late.status == "waitlisted"


def test_dashboard_counts(world):
    from datetime import date, timedelta

    from django.utils import timezone

    from startup_street.events.models import MarketEntryTemplate

    staff, event = world["people"]["staff"], world["event"]
    services.solve_schedule(event=event, actor=staff)
    services.publish_schedule(event=event, actor=staff)
    assert selectors.meetings_held() == 0
    assert selectors.meetings_held(until=timezone.now() + timedelta(days=30)) == 1
    founder = world["people"]["founder"]
    services.record_outcome(
        startup=world["startup"], actor=founder, kind="mou", happened_on=date(2026, 12, 20),
        meeting=world["meeting"],
    )  # fmt: skip
    assert selectors.outcomes_by_kind() == {"mou": 1}
    template = MarketEntryTemplate.objects.create(
        organization=world["org"], title={"en": "Entering Beijing"}, target="beijing"
    )
    template.steps.create(position=1, title={"en": "Register a WFOE"}, days_after_start=30)
    entry = services.start_market_entry(
        startup=world["startup"], actor=founder, origin="seoul", template=template,
        started_on=date(2027, 1, 1),
    )  # fmt: skip
    assert entry.steps.get().due_on == date(2027, 1, 31)
    assert selectors.market_entries_by_route() == {("seoul", "beijing"): 1}
    with pytest.raises(PermissionDenied):
        services.record_outcome(
            startup=world["startup"], actor=world["corporate_user"], kind="mou",
            happened_on=date(2026, 12, 20),
        )  # fmt: skip


def test_organisers_set_who_may_meet_whom_and_the_quota(client, world):
    event, founder = world["event"], world["founder"]
    client.force_login(world["people"]["staff"])
    url = reverse("events:set_rule", args=[event.slug])
    rule = {"requester_kind": "startup", "recipient_kind": "corporate", "max_requests": "1"}
    assert client.post(url, rule).status_code == 302
    assert client.post(url, {**rule, "max_requests": "2"}).status_code == 302
    assert list(event.rules.values_list("requester_kind", "recipient_kind", "max_requests")) == [
        ("startup", "corporate", 2)
    ]
    before = list(event.rules.values_list("pk", "max_requests"))
    client.post(url, {**rule, "max_requests": "0"})
    client.post(url, {**rule, "requester_kind": "alien"})
    assert list(event.rules.values_list("pk", "max_requests")) == before
    with translation.override("ko"):
        reason = request_refusal(founder, world["other"])
    assert reason and "투자자" in reason  # a startup may not ask an investor now, said in Korean
    remove = reverse("events:remove_rule", args=[event.slug, event.rules.get().pk])
    assert remove in client.get(reverse("events:manage", args=[event.slug])).content.decode()
    client.post(remove)
    assert not event.rules.exists()
    assert request_refusal(founder, world["other"]) is None


def test_recommendations_show_the_sentence_that_matched(client, world):
    staff = world["people"]["staff"]
    approved(
        world["event"], make_user("forwarder"), staff, name="Haidian Freight",
        offers="A logistics partner in Beijing for pilots of warehouse robots",
    )  # fmt: skip
    client.force_login(world["people"]["founder"])
    page = client.get(reverse("events:participants", args=[world["event"].slug]))
    recommended = page.content.decode().split('<ul class="grid">')[1].split("</ul>")[0]
    assert "Haidian Freight" in recommended
    assert "A logistics partner in Beijing for pilots of warehouse robots" in recommended
    assert 'class="card__meta reason"' in recommended


@pytest.mark.parametrize(
    ("language", "words"),
    [("ko", ["님과의 미팅", "통역사: Kim Mei"]), ("zh-hans", ["会谈", "口译员：Kim Mei"]),
     ("en", ["Meeting with Beijing Logistics", "Interpreter: Kim Mei"])],
)  # fmt: skip
def test_the_printable_agenda_is_in_the_readers_language_and_zone(world, language, words):
    staff, event = world["people"]["staff"], world["event"]
    services.solve_schedule(event=event, actor=staff)
    services.publish_schedule(event=event, actor=staff)
    founder = world["founder"]
    title, whose, meeting = agenda_text(founder, language=language, zone_name="Asia/Seoul")
    assert title == event.title.get(language, event.title["en"])
    seoul = {"ko": "서울 시간", "zh-hans": "首尔时间", "en": "KST (Asia/Seoul)"}[language]
    assert seoul in meeting and all(word in meeting for word in words)
    if cjk_font() is not None:
        assert agenda_pdf(founder, language=language, zone_name="Asia/Seoul").startswith(b"%PDF")


@pytest.mark.parametrize(
    ("language", "zone_words"), [("en", "KST (Asia/Seoul)"), ("ko", "서울 시간")]
)
def test_the_api_agenda_gives_the_zone_key_beside_the_readers_name_for_it(
    world, client, language, zone_words
):
    staff, event = world["people"]["staff"], world["event"]
    services.solve_schedule(event=event, actor=staff)
    services.publish_schedule(event=event, actor=staff)
    founder_user = world["people"]["founder"]
    response = client.get(
        f"/api/v1/events/{event.slug}/agenda",
        HTTP_ACCEPT_LANGUAGE=language,
        **bearer(founder_user),
    )
    assert response.status_code == 200
    [item] = response.json()
    assert item["time_zone"] == "Asia/Seoul"  # the same key whatever the language
    assert zone_words in item["zone"]
