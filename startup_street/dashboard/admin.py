from django.contrib import admin

from .models import IndicatorSnapshot, OutcomeReminder


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
