from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from startup_street.organizations.models import Invitation, Membership
from tests.factories import make_organization, make_user

pytestmark = pytest.mark.django_db


def test_list_and_detail_are_public(client, organization):
    assert client.get(reverse("organizations:list")).status_code == 200
    response = client.get(reverse("organizations:detail", args=[organization.slug]))
    assert response.status_code == 200
    assert "Organisation" in response.content.decode()


def test_inactive_organization_is_404(client):
    org = make_organization(is_active=False)
    assert client.get(reverse("organizations:detail", args=[org.slug])).status_code == 404


def test_list_query_count_is_constant(client, django_assert_max_num_queries):
    for _ in range(15):
        make_organization()
    with django_assert_max_num_queries(6):
        client.get(reverse("organizations:list"))


@pytest.mark.parametrize(
    ("who", "status"), [("alice", 200), ("bob", 403), ("charlie", 403), (None, 302)]
)
def test_edit_only_by_org_admin(client, organization, request, who, status):
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("organizations:edit", args=[organization.slug]))
    assert response.status_code == status


def test_edit_invalid_changes_nothing(client, organization, alice):
    client.force_login(alice)
    response = client.post(
        reverse("organizations:edit", args=[organization.slug]),
        {
            "name_ko": "",
            "name_zh-hans": "",
            "name_en": "",
            "kind": "nonsense",
            "city": "",
            "country": "KR",
        },
    )
    assert response.status_code == 200
    assert {"name", "kind", "city"} <= set(response.context["form"].errors)
    organization.refresh_from_db()
    assert organization.kind == "incubator"


def test_edit_by_admin_saves(client, organization, alice):
    client.force_login(alice)
    data = {
        "name_ko": "서울 허브",
        "name_zh-hans": "首尔中心",
        "name_en": "Seoul Hub",
        "description_ko": "",
        "description_zh-hans": "",
        "description_en": "",
        "original_language": "ko",
        "kind": "accelerator",
        "city": "Seoul",
        "country": "KR",
        "time_zone": "Asia/Seoul",
        "website": "",
    }
    response = client.post(reverse("organizations:edit", args=[organization.slug]), data)
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name == {"ko": "서울 허브", "zh-hans": "首尔中心", "en": "Seoul Hub"}
    assert organization.kind == "accelerator"


@pytest.mark.parametrize(("who", "status"), [("alice", 200), ("bob", 403), ("charlie", 403)])
def test_members_page_only_for_admin(client, organization, request, who, status):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("organizations:members", args=[organization.slug]))
    assert response.status_code == status


def _link(message) -> str:
    line = next(line for line in message.body.splitlines() if "/invitations/" in line)
    return line.split("testserver")[1]


def test_invitation_sent_and_accepted_by_invitee(
    client, organization, alice, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("organizations:members", args=[organization.slug]),
            {"email": "Dana@Example.org", "role": "reviewer"},
        )
    assert len(mail.outbox) == 1
    path = _link(mail.outbox[0])
    dana = make_user(email="dana@example.org")
    client.force_login(dana)
    response = client.post(path)
    assert response.status_code == 302
    assert Membership.objects.filter(user=dana, organization=organization, role="reviewer").exists()
    assert client.post(path).status_code == 200  # used: shown as expired, nothing added
    assert Membership.objects.filter(user=dana).count() == 1


def test_invitation_refused_for_other_email(
    client, organization, alice, charlie, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("organizations:members", args=[organization.slug]),
            {"email": "dana@example.org", "role": "admin"},
        )
    client.force_login(charlie)
    client.post(_link(mail.outbox[0]))
    assert not Membership.objects.filter(user=charlie).exists()
    assert Invitation.objects.get().accepted_at is None


def test_invitation_expired_is_refused(
    client, organization, alice, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("organizations:members", args=[organization.slug]),
            {"email": alice.email, "role": "mentor"},
        )
    Invitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    client.post(_link(mail.outbox[0]))
    assert not Membership.objects.filter(user=alice, role="mentor").exists()


def test_invitation_unknown_token_is_404(client, alice):
    client.force_login(alice)
    response = client.get(reverse("organizations:accept_invitation", args=["nope"]))
    assert response.status_code == 404


def test_invite_by_non_admin_sends_nothing(client, organization, bob):
    client.force_login(bob)
    response = client.post(
        reverse("organizations:members", args=[organization.slug]),
        {"email": "x@example.org", "role": "admin"},
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_invite_invalid_email_creates_nothing(client, organization, alice):
    client.force_login(alice)
    response = client.post(
        reverse("organizations:members", args=[organization.slug]),
        {"email": "not an email", "role": "boss"},
    )
    assert {"email", "role"} <= set(response.context["form"].errors)
    assert not Invitation.objects.exists()
