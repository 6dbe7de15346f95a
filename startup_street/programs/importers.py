"""Program import from CSV, JSON, XLSX (documented columns) and from K-Startup announcements.

Documented columns (one row per program; a row may also open one call):

    organization        slug of an existing organisation (required)
    slug                optional; made from the title when empty
    original_language   ko | zh-hans | en (default ko)
    title_ko, title_zh, title_en                 at least one
    summary_ko, summary_zh, summary_en           optional
    description_ko, description_zh, description_en
    kind                one of programs.enums.SupportKind (e.g. funding, testbed)
    sectors             comma-separated sector codes (robotics, ai, ...)
    stages              comma-separated stage codes (idea, seed, ...)
    city, country       country as ISO code (KR, CN, ...)
    website, is_published (1/0, yes/no, true/false)
    call_opens, call_closes   local wall-clock "YYYY-MM-DD HH:MM" in call_time_zone
    call_time_zone      IANA zone (default: the organisation's)
    call_seats          optional positive integer

The whole table is validated before anything is written (``core.importing``): each invalid row
is reported with its line, two rows with the same slug are an error, and unless ``partial`` one
invalid row means nothing is written. Then every row is written in one transaction, in batches.
Rows whose slug already exists are updated, so an import can be re-run.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from startup_street.core.importing import ImportReport, Rows, Source, run_import
from startup_street.core.models import Sector
from startup_street.core.tabular import COLUMN_LANGUAGES, is_true, row_cells, translated_cells
from startup_street.core.timezones import make_aware_strictly
from startup_street.organizations.enums import OrganizationKind
from startup_street.organizations.models import Organization

from .enums import SupportKind
from .models import PROGRAM_FIELDS, Call, Program, unreserved_slug
from .services import NewCalls, announce_after_commit

LANGS = COLUMN_LANGUAGES
REQUIRED_COLUMNS = ("organization",)
# What an import sets on a program (``fill_program``); an update writes these and nothing else:
# the program's editable fields (sectors are set apart, being many-to-many) and its organisation.
IMPORTED_FIELDS = ["organization", *(name for name in PROGRAM_FIELDS if name != "sectors")]


def cells(row: dict) -> dict:
    """A row's cells as text (``ValidationError`` for a cell that holds a nested object)."""
    try:
        return row_cells(row)
    except ValueError as error:
        raise ValidationError(str(error)) from error


def _codes(value) -> list[str]:
    return [item.strip() for item in str(value or "").split(",") if item.strip()]


def _parse_local(value) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime.fromisoformat(str(value).strip().replace("T", " "))


def row_organization(row: dict) -> Organization:
    organization = Organization.objects.filter(slug=str(row.get("organization") or "")).first()
    if organization is None:
        raise ValidationError(
            {
                "organization": _("Unknown organisation “%(slug)s”.")
                % {"slug": row.get("organization")}
            }
        )
    return organization


def row_sectors(row: dict) -> list[Sector]:
    codes = _codes(row.get("sectors"))
    sectors = list(Sector.objects.filter(code__in=codes))
    _check_sector_codes(codes, {sector.code for sector in sectors})
    return sectors


def _check_sector_codes(codes: list[str], known: set[str]) -> None:
    unknown = sorted(set(codes) - known)
    if unknown:
        raise ValidationError(
            {"sectors": _("Unknown sector: %(codes)s.") % {"codes": ", ".join(unknown)}}
        )


def row_slug(row: dict, organization: Organization) -> str:
    """The slug a row stands for: its own (a reserved word is refused when the program is
    validated), or one made from the organisation and the title — the English title when there
    is one, otherwise a digest of the title in every language — so that re-importing the same
    row updates the same program and two different titles never share a slug."""
    base = str(row.get("slug") or "").strip()
    if base:
        return base
    title = translated_cells(row, "title")
    words = title.get("en") or str(row.get("external_id") or "")
    if not words:
        canonical = "|".join(f"{code}={text}" for code, text in sorted(title.items()))
        words = hashlib.sha1(canonical.encode()).hexdigest()[:10]  # noqa: S324 - a name
    return unreserved_slug(slugify(f"{organization.slug}-{words}")[:100].strip("-"))


def fill_program(program: Program, row: dict, organization: Organization) -> Program:
    """Set a program's fields from a row in the documented columns (not saved, not cleaned)."""
    program.organization = organization
    program.title = translated_cells(row, "title")
    program.summary = translated_cells(row, "summary")
    program.description = translated_cells(row, "description")
    program.original_language = str(row.get("original_language") or "ko").strip()
    program.kind = str(row.get("kind") or "").strip()
    program.stages = _codes(row.get("stages"))
    program.city = str(row.get("city") or "").strip()
    program.country = str(row.get("country") or organization.country).strip()
    program.website = str(row.get("website") or "").strip()
    program.is_published = is_true(row.get("is_published"))
    return program


def row_call(program: Program, row: dict, *, check: bool = True) -> Call | None:
    """The row's call (``call_opens`` .. ``call_closes``, wall-clock times in
    ``call_time_zone``), validated but not saved; a time the zone skips (a daylight-saving gap)
    is refused with the reason, never shifted."""
    if not (row.get("call_opens") and row.get("call_closes")):
        return None
    zone = str(row.get("call_time_zone") or program.organization.time_zone).strip()
    try:
        opens = make_aware_strictly(_parse_local(row["call_opens"]), zone)
        closes = make_aware_strictly(_parse_local(row["call_closes"]), zone)
        seats = int(row["call_seats"]) if str(row.get("call_seats") or "").strip() else None
    except (ValueError, TypeError, KeyError) as error:
        raise ValidationError(
            {
                "call_opens": _(
                    "Enter the call's dates as YYYY-MM-DD HH:MM and its seats as a whole number."
                )
            }
        ) from error
    call = Call(program=program, opens_at=opens, closes_at=closes, time_zone=zone, seats=seats)
    if check:
        call.full_clean(exclude=["program"], validate_unique=False, validate_constraints=False)
    return call


def import_call(program: Program, row: dict, new_calls: NewCalls | None = None) -> Call | None:
    """The row's call, created unless the program already has one with the same dates; new
    calls are announced once committed (with ``new_calls``, to the saved searches together with
    the import's other new calls)."""
    call = row_call(program, row)
    if (
        call is None
        or program.calls.filter(opens_at=call.opens_at, closes_at=call.closes_at).exists()
    ):
        return None
    call.save()
    if new_calls is None:
        announce_after_commit(call)
    else:
        new_calls.add(call)
    return call


@dataclass
class PreparedProgram:
    program: Program  # validated; unsaved when new
    sector_ids: list[int]
    call: Call | None


class ProgramImporter:
    """Rows in the documented columns as programs (``core.importing.RowImporter``): each batch
    of rows reads its organisations and existing programs in one query each; a batch is
    written with one insert, one update, the sectors and the new calls; its search entries
    (terms and embeddings) are left to the background job."""

    def __init__(self):
        self.organizations: dict[str, Organization] = {}
        self.sectors = dict(Sector.objects.values_list("code", "pk"))
        self.new_calls = NewCalls()

    def key(self, prepared: PreparedProgram) -> str:
        return prepared.program.slug

    def prepare(
        self, rows: list[tuple[int, dict]], *, check: bool = True
    ) -> list[tuple[int, object]]:
        texts, slugs = {}, {}
        for line, row in rows:
            try:
                texts[line] = cells(row)
                slugs[line] = row_slug(texts[line], self._organization(texts[line]))
            except ValidationError as error:
                texts[line] = error
        existing = Program.objects.in_bulk(list(slugs.values()), field_name="slug")
        return [
            (
                line,
                text
                if isinstance(text, ValidationError)
                else self._prepared(text, existing, check=check),
            )
            for line, text in texts.items()
        ]

    def _organization(self, row: dict) -> Organization:
        """``row_organization``, read once per organisation for the whole import."""
        slug = row.get("organization") or ""
        if slug not in self.organizations:
            self.organizations[slug] = row_organization(row)
        return self.organizations[slug]

    def _prepared(
        self, row: dict, existing: dict, *, check: bool
    ) -> PreparedProgram | ValidationError:
        try:
            organization = self._organization(row)
            codes = _codes(row.get("sectors"))
            _check_sector_codes(codes, set(self.sectors))
            slug = row_slug(row, organization)
            program = existing.get(slug) or Program(slug=slug)
            if program.pk and program.organization_id != organization.pk:
                raise ValidationError(
                    {"slug": _("“%(slug)s” is a program of another organisation.") % {"slug": slug}}
                )
            fill_program(program, row, organization)
            if check:
                program.full_clean(
                    exclude=["organization"], validate_unique=False, validate_constraints=False
                )
            call = row_call(program, row, check=check)
        except ValidationError as error:
            return error
        return PreparedProgram(program, [self.sectors[code] for code in set(codes)], call)

    def write(self, batch: list[PreparedProgram], report: ImportReport) -> None:
        new = [item.program for item in batch if item.program.pk is None]
        old = [item.program for item in batch if item.program.pk is not None]
        now = timezone.now()
        for program in old:
            program.updated_at = now
        Program.objects.bulk_create(new)
        Program.objects.bulk_update(old, [*IMPORTED_FIELDS, "updated_at"])
        through = Program.sectors.through
        through.objects.filter(program__in=old).delete()
        through.objects.bulk_create(
            through(program_id=item.program.pk, sector_id=sector)
            for item in batch
            for sector in item.sector_ids
        )
        report.created += len(new)
        report.updated += len(old)
        report.calls += self._write_calls(batch, created={program.pk for program in new})
        self._index_later([item.program.pk for item in batch])

    def _write_calls(self, batch: list[PreparedProgram], created: set[int]) -> int:
        have = set(
            Call.objects.filter(program__in=[item.program for item in batch]).values_list(
                "program_id", "opens_at", "closes_at"
            )
        )
        calls = []
        for item in batch:
            call = item.call
            if call is not None and (item.program.pk, call.opens_at, call.closes_at) not in have:
                call.program = item.program
                calls.append(call)
        Call.objects.bulk_create(calls)
        for call in calls:
            self.new_calls.add(call, followers=call.program_id not in created)
        return len(calls)

    @staticmethod
    def _index_later(ids: list[int]) -> None:
        """The batch's search entries are the background job's: until it runs, the programs
        are listed by ``programs_needing_indexing`` (and swept up periodically)."""
        from .tasks import task_index_programs

        transaction.on_commit(lambda: task_index_programs.enqueue(ids))


def import_table(source: Source, *, partial: bool = False, progress=None) -> ImportReport:
    """Import programs from a table (``open_programs_table``) or rows: validated first, then
    written in one transaction (with ``partial``, the valid rows even when some are not)."""
    importer = ProgramImporter()
    report = run_import(source, importer, partial=partial, progress=progress)
    importer.new_calls.alert_after_commit()
    return report


def import_rows(rows: list[dict], *, partial: bool = False) -> ImportReport:
    return import_table(Rows(rows), partial=partial)


# K-Startup announcements (fields as published by the K-Startup open-data service).
KSTARTUP_KINDS = {
    "사업화": SupportKind.COMMERCIALISATION,
    "시설ㆍ공간ㆍ보육": SupportKind.SPACE,
    "멘토링ㆍ컨설팅ㆍ교육": SupportKind.MENTORING,
    "창업교육": SupportKind.MENTORING,
    "행사ㆍ네트워크": SupportKind.EVENTS,
    "판로ㆍ해외진출": SupportKind.SALES_OVERSEAS,
    "글로벌": SupportKind.SALES_OVERSEAS,
    "기술개발(R&D)": SupportKind.RND,
    "기술개발(R&amp;D)": SupportKind.RND,
    "정책자금": SupportKind.FUNDING,
    "융자": SupportKind.FUNDING,
    "인력": SupportKind.TALENT,
}
PERIOD = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:\s+(\d{1,2}:\d{2}))?\s*~\s*(\d{4}-\d{2}-\d{2})(?:\s+(\d{1,2}:\d{2}))?"
)


def kstartup_row(record: dict, organization: Organization) -> dict:
    """One K-Startup announcement as a row in the documented columns."""
    period = PERIOD.search(str(record.get("application_period", "")).replace("\xa0", " "))
    parts = [record.get("description", "")]
    for heading, key in (
        ("지원내용", "support_content"),
        ("선정절차", "selection_procedure"),
        ("제출서류", "submission_documents"),
    ):
        items = [str(item).strip() for item in record.get(key) or [] if str(item).strip()]
        if items:
            parts.append(f"{heading}\n" + "\n".join(f"- {item}" for item in items))
    row = {
        "organization": organization.slug,
        "slug": f"kstartup-{record['pbancSn']}",
        "original_language": "ko",
        "title_ko": record.get("title", "").strip(),
        "summary_ko": (record.get("target_audience") or "").strip(),
        "description_ko": "\n\n".join(p for p in parts if p).strip()[:20000],
        "kind": KSTARTUP_KINDS.get(record.get("support_field", ""), SupportKind.COMMERCIALISATION),
        "city": "" if record.get("region") in {"전국", None} else record["region"],
        "country": "KR",
        "website": f"https://www.k-startup.go.kr/web/contents/bizpbanc-ongoing.do?schM=view&pbancSn={record['pbancSn']}",
        "is_published": "1",
    }
    if period:
        row["call_opens"] = f"{period.group(1)} {period.group(2) or '00:00'}"
        row["call_closes"] = f"{period.group(3)} {period.group(4) or '23:59'}"
        row["call_time_zone"] = "Asia/Seoul"
    return row


def _kstartup_organization(name: str) -> Organization:
    """The publishing organisation of an announcement, created on first sight."""
    name = (name or "K-Startup").strip()
    slug = "ks-" + hashlib.sha1(name.encode()).hexdigest()[:10]  # noqa: S324 - a name, not a secret
    organization, _created = Organization.objects.get_or_create(
        slug=slug,
        defaults={
            "name": {"ko": name},
            "original_language": "ko",
            "kind": OrganizationKind.GOVERNMENT,
            "city": "Seoul",
            "country": "KR",
            "time_zone": "Asia/Seoul",
        },
    )
    return organization


def is_kstartup(rows: list[dict]) -> bool:
    return bool(rows) and "pbancSn" in rows[0]


def import_kstartup(
    records: list[dict], organization: Organization | None = None, *, partial: bool = False
) -> ImportReport:
    rows = [
        kstartup_row(record, organization or _kstartup_organization(record.get("org_name_ref")))
        for record in records
    ]
    return import_rows(rows, partial=partial)
