from django.contrib import admin

from .models import MatchRun


@admin.register(MatchRun)
class MatchRunAdmin(admin.ModelAdmin):
    list_display = ["kind", "organization", "created_by", "created_at", "status", "objective"]
    list_filter = ["kind", "status"]
    readonly_fields = ["inputs", "pairs", "diagnosis", "objective", "optimal", "seconds"]
