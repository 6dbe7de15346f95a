"""Finding programs: search words ranked by the search engine, then the structured filters, for
the web page, the API and the ``search`` command alike."""

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse

from startup_street.core.text import labelled
from startup_street.search.selectors import RankedResults, search_programs

from . import selectors
from .facets import Facet, program_facets


@dataclass
class Found:
    results: Sequence  # best first with search words, newest first without
    base: QuerySet  # visible programs matching the words, before the filters
    params: dict  # the filters applied

    def facets(self) -> list[Facet]:
        return program_facets(self.base, self.params)


def find_programs(user, data: dict) -> Found:
    """``data``: a validated ``ProgramFilterForm``'s values (``q`` and the filters)."""
    params = dict(data)
    query = params.pop("q", "") or ""
    visible = selectors.programs_visible_to(user)
    hits = search_programs(visible, query) if query.strip() else None
    base = visible.filter(pk__in=hits.ids) if hits is not None else visible
    filtered = selectors.with_listing_data(selectors.filter_programs(base, params=params))
    if hits is None:
        return Found(filtered.order_by("-created_at", "pk"), base, params)
    return Found(RankedResults(filtered, hits.ids, hits.corrections, hits.query), base, params)


# What a search's words state about the founder's company (the kinds of ``text.query``'s
# ``Understood``) and the filter that keeps the programs taking it: a pre-founder is at the idea
# stage, and a stage is the programs' stages, as the ranking reads them.
ELIGIBILITY_OFFERS = {
    "years": "founded_within",
    "pre_founder": "stage",
    "stage": "stage",
    "team": "team",
    # No revenue (the only revenue a query is read as stating) is under every call's limit: a
    # filter on it would keep every program, so none is offered.
}


@dataclass(frozen=True)
class Offer:
    """An understood item's filter: ``query`` is the page's query string with it applied, or,
    when it is ``applied`` already, without it."""

    query: str
    applied: bool


def _cleaned(name: str, value):
    from .forms import ProgramFilterForm

    try:
        return ProgramFilterForm.base_fields[name].clean(value)
    except ValidationError:
        return None


def eligibility_offer(item, params: QueryDict) -> Offer | None:
    """The filter offered beside an understood item of a search (``params``: the page's query
    parameters); None for items that are no eligibility or whose value is no valid filter
    ("founded 200 years ago")."""
    name = ELIGIBILITY_OFFERS.get(item.kind)
    value = _cleaned(name, "idea" if item.kind == "pre_founder" else item.value) if name else None
    if value in (None, ""):
        return None
    again = params.copy()
    again.pop("page", None)
    applied = _cleaned(name, params.get(name)) == value
    if applied:
        again.pop(name, None)
    else:
        again[name] = str(value)
    return Offer(again.urlencode(), applied)


def search_params(saved) -> dict:
    """A saved search's words and filters as query parameters."""
    params = {"q": saved.query} if saved.query else {}
    for name, value in (saved.filters or {}).items():
        params[name] = "1" if value is True else value
    return params


def search_url(saved, view: str = "programs:list") -> str:
    """The catalogue page (or another list of programs) showing a saved search."""
    params = search_params(saved)
    return reverse(view) + ("?" + urlencode(params) if params else "")


def describe_filters(filters: dict) -> list[str]:
    """A saved search's filters in words: "Kind of support: Funding and investment"."""
    from .forms import ProgramFilterForm

    form = ProgramFilterForm(filters)
    words = []
    for name, value in form.valid_data().items():
        if name == "q" or value in (None, "", False):
            continue
        field = form.fields[name]
        choices = dict(getattr(field, "choices", ()) or ())
        shown = "" if value is True else str(choices.get(value, value))
        words.append(labelled(field.label, shown) if shown else str(field.label))
    return words
