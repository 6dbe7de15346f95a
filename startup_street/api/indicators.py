"""The city's indicators through the API: the same definitions, slices and figures as the
dashboard (``dashboard.indicators``), for the same people (the city analyst: every
organisation; organisation staff: their own)."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from startup_street.dashboard import selectors
from startup_street.dashboard.forms import SliceForm
from startup_street.dashboard.rules import can_view_dashboard, organizations_in_view

from . import errors
from .auth import SIGNED_IN
from .schemas import ErrorOut, FieldErrorsOut

router = Router(tags=["indicators"], auth=SIGNED_IN)


class SliceIn(Schema):
    start: date | None = Field(None, description="First day (default: 1 January four years ago).")
    end: date | None = Field(None, description="Last day (default: today).")
    organization: int | None = Field(None, description="An organisation's id.")
    kind: str = Field("", description="A kind of program (support kind code).")
    sector: str = Field("", description="A sector code.")
    city: str = Field("", description="A city (startups' and programs').")
    district: str = Field("", description="A district of the city (startups').")


class IndicatorOut(Schema):
    code: str
    label: str
    definition: str = Field(description="How the figure is counted.")
    unit: str = Field(description="count, percent, hours, krw or people")
    value: float | None
    by_quarter: dict[str, float] | None = Field(None, description='{"2026-Q1": 12, ...}')
    group: str = Field(description="programs, mentoring, spaces, events or outcomes")


@router.get(
    "",
    response={200: list[IndicatorOut], 403: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut},
    summary="Every indicator over a period and slice",
)
def list_indicators(request, filters: Query[SliceIn]):
    if not can_view_dashboard(request.user):
        raise PermissionDenied(
            _("The dashboard is for the city's analysts and organisation staff.")
        )
    data = {k: v for k, v in filters.dict().items() if v not in (None, "")}
    form = SliceForm(data, organizations=organizations_in_view(request.user))
    errors.refuse_invalid(form, references={"organization", "sector"})
    return [
        {
            "code": figure.indicator.code,
            "label": str(figure.indicator.label),
            "definition": str(figure.indicator.definition),
            "unit": figure.indicator.unit,
            "value": figure.value,
            "by_quarter": figure.series,
            "group": figure.indicator.group,
        }
        for figure in selectors.figures(form.slice())
    ]
