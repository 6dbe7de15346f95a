import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from startup_street.reviews import conflicts, selectors, services
from startup_street.reviews.models import Conflict, Rubric
from tests.factories import make_member, make_startup, make_user, submit_one

pytestmark = pytest.mark.django_db


def test_weighted_total_on_0_to_100(call, criteria, reviewers, alice):
    application = submit_one(call)
    assignment = services.assign_reviewer(
        application=application, reviewer=reviewers[0], actor=alice
    )
    team, market = criteria
    review = services.submit_review(
        assignment=assignment, reviewer=reviewers[0], scores={team.pk: 5, market.pk: 1}
    )
    assert review.total == pytest.approx(66.6667, abs=1e-3)  # (2*1 + 1*0) / 3


@pytest.mark.parametrize("bad", [0, 6, "x", None])
def test_score_outside_scale_changes_nothing(call, criteria, reviewers, alice, bad):
    application = submit_one(call)
    assignment = services.assign_reviewer(
        application=application, reviewer=reviewers[0], actor=alice
    )
    with pytest.raises(ValidationError):
        services.submit_review(
            assignment=assignment,
            reviewer=reviewers[0],
            scores={criteria[0].pk: bad, criteria[1].pk: 3},
        )
    assert not hasattr(assignment, "review") or assignment.review.submitted_at is None


def test_other_reviewer_cannot_submit(call, criteria, reviewers, alice):
    application = submit_one(call)
    assignment = services.assign_reviewer(
        application=application, reviewer=reviewers[0], actor=alice
    )
    with pytest.raises(PermissionDenied):
        services.submit_review(assignment=assignment, reviewer=reviewers[1], scores={})


def test_conflicts_detected_by_team_and_domain(call, organization, reviewers, alice):
    insider = reviewers[0]
    submit_one(call, owner=insider)  # a reviewer who founded an applicant
    colleague = make_user("colleague", email="ceo@review1.kr")  # same company domain as reviewer 1
    submit_one(call, owner=colleague)
    gmail = make_user("gmail", email="someone@gmail.com")
    submit_one(call, owner=gmail)
    conflicts.detect_conflicts(call=call, actor=alice)
    reasons = set(Conflict.objects.values_list("reviewer__email", "reason"))
    assert (insider.email, "same_startup") in reasons
    assert (reviewers[1].email, "email_domain") in reasons
    assert not Conflict.objects.filter(startup__members__user=gmail).exists()


def test_conflicted_manual_assignment_refused(call, reviewers, alice):
    application = submit_one(call)
    Conflict.objects.create(reviewer=reviewers[0], startup=application.startup, reason="investor")
    with pytest.raises(ValidationError):
        services.assign_reviewer(application=application, reviewer=reviewers[0], actor=alice)


def test_non_reviewer_cannot_be_assigned(call, alice, charlie):
    application = submit_one(call)
    with pytest.raises(ValidationError):
        services.assign_reviewer(application=application, reviewer=charlie, actor=alice)


def test_outsider_cannot_assign(call, reviewers, charlie):
    application = submit_one(call)
    with pytest.raises(PermissionDenied):
        services.assign_reviewer(application=application, reviewer=reviewers[0], actor=charlie)


def test_declared_conflict_removes_assignment(call, reviewers, alice, client):
    application = submit_one(call)
    assignment = services.assign_reviewer(
        application=application, reviewer=reviewers[0], actor=alice
    )
    client.force_login(reviewers[0])
    client.post(reverse("reviews:declare_conflict", args=[assignment.pk]), {"note": "advisor"})
    assert Conflict.objects.filter(reviewer=reviewers[0], reason="declared").exists()
    assert not application.review_assignments.exists()


def test_normalisation_puts_harsh_and_lenient_on_one_scale(call, criteria, reviewers, alice):
    a, b = submit_one(call), submit_one(call)
    harsh, lenient = reviewers[0], reviewers[1]
    for reviewer, scores in ((harsh, (2, 1)), (lenient, (5, 4))):
        for application, score in zip((a, b), scores, strict=True):
            assignment = services.assign_reviewer(
                application=application, reviewer=reviewer, actor=alice
            )
            services.submit_review(
                assignment=assignment,
                reviewer=reviewer,
                scores={criteria[0].pk: score, criteria[1].pk: score},
            )
    rows = selectors.ranking(call)
    assert [row["application"] for row in rows] == [a, b]
    assert rows[0]["normalised"] == pytest.approx(1.0)
    assert rows[1]["normalised"] == pytest.approx(-1.0)


@pytest.mark.parametrize("who", ["assigned", "other_reviewer", "founder", "staff_elsewhere"])
def test_review_page_only_for_assigned_reviewer(client, call, criteria, reviewers, alice, who):
    founder = make_user("owner")
    application = submit_one(call, owner=founder)
    assignment = services.assign_reviewer(
        application=application, reviewer=reviewers[0], actor=alice
    )
    elsewhere = make_user("elsewhere")
    other_org = make_startup(elsewhere)  # noqa: F841 - a user with unrelated standing
    users = {
        "assigned": reviewers[0],
        "other_reviewer": reviewers[1],
        "founder": founder,
        "staff_elsewhere": elsewhere,
    }
    client.force_login(users[who])
    response = client.get(reverse("reviews:detail", args=[assignment.pk]))
    assert response.status_code == (200 if who == "assigned" else 404)


def test_blind_review_hides_identity(client, call, criteria, reviewers, alice):
    Rubric.objects.filter(call=call).update(blind=True)
    application = submit_one(call)
    application.startup.name = "Secret Robotics"
    application.startup.save()
    assignment = services.assign_reviewer(
        application=application, reviewer=reviewers[0], actor=alice
    )
    client.force_login(reviewers[0])
    body = client.get(reverse("reviews:detail", args=[assignment.pk])).content.decode()
    body += client.get(reverse("reviews:mine")).content.decode()
    assert "Secret Robotics" not in body and "Robots" in body


@pytest.mark.parametrize(("who", "status"), [("alice", 200), ("bob", 200), ("charlie", 403)])
def test_manage_page_staff_only(client, call, request, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("reviews:manage", args=[call.pk])).status_code == status


def test_reviewer_of_other_org_not_in_pool(call, charlie):
    from tests.factories import make_organization

    make_member(make_organization(), charlie, "reviewer")
    assert charlie not in selectors.reviewer_pool(call)
