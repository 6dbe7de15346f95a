from django.contrib import admin

from .models import IndicatorSnapshot


@admin.register(IndicatorSnapshot)
class IndicatorSnapshotAdmin(admin.ModelAdmin):
    list_display = ["taken_on", "code", "scope", "value", "period_start", "period_end"]
    list_filter = ["code", "scope"]
    date_hierarchy = "taken_on"
    readonly_fields = ["taken_on", "code", "scope", "value", "period_start", "period_end"]
