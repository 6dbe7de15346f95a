from datetime import date, datetime

from ninja import Schema


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


class OrganizationOut(Schema):
    slug: str
    name: dict[str, str]
    description: dict[str, str]
    original_language: str
    kind: str
    city: str
    country: str
    time_zone: str
    website: str


class StartupOut(Schema):
    slug: str
    name: str
    tagline: dict[str, str]
    description: dict[str, str]
    original_language: str
    sectors: list[str]
    stage: str
    founded_on: date | None
    city: str
    region: str
    country: str
    team_size: int | None
    website: str
    is_public: bool

    @staticmethod
    def resolve_sectors(obj) -> list[str]:
        return [sector.code for sector in obj.sectors.all()]


class StartupPatch(Schema):
    name: str | None = None
    tagline: dict[str, str] | None = None
    description: dict[str, str] | None = None
    original_language: str | None = None
    sectors: list[str] | None = None
    stage: str | None = None
    founded_on: date | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None
    team_size: int | None = None
    website: str | None = None
    is_public: bool | None = None


class CallOut(Schema):
    id: int
    program: str
    title: dict[str, str]
    opens_at: datetime
    closes_at: datetime
    time_zone: str
    seats: int | None
    status: str

    @staticmethod
    def resolve_program(obj) -> str:
        return obj.program.slug


class ProgramOut(Schema):
    slug: str
    organization: str
    title: dict[str, str]
    summary: dict[str, str]
    original_language: str
    kind: str
    sectors: list[str]
    stages: list[str]
    city: str
    country: str
    website: str
    is_published: bool

    @staticmethod
    def resolve_organization(obj) -> str:
        return obj.organization.slug

    @staticmethod
    def resolve_sectors(obj) -> list[str]:
        return [sector.code for sector in obj.sectors.all()]


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

    @staticmethod
    def resolve_timeline(obj):
        return list(obj.timeline.all())


class AnswersIn(Schema):
    answers: dict[str, str | int | float | None]


class DecisionIn(Schema):
    decision: str
