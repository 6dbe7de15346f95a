"""The home page shows each role its own work, and the navigation only the role's doors."""

import pytest
from django.urls import reverse

from startup_street.navigation import roles_of

from .. import factories


@pytest.fixture
def call(organization):
    program = factories.make_program(organization, slug="robot-testbed")
    return factories.make_call(program, closes_in_days=4.5)


@pytest.mark.django_db
def test_anonymous_home_shows_the_catalogue_and_no_personal_section(client, call):
    page = client.get(reverse("core:home")).content.decode()
    assert "Closing soon" in page and "robot-testbed" in page
    assert 'id="founder"' not in page and 'id="staff"' not in page
    assert f'href="{reverse("reviews:mine")}"' not in page


@pytest.mark.django_db
def test_staff_home_lists_their_calls_with_one_click_links(client_for, alice, call):
    page = client_for(alice).get(reverse("core:home")).content.decode()
    assert 'id="staff"' in page
    for name in ("applications:form_builder", "reviews:manage", "decisions:decisions"):
        assert reverse(name, args=[call.pk]) in page
    assert reverse("mentoring:match", args=["seoul-hub"]) in page
    assert "Create a startup profile" not in page  # staff are not told to found a startup
    assert f'href="{reverse("reviews:mine")}"' not in page  # nor shown a reviewer's queue


@pytest.mark.django_db
def test_founder_home_shows_drafts_with_days_left(client_for, charlie, call):
    from startup_street.applications.services import start_application

    startup = factories.make_startup(charlie, name="Gridlight", slug="gridlight")
    start_application(call=call, startup=startup, user=charlie)
    page = client_for(charlie).get(reverse("core:home")).content.decode()
    assert 'id="founder"' in page and "Continue the draft" in page
    assert "D-4" in page or "D-5" in page
    assert reverse("applications:mine") in page  # the founder's navigation
    assert 'id="staff"' not in page


@pytest.mark.django_db
def test_someone_with_no_role_is_shown_where_to_start(client_for, charlie):
    page = client_for(charlie).get(reverse("core:home")).content.decode()
    assert "Start here" in page
    assert f'href="{reverse("applications:mine")}"' not in page


@pytest.mark.django_db
def test_roles_end_with_the_membership(alice, organization):
    assert roles_of(alice).staff
    organization.memberships.filter(user=alice).delete()
    assert not roles_of(alice).staff


@pytest.mark.django_db
def test_roles_are_read_in_one_query(alice, organization, django_assert_num_queries):
    with django_assert_num_queries(1):
        roles_of(alice)


@pytest.mark.django_db
def test_program_page_offers_the_application_instead_of_apply_once_applied(
    client_for, charlie, call
):
    from startup_street.applications.services import start_application

    startup = factories.make_startup(charlie, name="Gridlight", slug="gridlight")
    client = client_for(charlie)
    page = client.get(reverse("programs:detail", args=["robot-testbed"])).content.decode()
    assert reverse("applications:apply", args=[call.pk]) in page
    application = start_application(call=call, startup=startup, user=charlie)
    page = client.get(reverse("programs:detail", args=["robot-testbed"])).content.decode()
    assert reverse("applications:apply", args=[call.pk]) not in page
    assert reverse("applications:detail", args=[application.pk]) in page


@pytest.mark.django_db
def test_staff_home_counts_recent_calls_and_leaves_out_long_closed_ones(client_for, alice, call):
    old = factories.make_call(call.program, opens_in_days=-260, closes_in_days=-200)
    recent = factories.make_call(call.program, opens_in_days=-60, closes_in_days=-30)
    factories.submit_one(call, factories.make_user("dana"))
    factories.submit_one(call, factories.make_user("erin"))
    response = client_for(alice).get(reverse("core:home"))
    shown = {c.pk: c for c in response.context["staff_calls"]}
    assert set(shown) == {call.pk, recent.pk} and old.pk not in shown
    assert (shown[call.pk].submitted, shown[call.pk].drafts) == (2, 0)
    assert shown[recent.pk].submitted == 0
