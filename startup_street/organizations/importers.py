"""Organisation import from CSV, JSON or XLSX, by the same rules as programs (``core.importing``).

Columns (one row per organisation):

    slug                short name (required); an existing slug is updated
    original_language   ko | zh-hans | en (default ko)
    name_ko, name_zh, name_en                    at least one
    description_ko, description_zh, description_en
    kind                one of organizations.enums.OrganizationKind (e.g. incubator)
    city, country       country as ISO code (KR, CN, ...)
    time_zone           IANA zone (default Asia/Seoul)
    website, is_active  (1/0, yes/no, true/false; default 1)
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from startup_street.core.importing import ImportReport, Source, run_import
from startup_street.core.tabular import (
    COLUMN_LANGUAGES,
    is_true,
    row_cells,
    translated_cells,
)

__all__ = ["fill_organization", "import_organizations", "row_cells"]

from .models import ORGANIZATION_FIELDS, Organization
from .signals import organizations_updated

LANGS = COLUMN_LANGUAGES
REQUIRED_COLUMNS = ("slug",)
FIELDS = [*ORGANIZATION_FIELDS, "is_active"]  # what an admin edits, and whether it is listed
TEXTS = ("name", "description")
COLUMNS = [
    "slug",
    "original_language",
    *(f"{prefix}_{key}" for prefix in TEXTS for key in LANGS),
    *(name for name in FIELDS if name not in {*TEXTS, "original_language"}),
]


def fill_organization(organization: Organization, row: dict) -> Organization:
    """Set an organisation's fields from a row of text cells (not saved, not cleaned)."""
    organization.name = translated_cells(row, "name")
    organization.description = translated_cells(row, "description")
    organization.original_language = row.get("original_language") or "ko"
    organization.kind = row.get("kind", "")
    organization.city = row.get("city", "")
    organization.country = row.get("country", "")
    organization.time_zone = row.get("time_zone") or "Asia/Seoul"
    organization.website = row.get("website", "")
    organization.is_active = is_true(row.get("is_active"))
    return organization


@dataclass
class OrganizationImporter:
    """Rows as organisations (``core.importing.RowImporter``)."""

    def key(self, organization: Organization) -> str:
        return organization.slug

    def prepare(
        self, rows: list[tuple[int, dict]], *, check: bool = True
    ) -> list[tuple[int, object]]:
        texts = {}
        for line, row in rows:
            try:
                texts[line] = row_cells(row)
            except ValueError as error:
                texts[line] = ValidationError(str(error))
        slugs = [text.get("slug", "") for text in texts.values() if isinstance(text, dict)]
        existing = Organization.objects.in_bulk(slugs, field_name="slug")
        return [
            (
                line,
                text
                if isinstance(text, ValidationError)
                else self._prepared(text, existing, check=check),
            )
            for line, text in texts.items()
        ]

    @staticmethod
    def _prepared(row: dict, existing: dict, *, check: bool) -> Organization | ValidationError:
        slug = row.get("slug", "")
        organization = existing.get(slug) or Organization(slug=slug)
        fill_organization(organization, row)
        if not check:
            return organization
        try:
            organization.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            return error
        return organization

    def write(self, batch: list[Organization], report: ImportReport) -> None:
        new = [organization for organization in batch if organization.pk is None]
        old = [organization for organization in batch if organization.pk is not None]
        now = timezone.now()
        for organization in old:
            organization.updated_at = now
        Organization.objects.bulk_create(new)
        Organization.objects.bulk_update(old, [*FIELDS, "updated_at"])
        if old:  # written in bulk, so no save signals: those who keep copies are told
            organizations_updated.send(Organization, ids=[o.pk for o in old])
        report.created += len(new)
        report.updated += len(old)


def import_organizations(source: Source, *, partial: bool = False, progress=None) -> ImportReport:
    """Import organisations from a table: validated first, then written in one transaction."""
    return run_import(source, OrganizationImporter(), partial=partial, progress=progress)
