from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import OutcomeReport, Startup, StartupMember


class StartupMemberInline(admin.TabularInline):
    model = StartupMember
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Startup)
class StartupAdmin(admin.ModelAdmin):
    list_display = ["name", "stage", "city", "country", "team_size", "is_public"]
    list_filter = ["stage", "country", "is_public", "sectors"]
    search_fields = ["name", "slug", "city"]
    filter_horizontal = ["sectors"]
    inlines = [StartupMemberInline]


@admin.register(StartupMember)
class StartupMemberAdmin(admin.ModelAdmin):
    list_display = ["user", "startup", "role", "title"]
    list_filter = ["role"]
    list_select_related = ["user", "startup"]
    search_fields = ["user__email", "startup__name"]
    autocomplete_fields = ["user", "startup"]


@admin.register(OutcomeReport)
class OutcomeReportAdmin(SimpleHistoryAdmin):
    list_display = [
        "startup",
        "year",
        "quarter",
        "employees",
        "investment_raised_krw",
        "verified_at",
    ]
    list_filter = ["year", "quarter", ("verified_at", admin.EmptyFieldListFilter)]
    list_select_related = ["startup"]
    search_fields = ["startup__name", "startup__slug"]
    autocomplete_fields = ["startup"]
    readonly_fields = ["reported_by", "verified_by", "verified_at"]
