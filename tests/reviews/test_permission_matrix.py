"""Every door of applications, reviews and decisions, web and API, for every kind of visitor.

The visitors: the applicant's founder, another applicant's founder, the assigned reviewer, a
reviewer of the organisation not assigned, a reviewer with a conflict of interest, staff of
another organisation, a city analyst, a reviewer who was assigned and then removed from the
organisation, and (the control) the call's own staff. Each answers what
the README promises: 404 for what one may not see, 403 for what one may see but not change; and
no answer carries another startup's application or, in blind review, a reviewer's identity.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from startup_street.applications import services as applications
from startup_street.applications.models import Application, Question
from startup_street.decisions import services as decision_services
from startup_street.organizations.services import remove_member
from startup_street.reviews import conflicts, services
from startup_street.reviews.models import Conflict, Review, ReviewAssignment, Rubric
from tests.factories import (
    bearer,
    make_call,
    make_member,
    make_organization,
    make_program,
    make_startup,
    make_user,
)

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n%%EOF\n"
VISITORS = [
    "founder",
    "other_founder",
    "assigned",
    "unassigned",
    "conflicted",
    "other_staff",
    "analyst",
    "removed",
    "staff",
]


@pytest.fixture
def world(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    org = make_organization(slug="robot-cluster")
    people = {name: make_user(name.replace("_", "-")) for name in VISITORS}
    people["analyst"].is_city_analyst = True
    people["analyst"].save()
    make_member(org, people["staff"], "program_manager")
    for name in ("assigned", "unassigned", "conflicted", "removed"):
        make_member(org, people[name], "reviewer")
    make_member(make_organization(), people["other_staff"], "admin")
    call = make_call(make_program(org), seats=2)
    form = applications.form_for(call)
    pitch = Question.objects.create(form=form, kind="short_text", label={"en": "Pitch"})
    deck = Question.objects.create(form=form, kind="file", label={"en": "Deck"})
    mine = _apply(call, people["founder"], "Secret Robotics", "Shelf robots", pitch, deck)
    theirs = _apply(call, people["other_founder"], "Rival Drones", "Drone mail", pitch, deck)
    staff = people["staff"]
    criterion = services.add_criterion(
        call=call, actor=staff, label={"en": "Team"}, weight=1, scale_min=1, scale_max=5
    )
    Rubric.objects.filter(call=call).update(blind=True, phase="discussion")
    conflicts.record_stake(
        startup=mine.startup, actor=staff, kind="investor", person=people["conflicted"]
    )
    assignment = services.assign_reviewer(
        application=mine, reviewer=people["assigned"], actor=staff
    )
    services.assign_reviewer(application=theirs, reviewer=people["unassigned"], actor=staff)
    departed = services.assign_reviewer(application=mine, reviewer=people["removed"], actor=staff)
    remove_member(
        membership=org.memberships.get(user=people["removed"]),
        actor=make_user("root", is_superuser=True),
    )
    services.assign_reviewer(application=theirs, reviewer=people["conflicted"], actor=staff)
    return {
        "people": people,
        "call": call,
        "application": mine,
        "theirs": theirs,
        "assignment": assignment,
        "departed": departed,
        "attachment": mine.attachments.get(),
        "criterion": criterion,
        "pitch": pitch,
    }


def _apply(call, founder, name, answer, pitch, deck):
    startup = make_startup(founder, name=name)
    application = applications.start_application(call=call, startup=startup, user=founder)
    applications.save_answers(application=application, user=founder, data={str(pitch.pk): answer})
    upload = SimpleUploadedFile("deck.pdf", PDF, content_type="application/pdf")
    applications.attach_file(application=application, question=deck, user=founder, upload=upload)
    return applications.submit_application(application=application, user=founder)


def _assignment_for(w, who):
    """The removed reviewer knocks on the doors of their own (former) assignment."""
    return w["departed"] if who == "removed" else w["assignment"]


def _web_doors(w, who=None):
    a, c, r = w["application"], w["call"], _assignment_for(w, who)
    score = {f"score_{w['criterion'].pk}": 4}
    return {
        "application page": ("get", reverse("applications:detail", args=[a.pk]), {}),
        "withdraw": ("post", reverse("applications:withdraw", args=[a.pk]), {}),
        "decide": ("post", reverse("decisions:decide", args=[a.pk]), {"decision": "rejected"}),
        "download": (
            "get",
            reverse("applications:download", args=[a.pk, w["attachment"].pk]),
            {},
        ),
        "call export": ("get", reverse("applications:call_applications", args=[c.pk]), {}),
        "review page": ("get", reverse("reviews:detail", args=[r.pk]), {}),
        "score": ("post", reverse("reviews:detail", args=[r.pk]), score),
        "review attachment": (
            "get",
            reverse("reviews:attachment", args=[r.pk, w["attachment"].pk]),
            {},
        ),
        "declare conflict": ("post", reverse("reviews:declare_conflict", args=[r.pk]), {}),
        "manage review": ("get", reverse("reviews:manage", args=[c.pk]), {}),
        "decisions": ("get", reverse("decisions:decisions", args=[c.pk]), {}),
        "review export": ("get", reverse("reviews:export", args=[c.pk]), {}),
        "history": ("get", reverse("reviews:history", args=[a.pk]), {}),
        "bulk decide": (
            "post",
            reverse("decisions:decide_many", args=[c.pk]),
            {"applications": [a.pk], "decision": "rejected"},
        ),
        "assign": (
            "post",
            reverse("reviews:assign", args=[c.pk]),
            {"application": a.pk, "reviewer": w["people"]["unassigned"].pk},
        ),
        "release decisions": ("post", reverse("decisions:release", args=[c.pk]), {"confirm": "on"}),
    }


TEAM, STAFF, ASSIGNED = {"founder"}, {"staff"}, {"assigned"}
# door: (who gets through and with what, what the team gets when it may see but not act)
WEB = {
    "application page": ({"founder": 200, "staff": 200}, None),
    "withdraw": ({"founder": 302, "staff": 403}, None),
    "decide": ({"staff": 302, "founder": 403}, None),
    "download": ({"founder": 200, "staff": 200}, None),
    "call export": ({"staff": 200}, 403),
    "review page": ({"assigned": 200}, None),
    "score": ({"assigned": 302}, None),
    "review attachment": ({"assigned": 200}, None),
    "declare conflict": ({"assigned": 302}, None),
    "manage review": ({"staff": 200}, 403),
    "decisions": ({"staff": 200}, 403),
    "review export": ({"staff": 200}, 403),
    "history": ({"staff": 200, "founder": 403}, None),
    "bulk decide": ({"staff": 302}, 403),
    "assign": ({"staff": 302}, 403),
    "release decisions": ({"staff": 302}, 403),
}


def _expected(table, door, who):
    allowed, others = table[door]
    return allowed.get(who, others or 404)


@pytest.mark.parametrize("who", VISITORS)
@pytest.mark.parametrize("door", list(WEB))
def test_web_door(client, world, door, who):
    method, url, data = _web_doors(world, who)[door]
    client.force_login(world["people"][who])
    response = getattr(client, method)(url, data)
    assert response.status_code == _expected(WEB, door, who)
    if response.status_code >= 400:
        _assert_unchanged(world)


def _api_doors(w, who=None):
    a, c, r = w["application"], w["call"], _assignment_for(w, who)
    return {
        "application": ("get", f"/api/v1/applications/{a.pk}", None),
        "answers": ("patch", f"/api/v1/applications/{a.pk}/answers", {"answers": {}}),
        "withdraw": ("post", f"/api/v1/applications/{a.pk}/withdraw", None),
        "decision": ("post", f"/api/v1/applications/{a.pk}/decision", {"decision": "rejected"}),
        "history": ("get", f"/api/v1/applications/{a.pk}/history", None),
        "call decisions": ("get", f"/api/v1/applications/calls/{c.pk}/decisions", None),
        "bulk decisions": (
            "post",
            "/api/v1/applications/decisions",
            {"call": c.pk, "applications": [a.pk], "decision": "rejected"},
        ),
        "assignment": ("get", f"/api/v1/reviews/assignments/{r.pk}", None),
        "review": (
            "put",
            f"/api/v1/reviews/assignments/{r.pk}/review",
            {"scores": {str(w["criterion"].pk): 4}},
        ),
        "ranking": ("get", f"/api/v1/reviews/calls/{c.pk}/ranking", None),
        "call reviews": ("get", f"/api/v1/reviews/calls/{c.pk}/reviews", None),
        "rubric": ("patch", f"/api/v1/reviews/calls/{c.pk}/rubric", {"blind": False}),
        "release decisions": (
            "post",
            f"/api/v1/applications/calls/{c.pk}/decisions/release",
            None,
        ),
    }


API = {
    "application": ({"founder": 200, "staff": 200}, None),
    "answers": ({"founder": 200, "staff": 403}, None),
    "withdraw": ({"founder": 200, "staff": 403}, None),
    "decision": ({"staff": 200, "founder": 403}, None),
    "history": ({"staff": 200, "founder": 403}, None),
    "call decisions": ({"staff": 200}, 403),
    "bulk decisions": ({"staff": 200}, 403),
    "assignment": ({"assigned": 200}, None),
    "review": ({"assigned": 200}, None),
    "ranking": ({"staff": 200}, 403),
    "call reviews": ({"staff": 200}, 403),
    "rubric": ({"staff": 200}, 403),
    "release decisions": ({"staff": 200}, 403),
}


@pytest.mark.parametrize("who", VISITORS)
@pytest.mark.parametrize("door", list(API))
def test_api_door(client, world, door, who):
    method, url, body = _api_doors(world, who)[door]
    kwargs = {"content_type": "application/json"} if body is not None else {}
    response = getattr(client, method)(url, body, **kwargs, **bearer(world["people"][who]))
    assert response.status_code == _expected(API, door, who)
    if response.status_code >= 400:
        _assert_unchanged(world)


def _assert_unchanged(w):
    application = Application.objects.get(pk=w["application"].pk)
    assert application.status == "submitted"
    assert application.answers.get(question=w["pitch"]).value == "Shelf robots"
    assert ReviewAssignment.objects.filter(application=application).count() == 2  # + removed
    assert not Review.objects.exists()
    assert not Conflict.objects.filter(reason="declared").exists()
    assert Rubric.objects.get(call=w["call"]).blind


def _everything_seen_by(client, w, who) -> str:
    """Every page and answer the visitor can reach, concatenated."""
    user = w["people"][who]
    client.force_login(user)
    seen = []
    for method, url, _data in _web_doors(w, who).values():
        if method == "get":
            response = client.get(url)
            if response.status_code == 200 and "text/html" in response["Content-Type"]:
                seen.append(response.content.decode())
    for url in (
        reverse("applications:mine"),
        reverse("reviews:mine"),
        reverse("applications:detail", args=[w["theirs"].pk]),
    ):
        seen.append(client.get(url).content.decode())
    for method, url, _body in _api_doors(w, who).values():
        if method == "get":
            seen.append(client.get(url, **bearer(user)).content.decode())
    for url in ("/api/v1/applications", "/api/v1/reviews/assignments"):
        seen.append(client.get(url, **bearer(user)).content.decode())
    return "\n".join(seen)


@pytest.mark.parametrize("who", [v for v in VISITORS if v != "staff"])
def test_nobody_but_staff_sees_who_reviewed_in_blind_review(client, world, who):
    services.submit_review(
        assignment=world["assignment"],
        reviewer=world["people"]["assigned"],
        scores={world["criterion"].pk: 4},
        comment_to_applicant="Keep going",
    )
    decision_services.decide_application(
        application=world["application"], actor=world["people"]["staff"], decision="rejected"
    )
    seen = _everything_seen_by(client, world, who)
    assigned = world["people"]["assigned"]
    if who != "assigned":
        assert assigned.email not in seen and assigned.display_name not in seen
    if who == "founder":
        assert "Keep going" in seen  # the comment reaches the applicant, without a name


@pytest.mark.parametrize("who", [v for v in VISITORS if v not in {"founder", "staff"}])
def test_nobody_else_sees_the_application(client, world, who):
    seen = _everything_seen_by(client, world, who)
    assert "Secret Robotics" not in seen  # blind review: not even its reviewer knows who it is
    assert ("Shelf robots" in seen) == (who == "assigned")  # its answers reach its reviewer only


def _dead_token(user, how):
    from datetime import timedelta

    from django.utils import timezone

    from startup_street.accounts.models import ApiToken
    from startup_street.accounts.services import create_api_token, revoke_api_token

    token, raw = create_api_token(user=user, name=how)
    if how == "expired":
        ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(1))
    elif how == "revoked":
        revoke_api_token(token=token)
    else:  # the password changed after the token was made
        user.set_password("a-brand-new-passphrase")
        user.save()
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.mark.parametrize("how", ["expired", "revoked", "password changed"])
@pytest.mark.parametrize("who", ["staff", "assigned", "founder"])
@pytest.mark.parametrize("door", list(API))
def test_api_door_refuses_a_dead_token(client, world, door, who, how):
    """Even the visitors each door lets through are refused with a token that has ended."""
    method, url, body = _api_doors(world, who)[door]
    kwargs = {"content_type": "application/json"} if body is not None else {}
    auth = _dead_token(world["people"][who], how)
    response = getattr(client, method)(url, body, **kwargs, **auth)
    assert response.status_code == 401
    _assert_unchanged(world)
