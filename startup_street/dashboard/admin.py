from django.contrib import admin

from .models import (
    AcceptedPlace,
    CallTally,
    IndicatorSnapshot,
    LatestReport,
    OutcomeReminder,
    QuarterOutcome,
)


@admin.register(IndicatorSnapshot)
class IndicatorSnapshotAdmin(admin.ModelAdmin):
    list_display = ["taken_on", "code", "scope", "value", "period_start", "period_end"]
    list_filter = ["code", "scope"]
    date_hierarchy = "taken_on"
    readonly_fields = ["taken_on", "code", "scope", "value", "period_start", "period_end"]


@admin.register(OutcomeReminder)
class OutcomeReminderAdmin(admin.ModelAdmin):
    list_display = ["startup", "year", "quarter", "round", "sent_at", "recipients"]
    list_filter = ["year", "quarter", "round"]
    search_fields = ["startup__name"]
    readonly_fields = ["startup", "year", "quarter", "round", "sent_at", "recipients"]


class RollupAdmin(admin.ModelAdmin):
    """The rollups are kept by the records' writes and recounted by
    ``startup-street rebuild_indicator_rollups``: shown, never edited by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CallTally)
class CallTallyAdmin(RollupAdmin):
    list_display = ["call", "submitted", "accepted"]
    list_select_related = ["call"]


@admin.register(AcceptedPlace)
class AcceptedPlaceAdmin(RollupAdmin):
    list_display = ["application", "call", "startup"]
    list_select_related = ["application", "call", "startup"]


@admin.register(LatestReport)
class LatestReportAdmin(RollupAdmin):
    list_display = ["startup", "year", "quarter", "employees"]
    list_select_related = ["startup"]


@admin.register(QuarterOutcome)
class QuarterOutcomeAdmin(RollupAdmin):
    list_display = ["year", "quarter", "investment_raised_krw"]
    list_filter = ["year"]
