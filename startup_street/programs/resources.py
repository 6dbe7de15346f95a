"""Admin import and export of programs (django-import-export) in the documented columns.

The same columns as ``startup-street import-programs`` (see ``importers``), read and validated by
the same functions, so a file that the command accepts the admin accepts, and an exported file
imports back unchanged. Import previews the rows (what would be created or updated, and each
invalid row with its errors) before anything is written.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields, resources

from startup_street.core.timezones import get_zone

from . import importers, indexing
from .models import PROGRAM_FIELDS, Program

TEXTS = ("title", "summary", "description")
TEXT_COLUMNS = [f"{prefix}_{key}" for prefix in TEXTS for key in importers.LANGS]
COLUMNS = [
    "organization",
    "slug",
    "original_language",
    *TEXT_COLUMNS,
    *(name for name in PROGRAM_FIELDS if name not in {*TEXTS, "original_language"}),
    "call_opens",
    "call_closes",
    "call_time_zone",
    "call_seats",
]
LOCAL = "%Y-%m-%d %H:%M"


def _latest_call(program: Program):
    calls = list(program.calls.all())
    return max(calls, key=lambda call: call.closes_at) if calls else None


def _local(moment, zone: str) -> str:
    return timezone.localtime(moment, get_zone(zone)).strftime(LOCAL)


class ProgramResource(resources.ModelResource):
    """One program per row; the program's latest call in the ``call_*`` columns."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._new_calls = importers.NewCalls()  # matched against the saved searches together
        self._slug_rows: dict[str, int] = {}  # a slug repeated in one file is an error
        for name in COLUMNS:  # every column read by the importer, written by ``_export``
            self.fields[name] = fields.Field(column_name=name, dehydrate_method=self._export(name))

    class Meta:
        model = Program
        fields = COLUMNS
        import_id_fields = ["slug"]
        export_order = COLUMNS
        import_order = COLUMNS
        clean_model_instances = True
        skip_diff = True

    def import_data(self, dataset, dry_run=False, **kwargs):
        # The rows' search entries are written by one job once the import has committed (a
        # preview writes nothing to index).
        with indexing.deferred_indexing(enqueue=not dry_run):
            return super().import_data(dataset, dry_run=dry_run, **kwargs)

    def before_import(self, dataset, **kwargs):
        for index, row in enumerate(list(dataset)):
            dataset[index] = tuple(unquote_formula(cell) for cell in row)
        if "slug" not in (dataset.headers or []):  # optional: made from the title when absent
            dataset.append_col([""] * len(dataset), header="slug")

    def get_queryset(self):
        return Program.objects.select_related("organization").prefetch_related("sectors", "calls")

    def get_instance(self, instance_loader, row):
        organization = importers.row_organization(row)
        return Program.objects.filter(slug=importers.row_slug(row, organization)).first()

    def init_instance(self, row=None):
        return Program()

    def import_instance(self, instance, row, **kwargs):
        organization = importers.row_organization(row)
        instance._import_sectors = importers.row_sectors(row)
        if not instance.slug:
            instance.slug = importers.row_slug(row, organization)
        elif instance.organization_id and instance.organization_id != organization.pk:
            raise ValidationError(
                {
                    "slug": _("“%(slug)s” is a program of another organisation.")
                    % {"slug": instance.slug}
                }
            )
        self._claim_slug(instance.slug, kwargs.get("row_number"))
        importers.fill_program(instance, row, organization)

    def _claim_slug(self, slug: str, row_number: int | None) -> None:
        first = self._slug_rows.setdefault(slug, row_number or 0)
        if first != (row_number or 0):
            raise ValidationError(
                {
                    "slug": _(
                        "“%(key)s” is also on row %(first)s; each row must stand for its own."
                    )
                    % {"key": slug, "first": first}
                }
            )

    def save_m2m(self, instance, row, **kwargs):
        instance.sectors.set(instance._import_sectors)

    def after_save_instance(self, instance, row, **kwargs):
        importers.import_call(instance, row, self._new_calls)

    def after_import(self, dataset, result, **kwargs):
        self._new_calls.alert_after_commit()  # a dry run rolls back: nothing is sent

    @staticmethod
    def _export(name: str):
        return lambda program: quote_formula(_cell(program, name))


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def quote_formula(text: str) -> str:
    """Text that a spreadsheet would run as a formula (``=HYPERLINK(...)``) gets a leading
    apostrophe: shown as text in CSV and XLSX alike; the import takes it off again."""
    return "'" + text if isinstance(text, str) and text.startswith(FORMULA_STARTS) else text


def unquote_formula(value):
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _cell(program: Program, name: str) -> str:
    prefix, _sep, key = name.partition("_")
    if name in TEXT_COLUMNS:
        return getattr(program, prefix).get(importers.LANGS[key], "")
    if name == "organization":
        return program.organization.slug
    if name == "sectors":
        return ",".join(sector.code for sector in program.sectors.all())
    if name == "stages":
        return ",".join(program.stages or [])
    if name == "is_published":
        return "1" if program.is_published else "0"
    if name.startswith("call_"):
        call = _latest_call(program)
        if call is None:
            return ""
        return {
            "call_opens": _local(call.opens_at, call.time_zone),
            "call_closes": _local(call.closes_at, call.time_zone),
            "call_time_zone": call.time_zone,
            "call_seats": "" if call.seats is None else str(call.seats),
        }[name]
    return str(getattr(program, name) or "")
