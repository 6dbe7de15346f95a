import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from startup_street.organizations.models import Membership
from startup_street.reviews import services as review_services
from tests.factories import bearer, make_member, make_user, submit_one

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(organization):
    person = make_user("rita")
    make_member(organization, person, "reviewer")
    return person


def _membership(organization, user):
    return Membership.objects.get(organization=organization, user=user)


def test_admin_removes_member_on_the_members_page(client, organization, alice, reviewer):
    client.force_login(alice)
    page = client.get(reverse("organizations:members", args=[organization.slug]))
    membership = _membership(organization, reviewer)
    url = reverse("organizations:remove_member", args=[organization.slug, membership.pk])
    assert url in page.content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()


@pytest.mark.parametrize("who", ["bob", "charlie", "reviewer"])
def test_only_admins_remove_members_on_the_web(client, organization, bob, charlie, reviewer, who):
    visitor = {"bob": bob, "charlie": charlie, "reviewer": reviewer}[who]
    membership = _membership(organization, reviewer)
    client.force_login(visitor)
    url = reverse("organizations:remove_member", args=[organization.slug, membership.pk])
    assert client.post(url).status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_the_last_admin_is_not_removed(client, organization, alice):
    membership = _membership(organization, alice)
    client.force_login(alice)
    url = reverse("organizations:remove_member", args=[organization.slug, membership.pk])
    response = client.post(url, follow=True)
    assert "at least one administrator" in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_api_lists_and_removes_members(client, organization, alice, reviewer):
    auth = bearer(alice)
    listed = client.get(f"/api/v1/organizations/{organization.slug}/members", **auth).json()
    membership = _membership(organization, reviewer)
    assert membership.pk in {row["id"] for row in listed}
    url = f"/api/v1/organizations/{organization.slug}/members/{membership.pk}"
    assert client.delete(url, **auth).status_code == 204
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert client.delete(url, **auth).status_code == 404


@pytest.mark.parametrize(("who", "status"), [("bob", 403), ("charlie", 403), ("reviewer", 403)])
def test_api_refuses_removal_to_non_admins(
    client, organization, bob, charlie, reviewer, who, status
):
    visitor = {"bob": bob, "charlie": charlie, "reviewer": reviewer}[who]
    membership = _membership(organization, reviewer)
    url = f"/api/v1/organizations/{organization.slug}/members/{membership.pk}"
    assert client.delete(url, **bearer(visitor)).status_code == status
    listed = client.get(f"/api/v1/organizations/{organization.slug}/members", **bearer(visitor))
    assert listed.status_code == status
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_api_refuses_removing_the_last_admin(client, organization, alice):
    membership = _membership(organization, alice)
    url = f"/api/v1/organizations/{organization.slug}/members/{membership.pk}"
    response = client.delete(url, **bearer(alice))
    assert response.status_code == 422
    assert Membership.objects.filter(pk=membership.pk).exists()


@pytest.fixture
def assignment(organization, alice, reviewer):
    from tests.factories import make_call, make_program

    call = make_call(make_program(organization), seats=3)
    review_services.add_criterion(
        call=call, actor=alice, label={"en": "Team"}, weight=1, scale_min=1, scale_max=5
    )
    application = submit_one(call)
    return review_services.assign_reviewer(application=application, reviewer=reviewer, actor=alice)


def test_removed_reviewer_can_no_longer_score_through_the_service(
    organization, alice, reviewer, assignment
):
    from startup_street.organizations.services import remove_member

    remove_member(membership=_membership(organization, reviewer), actor=alice)
    criterion = assignment.application.call.rubric.criteria.get()
    with pytest.raises(PermissionDenied):
        review_services.submit_review(
            assignment=assignment, reviewer=reviewer, scores={criterion.pk: 3}
        )
    assert not hasattr(assignment, "review") or assignment.review is None


def test_removed_staff_loses_the_application_at_once(client, organization, alice, bob, assignment):
    application = assignment.application
    client.force_login(bob)
    url = reverse("applications:detail", args=[application.pk])
    assert client.get(url).status_code == 200
    client.force_login(alice)
    membership = _membership(organization, bob)
    client.post(reverse("organizations:remove_member", args=[organization.slug, membership.pk]))
    client.force_login(bob)
    assert client.get(url).status_code == 404
    assert client.get(f"/api/v1/applications/{application.pk}", **bearer(bob)).status_code == 404


def test_auto_assign_replaces_a_removed_reviewers_open_assignment(
    organization, alice, reviewer, assignment
):
    from startup_street.organizations.services import remove_member
    from startup_street.reviews.assignment import auto_assign

    newcomer = make_user("nina")
    make_member(organization, newcomer, "reviewer")
    remove_member(membership=_membership(organization, reviewer), actor=alice)
    auto_assign(call=assignment.application.call, actor=alice)
    reviewers = set(assignment.application.review_assignments.values_list("reviewer", flat=True))
    assert newcomer.pk in reviewers
