from django.db.models import Count, Q, QuerySet

from startup_street.organizations.enums import STAFF_ROLES

from .answers import answer_text
from .enums import DECIDED, Status
from .models import Application, Question


def applications_visible_to(user) -> QuerySet[Application]:
    """The user's own startups' applications and those sent (not drafts) to calls their
    organisation runs."""
    qs = Application.objects.select_related("call__program__organization", "startup")
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser:
        return qs.filter(Q(startup__members__user=user) | ~Q(status=Status.DRAFT)).distinct()
    own = Q(startup__members__user=user)
    staffed = Q(
        call__program__organization__memberships__user=user,
        call__program__organization__memberships__role__in=STAFF_ROLES,
    ) & ~Q(status=Status.DRAFT)  # a draft is its team's alone until it is submitted
    return qs.filter(own | staffed).distinct()


def applications_of(user) -> QuerySet[Application]:
    return Application.objects.select_related("call__program", "startup").filter(
        startup__members__user=user
    )


def applications_to_call(call) -> QuerySet[Application]:
    return call.applications.select_related("startup").exclude(status="draft").order_by("status")


def questions_of(call) -> QuerySet[Question]:
    return Question.objects.filter(form__call=call).order_by("position", "pk")


def answers_by_question(application: Application) -> dict[int, object]:
    return dict(application.answers.values_list("question_id", "value"))


def export_rows(call, applications) -> tuple[list[str], list[list]]:
    """One row per application: status, dates (UTC ISO), each answer, mean review score."""
    questions = list(questions_of(call))
    applications = list(applications.prefetch_related("answers"))
    totals = {}
    for application_id, total in call.applications.filter(
        review_assignments__review__submitted_at__isnull=False
    ).values_list("pk", "review_assignments__review__total"):
        totals.setdefault(application_id, []).append(total)
    header = ["id", "startup", "status", "submitted_at_utc", "reviews", "mean_score"]
    header += [str(question) for question in questions]
    rows = []
    for application in applications:
        answers = {answer.question_id: answer.value for answer in application.answers.all()}
        scores = totals.get(application.pk, [])
        rows.append(
            [
                application.pk,
                application.startup.name,
                application.status,
                application.submitted_at.isoformat() if application.submitted_at else "",
                len(scores),
                round(sum(scores) / len(scores), 2) if scores else "",
                *[_cell(question, answers.get(question.pk)) for question in questions],
            ]
        )
    return header, rows


def _cell(question, value):
    """Numbers stay numbers; a choice reads as its option's label."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return answer_text(question, value)


def feedback_for(application: Application) -> list[str]:
    """Reviewers' comments to the applicant, once the application is decided; never their names.

    Read through the reverse relations reviews adds to an application, as ``export_rows`` does,
    so that applications imports nothing from reviews.
    """
    if application.status not in DECIDED:
        return []
    comments = application.review_assignments.filter(
        review__submitted_at__isnull=False
    ).values_list("review__comment_to_applicant", flat=True)
    return [comment for comment in comments.order_by("review__submitted_at") if comment.strip()]


def seat_summary(call, *, applications=None, field: str = "status") -> dict[str, int | None]:
    """How many applications of the call are in each status, and the seats left.

    ``applications`` and ``field``: where the status is read, when the caller counts another one
    than the status teams see (the call's staff count pending decisions)."""
    applications = call.applications.all() if applications is None else applications
    counts = dict(applications.order_by().values_list(field).annotate(n=Count("pk")))
    accepted = counts.get(Status.ACCEPTED, 0)
    return {
        "counts": {status: counts.get(status, 0) for status in Status.values},
        "seats": call.seats,
        "left": None if call.seats is None else max(call.seats - accepted, 0),
    }
