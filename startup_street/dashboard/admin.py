from django.contrib import admin

from startup_street.core.admin import ReadOnlyAdmin

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


# The rollups are kept by the records' writes and recounted by
# ``startup-street rebuild_indicator_rollups``: shown, never edited by hand.


@admin.register(CallTally)
class CallTallyAdmin(ReadOnlyAdmin):
    list_display = ["call", "submitted", "accepted"]
    list_select_related = ["call"]


@admin.register(AcceptedPlace)
class AcceptedPlaceAdmin(ReadOnlyAdmin):
    list_display = ["application", "call", "startup"]
    list_select_related = ["application", "call", "startup"]


@admin.register(LatestReport)
class LatestReportAdmin(ReadOnlyAdmin):
    list_display = ["startup", "year", "quarter", "employees"]
    list_select_related = ["startup"]


@admin.register(QuarterOutcome)
class QuarterOutcomeAdmin(ReadOnlyAdmin):
    list_display = ["year", "quarter", "investment_raised_krw"]
    list_filter = ["year"]
