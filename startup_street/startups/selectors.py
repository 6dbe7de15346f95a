from django.db.models import Q, QuerySet

from .models import Startup


def startups_visible_to(user) -> QuerySet[Startup]:
    """Public profiles for everyone; unlisted ones for their own team and platform admins."""
    qs = Startup.objects.all()
    if user.is_authenticated and user.is_superuser:
        return qs
    if user.is_authenticated:
        return qs.filter(Q(is_public=True) | Q(members__user=user)).distinct()
    return qs.filter(is_public=True)


def startups_of(user) -> QuerySet[Startup]:
    if not user.is_authenticated:
        return Startup.objects.none()
    return Startup.objects.filter(members__user=user)


def with_listing_data(qs: QuerySet[Startup]) -> QuerySet[Startup]:
    return qs.prefetch_related("sectors")
