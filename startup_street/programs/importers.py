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

Every row is validated; an invalid row is reported with its line number and nothing of it is
written. Rows whose slug already exists are updated, so an import can be re-run.
"""

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from startup_street.core.models import Sector
from startup_street.core.timezones import make_aware_in
from startup_street.organizations.enums import OrganizationKind
from startup_street.organizations.models import Organization

from .enums import SupportKind
from .models import Call, Program, unreserved_slug
from .services import NewCalls, announce_after_commit

LANGS = {"ko": "ko", "zh": "zh-hans", "en": "en"}
TRUE = {"1", "true", "yes", "y", "on"}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    calls: int = 0
    errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        text = f"{self.created} created, {self.updated} updated, {self.calls} calls"
        return text + (f", {len(self.errors)} rows rejected" if self.errors else "")


def read_rows(path: Path) -> list[dict]:
    suffix = path.suffix.lower()
    if suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, list) else data.get("programs", [])
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).active
        rows = sheet.iter_rows(values_only=True)
        header = [str(h or "").strip() for h in next(rows, [])]
        return [dict(zip(header, row, strict=False)) for row in rows if any(row)]
    if suffix == ".csv":
        text = path.read_text(encoding="utf-8-sig")
        return list(csv.DictReader(io.StringIO(text)))
    raise ValueError(f"Unsupported file type {suffix!r}: use .csv, .json or .xlsx")


def _text(row, prefix: str) -> dict:
    return {
        code: str(row.get(f"{prefix}_{key}") or "").strip()
        for key, code in LANGS.items()
        if str(row.get(f"{prefix}_{key}") or "").strip()
    }


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
    if len(sectors) != len(set(codes)):
        unknown = sorted(set(codes) - {sector.code for sector in sectors})
        raise ValidationError(
            {"sectors": _("Unknown sector: %(codes)s.") % {"codes": ", ".join(unknown)}}
        )
    return sectors


def row_slug(row: dict, organization: Organization) -> str:
    """The slug a row stands for: its own (a reserved word is refused when the program is
    validated), or one made from the organisation and title (never a reserved word)."""
    base = str(row.get("slug") or "").strip()
    title = _text(row, "title")
    made = slugify(f"{organization.slug}-{title.get('en') or row.get('external_id', '')}")
    return base or unreserved_slug(made)


def fill_program(program: Program, row: dict, organization: Organization) -> Program:
    """Set a program's fields from a row in the documented columns (not saved, not cleaned)."""
    program.organization = organization
    program.title = _text(row, "title")
    program.summary = _text(row, "summary")
    program.description = _text(row, "description")
    program.original_language = str(row.get("original_language") or "ko").strip()
    program.kind = str(row.get("kind") or "").strip()
    program.stages = _codes(row.get("stages"))
    program.city = str(row.get("city") or "").strip()
    program.country = str(row.get("country") or organization.country).strip()
    program.website = str(row.get("website") or "").strip()
    program.is_published = str(row.get("is_published", "1")).strip().lower() in TRUE
    return program


def import_call(program: Program, row: dict, new_calls: NewCalls | None = None) -> Call | None:
    """The row's call (``call_opens`` .. ``call_closes`` in ``call_time_zone``), created unless
    the program already has one with the same dates; new calls are announced once committed
    (with ``new_calls``, to the saved searches together with the import's other new calls)."""
    if not (row.get("call_opens") and row.get("call_closes")):
        return None
    zone = str(row.get("call_time_zone") or program.organization.time_zone).strip()
    try:
        opens = make_aware_in(_parse_local(row["call_opens"]), zone)
        closes = make_aware_in(_parse_local(row["call_closes"]), zone)
        seats = int(row["call_seats"]) if str(row.get("call_seats") or "").strip() else None
    except (ValueError, TypeError, KeyError) as error:
        raise ValidationError(
            {
                "call_opens": _(
                    "Enter the call's dates as YYYY-MM-DD HH:MM and its seats as a whole number."
                )
            }
        ) from error
    if Call.objects.filter(program=program, opens_at=opens, closes_at=closes).exists():
        return None
    call = Call(program=program, opens_at=opens, closes_at=closes, time_zone=zone, seats=seats)
    call.full_clean()
    call.save()
    if new_calls is None:
        announce_after_commit(call)
    else:
        new_calls.add(call)
    return call


def _import_row(row: dict, report: ImportReport, new_calls: NewCalls) -> None:
    organization = row_organization(row)
    sectors = row_sectors(row)
    slug = row_slug(row, organization)
    program = Program.objects.filter(slug=slug).first()
    is_new = program is None
    program = program or Program(slug=slug or f"{organization.slug}-{Program.objects.count() + 1}")
    fill_program(program, row, organization)
    program.full_clean()
    program.save()
    program.sectors.set(sectors)
    report.created += is_new
    report.updated += not is_new
    report.calls += import_call(program, row, new_calls) is not None


def import_rows(rows: list[dict]) -> ImportReport:
    """Each row in a transaction of its own; the new calls of every row that was written reach
    the saved searches in one batch at the end."""
    report = ImportReport()
    new_calls = NewCalls()
    for line, row in enumerate(rows, start=2):
        try:
            with transaction.atomic():
                _import_row(row, report, new_calls)
        except (ValidationError, ValueError, TypeError) as error:
            detail = error.message_dict if hasattr(error, "error_dict") else error
            report.errors.append(f"row {line}: {detail}")
    new_calls.alert_after_commit()
    return report


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


def import_kstartup(records: list[dict], organization: Organization | None = None) -> ImportReport:
    rows = [
        kstartup_row(record, organization or _kstartup_organization(record.get("org_name_ref")))
        for record in records
    ]
    return import_rows(rows)
