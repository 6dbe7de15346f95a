from django.db.models import Exists, OuterRef, Q, QuerySet, Value

from .enums import MemberRole
from .models import Startup, StartupMember


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


def with_edit_right_for(qs: QuerySet[Startup], user) -> QuerySet[Startup]:
    """Each startup marked ``editable`` when ``user`` may edit it (``startups.change_startup``:
    its owner or a platform admin), read in the same query as the list."""
    if not user.is_authenticated:
        return qs.annotate(editable=Value(False))
    if user.is_superuser:
        return qs.annotate(editable=Value(True))
    owners = StartupMember.objects.filter(startup=OuterRef("pk"), user=user, role=MemberRole.OWNER)
    return qs.annotate(editable=Exists(owners))
