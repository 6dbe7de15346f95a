"""A short word used in several meanings is translated in each meaning (message contexts)."""

import pytest
from django.urls import reverse
from django.utils import translation

from startup_street.applications.forms import DecisionForm
from startup_street.applications.models import StatusChange
from startup_street.mentoring.forms import AvailabilityFormSet
from startup_street.organizations.models import Organization
from startup_street.programs.models import Call
from startup_street.spaces.forms import BookingForm, PlanDecisionForm
from startup_street.spaces.models import OpeningHours
from tests.factories import make_member, make_organization, make_user


def _label(model, field: str, language: str) -> str:
    with translation.override(language):
        return str(model._meta.get_field(field).verbose_name)


@pytest.mark.parametrize(
    ("language", "hours_from", "state_from"),
    [("ko", "시작 시각", "이전 상태"), ("zh-hans", "开始时间", "原状态")],
)
def test_from_on_mentor_hours_is_a_time_not_a_previous_state(language, hours_from, state_from):
    with translation.override(language):
        page = AvailabilityFormSet().as_div()
    assert hours_from in page
    assert state_from not in page
    assert _label(StatusChange, "from_status", language) == state_from


@pytest.mark.parametrize(
    ("language", "person", "organisation"),
    [("zh-hans", "姓名", "机构名称"), ("ko", "이름", "기관명")],
)
def test_name_of_a_person_differs_from_name_of_an_organisation(language, person, organisation):
    from startup_street.accounts.models import User

    assert _label(User, "display_name", language) == person
    assert _label(Organization, "name", language) == organisation


@pytest.mark.django_db
def test_member_list_heads_the_people_column_with_a_persons_name(client):
    admin = make_user(preferred_language="zh-hans")
    organization = make_organization()
    make_member(organization, admin)
    client.force_login(admin)
    page = client.get(reverse("organizations:members", args=[organization.slug]))
    assert "<th>姓名</th>" in page.content.decode()


@pytest.mark.parametrize(
    ("language", "decision", "plan_refusal"),
    [("ko", "미선정", "거절"), ("zh-hans", "不予入选", "拒绝")],
)
def test_reject_an_application_and_reject_a_plan_read_differently(language, decision, plan_refusal):
    with translation.override(language):
        decisions = DecisionForm().as_div()
        plan = str(dict(PlanDecisionForm.base_fields["approve"].choices)["no"])
    assert decision in decisions and plan_refusal not in decisions
    assert plan == plan_refusal


@pytest.mark.parametrize(("language", "call_opens"), [("ko", "접수 시작"), ("zh-hans", "开始时间")])
def test_a_space_opens_at_an_hour_not_for_applications(language, call_opens):
    assert _label(Call, "opens_at", language) == call_opens
    assert _label(OpeningHours, "opens", language) != call_opens


@pytest.mark.parametrize(("language", "start"), [("ko", "시작 시각"), ("zh-hans", "开始时间")])
def test_booking_form_asks_for_a_start_time_not_a_start_date(language, start):
    with translation.override(language):
        label = str(BookingForm.base_fields["start"].label)
    assert label == start
