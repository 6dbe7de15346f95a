from datetime import datetime

from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import ConfigDict

from startup_street.core.i18n import normalise_language
from startup_street.programs import selectors, services
from startup_street.programs.discovery import search_url

from .auth import SIGNED_IN
from .filters import valid_filter_form
from .pagination import PageNumberPagination
from .schemas import LANGUAGE_SPELLING, ErrorOut, FieldErrorsOut, ProgramFiltersIn

router = Router(tags=["saved searches"], auth=SIGNED_IN)
NOT_FOUND = {404: ErrorOut}


class SavedSearchIn(ProgramFiltersIn):
    lang: str | None = Field(
        None,
        description="The search's language: ko, zh-hans or en (else the request's).",
        json_schema_extra={"pattern": LANGUAGE_SPELLING},
    )

    # Unknown names are refused, not ignored: a misspelt filter would keep a wider search. This
    # also refuses a body that is not an object (a schema reads any value's attributes).
    model_config = ConfigDict(extra="forbid")


class SavedSearchOut(Schema):
    id: int
    q: str = Field(description="The search words; empty for every program.")
    filters: dict[str, str | int | bool] = Field(description="The filters, as query parameters.")
    language: str
    created_at: datetime
    url: str = Field(description="The catalogue page showing the search.")
    programs_url: str = Field(description="The same search through `GET /programs`.")

    @staticmethod
    def resolve_q(obj) -> str:
        return obj.query

    @staticmethod
    def resolve_url(obj) -> str:
        return search_url(obj)

    @staticmethod
    def resolve_programs_url(obj) -> str:
        return search_url(obj, "api:list_programs")


def _own(request, saved_search_id: int):
    """The caller's saved search; another's is not found, whether or not it exists."""
    return get_object_or_404(selectors.saved_searches_of(request.auth), pk=saved_search_id)


@router.get("", response=list[SavedSearchOut])
@paginate(PageNumberPagination)
def list_saved_searches(request):
    """The caller's own saved searches, newest first."""
    return selectors.saved_searches_of(request.auth)


@router.post(
    "", response={200: SavedSearchOut, 201: SavedSearchOut, 404: ErrorOut, 422: FieldErrorsOut}
)
def create_saved_search(request, payload: SavedSearchIn):
    """Keep search words and filters (those of `GET /programs`, validated the same way): new
    calls that match are e-mailed to the caller. A filter that is not valid is a 422 on its
    field and nothing is kept; the same search saved again answers 200 with the one already
    kept; a user keeps a limited number of searches."""
    form = valid_filter_form(payload)
    saved, created = services.save_search(
        user=request.auth,
        query=form.cleaned_data["q"],
        filters=form.facet_values(),
        language=normalise_language(payload.lang or get_language()) or "en",
    )
    return Status(201 if created else 200, saved)


@router.get("/{int:saved_search_id}", response={200: SavedSearchOut, **NOT_FOUND})
def get_saved_search(request, saved_search_id: int):
    return _own(request, saved_search_id)


@router.delete("/{int:saved_search_id}", response={204: None, **NOT_FOUND})
def delete_saved_search(request, saved_search_id: int):
    services.delete_saved_search(saved_search=_own(request, saved_search_id))
    return Status(204, None)
