"""Admin import and export of organisations (django-import-export) in the columns of
``startup-street import-organizations``, filled by the same function."""

from import_export import fields, resources

from . import importers
from .models import Organization


class OrganizationResource(resources.ModelResource):
    """One organisation per row; names and descriptions in a column per language."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for name in importers.COLUMNS:
            self.fields[name] = fields.Field(column_name=name, dehydrate_method=self._export(name))

    class Meta:
        model = Organization
        fields = importers.COLUMNS
        import_id_fields = ["slug"]
        export_order = importers.COLUMNS
        import_order = importers.COLUMNS
        clean_model_instances = True
        skip_diff = True

    def get_instance(self, instance_loader, row):
        return Organization.objects.filter(slug=str(row.get("slug") or "").strip()).first()

    def init_instance(self, row=None):
        return Organization(slug=str((row or {}).get("slug") or "").strip())

    def import_instance(self, instance, row, **kwargs):
        cells = importers.row_cells(row)
        importers.fill_organization(instance, cells)

    @staticmethod
    def _export(name: str):
        return lambda organization: _cell(organization, name)


def _cell(organization: Organization, name: str) -> str:
    prefix, _sep, key = name.partition("_")
    if prefix in {"name", "description"} and key in importers.LANGS:
        return getattr(organization, prefix).get(importers.LANGS[key], "")
    if name == "is_active":
        return "1" if organization.is_active else "0"
    return str(getattr(organization, name) or "")
