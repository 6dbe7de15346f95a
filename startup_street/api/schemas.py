from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Field, ModelSchema, Schema

from startup_street.core.enums import Country, RevenueBand, Stage
from startup_street.core.i18n import CONTENT_LANGUAGE_CHOICES, normalise_language, pick
from startup_street.core.timezones import get_zone
from startup_street.organizations.models import ORGANIZATION_FIELDS, Organization
from startup_street.programs.enums import SupportKind
from startup_street.startups.models import STARTUP_FIELDS, Startup


class ErrorOut(Schema):
    detail: str


class FieldErrorsOut(Schema):
    detail: str
    errors: dict[str, list[str]]


class MeOut(Schema):
    email: str
    display_name: str
    preferred_language: str
    time_zone: str


class OrganizationOut(ModelSchema):
    """An organisation: its slug and every field its admins edit (``ORGANIZATION_FIELDS``)."""

    name: dict[str, str]
    description: dict[str, str]

    class Meta:
        model = Organization
        fields = ["slug", *ORGANIZATION_FIELDS]


class StartupOut(ModelSchema):
    """A startup: its slug and every field its team edits (``STARTUP_FIELDS``). Its revenue is
    the team's own figure: given to those who may edit the profile, null for anyone else."""

    tagline: dict[str, str]
    description: dict[str, str]
    sectors: list[str]
    revenue_band: str | None = Field(
        None, description="Annual revenue band; null unless you may edit the profile."
    )

    class Meta:
        model = Startup
        fields = ["slug", *STARTUP_FIELDS]

    @staticmethod
    def resolve_sectors(obj) -> list[str]:
        return [sector.code for sector in obj.sectors.all()]

    @staticmethod
    def resolve_revenue_band(obj) -> str | None:
        # ``editable`` comes from ``with_edit_right_for``; a read that did not ask shows none.
        return obj.revenue_band if getattr(obj, "editable", False) else None


class StartupPatch(ModelSchema):
    """Any of the fields a startup's team edits (``STARTUP_FIELDS``); those left out stay."""

    tagline: dict[str, str] | None = None
    description: dict[str, str] | None = None
    sectors: list[str] | None = Field(None, description="Sector codes; replaces the list.")

    class Meta:
        model = Startup
        fields = list(STARTUP_FIELDS)
        fields_optional = "__all__"


# The fields a PATCH may set to null: those the model lets be empty (null); the rest refuse it.
STARTUP_NULLABLE = frozenset(
    name for name in STARTUP_FIELDS if getattr(Startup._meta.get_field(name), "null", False)
)


class CallOut(Schema):
    id: int
    program: str
    title: dict[str, str]
    opens_at: datetime
    closes_at: datetime
    time_zone: str
    seats: int | None
    eligibility: dict[str, object] = Field(
        description="The call's eligibility rules, as the program page explains them."
    )
    status: str

    @staticmethod
    def resolve_program(obj) -> str:
        return obj.program.slug


# An object's id as a request names it: a database key, so within 64 bits.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]

# What ``normalise_language`` reads as one of the three languages (zh-CN, ko_KR, EN, ...).
LANGUAGE_SPELLING = r"^\s*([zZ][hH]|[kK][oO]|[eE][nN])"


class ProgramFiltersIn(Schema):
    q: str | None = Field(None, description="Search words in Korean, Chinese or English.")
    lang: str | None = Field(
        None,
        description="Language of `title_shown`: ko, zh-hans or en.",
        json_schema_extra={"pattern": LANGUAGE_SPELLING},
    )
    # The choices and limits are the filter form's (``programs.forms.ProgramFilterForm``), which
    # validates the values: the document states exactly what it accepts.
    kind: str | None = Field(
        None,
        description="Kind of support (e.g. funding, testbed).",
        json_schema_extra={"enum": ["", *SupportKind.values]},
    )
    sector: str | None = Field(None, description="Sector code; programs open to all match too.")
    stage: str | None = Field(
        None,
        description="Stage code; programs open to all match too.",
        json_schema_extra={"enum": ["", *Stage.values]},
    )
    country: str | None = Field(
        None,
        description="ISO country code (KR, CN, ...).",
        json_schema_extra={"enum": ["", *Country.values]},
    )
    city: str | None = Field(None, max_length=80)
    organization: str | None = Field(None, description="Organisation slug.")
    language: str | None = Field(
        None,
        description="Written in or translated into: ko, zh-hans, en.",
        json_schema_extra={"enum": ["", *(code for code, _label in CONTENT_LANGUAGE_CHOICES)]},
    )
    closes_within: int | None = Field(
        None, ge=1, le=366, description="A call closes within this many days."
    )
    closes_after: date | None = Field(None, description="A call closes on or after this date.")
    closes_before: date | None = Field(None, description="A call closes on or before this date.")
    open_now: bool | None = Field(None, description="A call is open now.")
    open: bool | None = Field(None, description="Older spelling of `open_now`.")
    founded_within: int | None = Field(
        None,
        ge=1,
        le=100,
        description="A call takes a startup founded this many years ago. A call without the "
        "rule takes anyone, and so does a program with no call yet (`team`, `revenue` too).",
    )
    team: int | None = Field(
        None, ge=1, le=10_000, description="A call takes a team of this many people."
    )
    revenue: str | None = Field(
        None,
        description="A call takes a startup with this annual revenue band.",
        json_schema_extra={"enum": ["", *RevenueBand.values]},
    )


def _shown_title(obj, context):
    request = (context or {}).get("request")
    wanted = normalise_language(request.GET.get("lang")) if request else ""
    return pick(obj.title, obj.original_language, wanted or None)


def _next_call(obj):
    calls = getattr(obj, "live_calls", None)
    return calls[0] if calls else None


class ProgramOut(Schema):
    slug: str
    organization: str
    title: dict[str, str]
    title_shown: str
    title_language: str
    summary: dict[str, str]
    original_language: str
    kind: str
    sectors: list[str]
    stages: list[str]
    city: str
    country: str
    website: str
    is_published: bool
    next_deadline: datetime | None = Field(None, description="The next call's deadline (UTC).")
    next_deadline_local: str | None = Field(
        None, description="The same deadline in the call's own time zone, ISO 8601."
    )
    next_deadline_time_zone: str | None = None

    @staticmethod
    def resolve_organization(obj) -> str:
        return obj.organization.slug

    @staticmethod
    def resolve_sectors(obj) -> list[str]:
        return [sector.code for sector in obj.sectors.all()]

    @staticmethod
    def resolve_title_shown(obj, context) -> str:
        return _shown_title(obj, context).text

    @staticmethod
    def resolve_title_language(obj, context) -> str:
        return _shown_title(obj, context).language

    @staticmethod
    def resolve_next_deadline(obj):
        call = _next_call(obj)
        return call.closes_at if call else None

    @staticmethod
    def resolve_next_deadline_local(obj):
        call = _next_call(obj)
        return call.closes_at.astimezone(get_zone(call.time_zone)).isoformat() if call else None

    @staticmethod
    def resolve_next_deadline_time_zone(obj):
        call = _next_call(obj)
        return call.time_zone if call else None


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str = Field(description="The filter's query parameter.")
    label: str
    values: list[FacetValueOut]


class ProgramDetailOut(ProgramOut):
    description: dict[str, str]


class StatusChangeOut(Schema):
    from_status: str
    to_status: str
    at: datetime


class ApplicationOut(Schema):
    id: int
    call: int
    program: str
    startup: str
    status: str
    submitted_at: datetime | None
    decided_at: datetime | None
    answers: dict[str, object]
    timeline: list[StatusChangeOut]

    @staticmethod
    def resolve_call(obj) -> int:
        return obj.call_id

    @staticmethod
    def resolve_program(obj) -> str:
        return obj.call.program.slug

    @staticmethod
    def resolve_startup(obj) -> str:
        return obj.startup.slug

    @staticmethod
    def resolve_answers(obj) -> dict[str, object]:
        return {str(answer.question_id): answer.value for answer in obj.answers.all()}

    # ``status`` is what the team sees; the call's staff read a pending decision in its place
    # (``pending_value``, annotated only for them: a read that did not ask shows the team's).
    @staticmethod
    def resolve_status(obj) -> str:
        return getattr(obj, "pending_value", None) or obj.status

    @staticmethod
    def resolve_decided_at(obj):
        return getattr(obj, "pending_at", None) or obj.decided_at

    @staticmethod
    def resolve_timeline(obj):
        return list(obj.timeline.all())


class AnswersIn(Schema):
    answers: dict[str, str | int | float | None]


class ApplicationDecisionIn(Schema):
    decision: Literal["accepted", "waitlisted", "rejected", "under_review"]
