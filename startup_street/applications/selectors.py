from django.db.models import Q, QuerySet

from startup_street.core.models import ActivityLog
from startup_street.organizations.enums import STAFF_ROLES

from .models import Application, Question


def applications_visible_to(user) -> QuerySet[Application]:
    """The user's own startups' applications and those sent to calls their organisation runs."""
    qs = Application.objects.select_related("call__program__organization", "startup")
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser:
        return qs
    own = Q(startup__members__user=user)
    staffed = Q(
        call__program__organization__memberships__user=user,
        call__program__organization__memberships__role__in=STAFF_ROLES,
    )
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
                *[_cell(answers.get(question.pk)) for question in questions],
            ]
        )
    return header, rows


def _cell(value):
    return "" if value is None else value if isinstance(value, int | float) else str(value)


def history_of(application: Application) -> QuerySet[ActivityLog]:
    """Everything recorded about the application, for its call's staff."""
    return ActivityLog.objects.filter(
        target_type=Application._meta.label_lower, target_id=str(application.pk)
    ).select_related("actor")
