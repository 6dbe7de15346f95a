from django.db.models import Q, QuerySet

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
