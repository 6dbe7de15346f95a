from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query, Router
from ninja.openapi.schema import OpenAPISchema
from ninja.pagination import paginate

from startup_street.core.i18n import normalise_language
from startup_street.core.models import Sector
from startup_street.organizations.selectors import organizations_visible_to
from startup_street.programs import selectors as program_selectors
from startup_street.programs.discovery import find_programs
from startup_street.startups import services as startup_services
from startup_street.startups.selectors import (
    startups_visible_to,
    with_edit_right_for,
    with_listing_data,
)

from . import errors
from .applications import router as application_router
from .auth import ANYONE, SIGNED_IN, anonymous
from .events import router as events_router
from .filters import valid_filter_form
from .indicators import router as indicator_router
from .memberships import router as membership_router
from .mentoring import router as mentoring_router
from .pagination import PageNumberPagination
from .reviews import router as review_router
from .saved_searches import router as saved_search_router
from .schemas import (
    STARTUP_NULLABLE,
    CallOut,
    ErrorOut,
    FacetOut,
    FieldErrorsOut,
    MeOut,
    OrganizationOut,
    ProgramDetailOut,
    ProgramFiltersIn,
    ProgramOut,
    StartupOut,
    StartupPatch,
)
from .search import router as search_router
from .spaces import bookings as booking_router
from .spaces import entitlements as entitlement_router
from .spaces import spaces as space_router


class StreetSchema(OpenAPISchema):
    def operation_security(self, operation):
        """An operation open to anyone lists the empty requirement beside the token and the
        session: signing in is optional there (it may show more, such as one's own drafts)."""
        security = super().operation_security(operation)
        if security and anonymous in operation.auth_callbacks:
            security.append({})
        return security


class StreetAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return errors.declare_error_responses(StreetSchema(self, path_prefix))


api = StreetAPI(
    title="Startup Street API",
    version="1",
    description="Programs, calls, organisations and startups of a city's startup street.",
    urls_namespace="api",
    auth=ANYONE,
)
errors.install(api)
NOT_FOUND = {404: ErrorOut}


@api.get("/me", response=MeOut, auth=SIGNED_IN, tags=["accounts"])
def me(request):
    return request.auth


orgs = Router(tags=["organizations"])


@orgs.get("", response=list[OrganizationOut])
@paginate(PageNumberPagination)
def list_organizations(request, kind: str | None = None):
    qs = organizations_visible_to(request.auth)
    return qs.filter(kind=kind) if kind else qs


@orgs.get("/{slug}", response={200: OrganizationOut, **NOT_FOUND})
def get_organization(request, slug: str):
    return get_object_or_404(organizations_visible_to(request.auth), slug=slug)


startups = Router(tags=["startups"])


def _startups_for(user):
    return with_edit_right_for(with_listing_data(startups_visible_to(user)), user)


@startups.get("", response=list[StartupOut])
@paginate(PageNumberPagination)
def list_startups(request, sector: str | None = None, stage: str | None = None):
    qs = _startups_for(request.auth)
    if sector:
        qs = qs.filter(sectors__code=sector)
    if stage:
        qs = qs.filter(stage=stage)
    return qs.order_by("name")


@startups.get("/{slug}", response={200: StartupOut, **NOT_FOUND})
def get_startup(request, slug: str):
    return get_object_or_404(_startups_for(request.auth), slug=slug)


@startups.patch(
    "/{slug}",
    response={200: StartupOut, 403: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut},
    auth=SIGNED_IN,
)
def patch_startup(request, slug: str, payload: StartupPatch):
    startup = get_object_or_404(startups_visible_to(request.auth), slug=slug)
    if not request.auth.has_perm("startups.change_startup", startup):
        raise PermissionDenied
    fields = payload.dict(exclude_unset=True)
    nulls = {name for name, value in fields.items() if value is None} - STARTUP_NULLABLE
    if nulls:
        raise ValidationError({name: [_("This field cannot be empty (null).")] for name in nulls})
    codes = fields.pop("sectors", None)
    sectors = None
    if codes is not None:
        sectors = list(Sector.objects.filter(code__in=codes))
        if len(sectors) != len(set(codes)):
            raise ValidationError({"sectors": [_("Unknown sector.")]})
    startup_services.update_startup(startup=startup, actor=request.auth, sectors=sectors, **fields)
    return _startups_for(request.auth).get(pk=startup.pk)


programs = Router(tags=["programs"])


def _valid_filters(filters: ProgramFiltersIn) -> dict:
    return valid_filter_form(filters).cleaned_data


@programs.get("", response={200: list[ProgramOut], 422: FieldErrorsOut, **NOT_FOUND})
@paginate(PageNumberPagination)
def list_programs(request, filters: Query[ProgramFiltersIn]):
    """Programs best first for ``q`` (any of ko, zh, en), newest first without it, narrowed by
    the filters; ``lang`` picks the language of ``title_shown``. Dates are the caller's dates."""
    return find_programs(request.auth, _valid_filters(filters)).results


@programs.get("/facets", response={200: list[FacetOut], 422: FieldErrorsOut, **NOT_FOUND})
def program_facets(request, filters: Query[ProgramFiltersIn]):
    """How many programs each filter value would give, with the other filters applied; labels
    in ``lang`` (else the request's language)."""
    found = find_programs(request.auth, _valid_filters(filters))
    with translation.override(normalise_language(filters.lang) or translation.get_language()):
        return found.facets()


@programs.get("/{slug}", response={200: ProgramDetailOut, **NOT_FOUND})
def get_program(request, slug: str):
    qs = program_selectors.with_listing_data(program_selectors.programs_visible_to(request.auth))
    return get_object_or_404(qs, slug=slug)


@programs.get("/{slug}/calls", response={200: list[CallOut], **NOT_FOUND})
def list_program_calls(request, slug: str):
    program = get_object_or_404(program_selectors.programs_visible_to(request.auth), slug=slug)
    return program.calls.select_related("program").order_by("closes_at")


calls = Router(tags=["programs"])


@calls.get("", response=list[CallOut])
@paginate(PageNumberPagination)
def list_calls(request, open: bool = False):
    qs = program_selectors.calls_visible_to(request.auth)
    if open:
        qs = program_selectors.open_calls(qs)
    return qs.order_by("closes_at", "pk")


@calls.get("/{int:call_id}", response={200: CallOut, **NOT_FOUND})
def get_call(request, call_id: int):
    return get_object_or_404(program_selectors.calls_visible_to(request.auth), pk=call_id)


api.add_router("/organizations", orgs)
api.add_router("/organizations", membership_router)
api.add_router("/startups", startups)
api.add_router("/programs", programs)
api.add_router("/calls", calls)
api.add_router("/applications", application_router)
api.add_router("/mentoring", mentoring_router)
api.add_router("/events", events_router)
api.add_router("/search", search_router)
api.add_router("/indicators", indicator_router)
api.add_router("/reviews", review_router)
api.add_router("/saved-searches", saved_search_router)
api.add_router("/spaces", space_router)
api.add_router("/bookings", booking_router)
api.add_router("/entitlements", entitlement_router)
