from django.contrib import admin
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, JSON, XLSX

from .models import Call, DeadlineReminder, Program, ProgramFollow, SavedSearch, SavedSearchAlert
from .resources import ProgramResource


class CallInline(admin.TabularInline):
    model = Call
    extra = 0
    fields = ["title", "opens_at", "closes_at", "time_zone", "seats"]


@admin.register(Program)
class ProgramAdmin(ImportExportMixin, admin.ModelAdmin):
    """Import previews each row (created, updated or invalid with its errors) before writing."""

    resource_classes = [ProgramResource]
    formats = [CSV, XLSX, JSON]
    list_display = ["slug", "__str__", "organization", "kind", "country", "is_published"]
    list_filter = ["kind", "country", "is_published", "original_language"]
    list_select_related = ["organization"]
    search_fields = ["slug", "title", "organization__slug"]
    autocomplete_fields = ["organization"]
    filter_horizontal = ["sectors"]
    inlines = [CallInline]


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["__str__", "program", "opens_at", "closes_at", "time_zone", "seats"]
    list_filter = ["time_zone"]
    list_select_related = ["program"]
    search_fields = ["program__slug", "title"]
    autocomplete_fields = ["program"]


@admin.register(ProgramFollow)
class ProgramFollowAdmin(admin.ModelAdmin):
    list_display = ["user", "program", "created_at"]
    list_select_related = ["user", "program"]
    search_fields = ["user__email", "program__slug"]


@admin.register(DeadlineReminder)
class DeadlineReminderAdmin(admin.ModelAdmin):
    list_display = ["user", "call", "days_before", "sent_at"]
    list_select_related = ["user", "call__program"]


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["user", "query", "language", "created_at"]
    list_select_related = ["user"]
    search_fields = ["user__email", "query"]


@admin.register(SavedSearchAlert)
class SavedSearchAlertAdmin(admin.ModelAdmin):
    list_display = ["saved_search", "call", "sent_at"]
    list_select_related = ["saved_search__user", "call__program"]
