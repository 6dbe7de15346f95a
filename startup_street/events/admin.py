from django.contrib import admin

from . import models


class SlotInline(admin.TabularInline):
    model = models.Slot
    extra = 0


class RuleInline(admin.TabularInline):
    model = models.MeetingRule
    extra = 0


@admin.register(models.Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["slug", "kind", "starts_at", "time_zone", "capacity", "is_published"]
    list_filter = ["kind", "is_published"]
    search_fields = ["slug", "title"]
    filter_horizontal = ["organizers"]
    inlines = [SlotInline, RuleInline]


@admin.register(models.Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ["event", "starts_at", "ends_at"]
    list_filter = ["event"]


@admin.register(models.Table)
class TableAdmin(admin.ModelAdmin):
    list_display = ["name", "event"]
    list_filter = ["event"]


@admin.register(models.Interpreter)
class InterpreterAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "language_pairs"]
    list_filter = ["event"]


@admin.register(models.Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "kind", "status", "user"]
    list_filter = ["event", "kind", "status"]
    search_fields = ["name", "user__email"]
    raw_id_fields = ["user", "startup"]


@admin.register(models.MeetingRule)
class MeetingRuleAdmin(admin.ModelAdmin):
    list_display = ["event", "requester_kind", "recipient_kind", "max_requests"]
    list_filter = ["event"]


@admin.register(models.MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = ["sender", "recipient", "sender_interest", "recipient_interest", "status"]
    list_filter = ["event", "status"]
    raw_id_fields = ["sender", "recipient"]


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["request", "slot", "table", "interpreter", "pinned", "published_slot"]
    list_filter = ["event", "pinned"]
    raw_id_fields = ["request"]


@admin.register(models.ScheduleRun)
class ScheduleRunAdmin(admin.ModelAdmin):
    list_display = ["event", "created_at", "status", "objective", "requested", "seconds"]
    list_filter = ["event", "status"]


class TemplateStepInline(admin.TabularInline):
    model = models.MarketEntryTemplateStep
    extra = 0


@admin.register(models.MarketEntryTemplate)
class MarketEntryTemplateAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organization", "target"]
    list_filter = ["target"]
    inlines = [TemplateStepInline]


@admin.register(models.MarketEntryTemplateStep)
class MarketEntryTemplateStepAdmin(admin.ModelAdmin):
    list_display = ["template", "position", "owner", "days_after_start"]


class EntryStepInline(admin.TabularInline):
    model = models.MarketEntryStep
    extra = 0


@admin.register(models.MarketEntry)
class MarketEntryAdmin(admin.ModelAdmin):
    list_display = ["startup", "origin", "target", "started_on"]
    list_filter = ["origin", "target"]
    inlines = [EntryStepInline]


@admin.register(models.MarketEntryStep)
class MarketEntryStepAdmin(admin.ModelAdmin):
    list_display = ["entry", "position", "owner", "due_on", "done_on"]


@admin.register(models.Outcome)
class OutcomeAdmin(admin.ModelAdmin):
    list_display = ["startup", "kind", "happened_on", "counterpart", "event"]
    list_filter = ["kind", "event"]
    raw_id_fields = ["meeting", "recorded_by"]
