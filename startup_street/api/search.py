from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import Router, Schema

from startup_street.search.selectors import can_search_people, search_people

from .auth import SIGNED_IN
from .schemas import ErrorOut

router = Router(tags=["search"], auth=SIGNED_IN)


class StartupHitOut(Schema):
    slug: str
    name: str
    city: str
    stage: str


class MentorHitOut(Schema):
    id: int
    name: str
    languages: list[str]


class PeopleOut(Schema):
    startups: list[StartupHitOut]
    mentors: list[MentorHitOut]


@router.get("/people", response={200: PeopleOut, 403: ErrorOut})
def people(request, q: str = ""):
    """Startups and mentors for a query in any language (organisation staff and admins)."""
    if not can_search_people(request.auth):
        raise PermissionDenied(_("Only organisation staff can search startups and mentors."))
    found = search_people(request.auth, q[:1000])
    return {
        "startups": [
            {"slug": s.slug, "name": s.name, "city": s.city, "stage": s.stage}
            for s in found.startups
        ],
        "mentors": [
            {"id": m.pk, "name": m.user.display_name, "languages": m.languages}
            for m in found.mentors
        ],
    }
