from django.db.models import DurationField, ExpressionWrapper, F, Q, QuerySet, Sum

from .models import MentoringSession, Mentorship


def mentorships_of(user) -> QuerySet[Mentorship]:
    """The mentorships a user is part of, as mentor or as a member of the startup's team."""
    if not user.is_authenticated:
        return Mentorship.objects.none()
    return (
        Mentorship.objects.filter(Q(mentor__user=user) | Q(startup__members__user=user))
        .select_related("mentor__user", "startup")
        .distinct()
    )


def held_hours(organization=None) -> float:
    """Mentoring hours held (for the dashboard), optionally for one organisation's mentors."""
    sessions = MentoringSession.objects.filter(status=MentoringSession.Status.DONE)
    if organization is not None:
        sessions = sessions.filter(mentorship__mentor__organization=organization)
    length = ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())
    total = sessions.aggregate(total=Sum(length))["total"]
    return round(total.total_seconds() / 3600, 2) if total else 0.0
