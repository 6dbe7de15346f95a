from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Cohort, Decision, DecisionSettings, Notice, Quota


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["application", "value", "decided_by", "decided_at", "released_at"]
    list_filter = ["value"]
    list_select_related = ["application__startup", "application__call__program", "decided_by"]
    # Decisions are made and released only through the services: seats and e-mails depend on it.
    readonly_fields = ["application", "value", "decided_by", "decided_at", "released_at"]


@admin.register(DecisionSettings)
class DecisionSettingsAdmin(SimpleHistoryAdmin):
    list_display = ["call", "hold"]
    list_select_related = ["call__program"]


@admin.register(Quota)
class QuotaAdmin(SimpleHistoryAdmin):
    list_display = ["call", "sector", "min_percent"]
    list_select_related = ["call__program", "sector"]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "call", "formed_by", "updated_at"]
    list_select_related = ["call__program", "formed_by"]
    filter_horizontal = ["applications"]


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "call", "sent_by", "recipients", "sent_at"]
    list_select_related = ["call__program", "sent_by"]
    readonly_fields = ["recipients", "sent_at"]
