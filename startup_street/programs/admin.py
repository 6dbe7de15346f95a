from django.contrib import admin

from .models import Call, DeadlineReminder, Program, ProgramFollow


class CallInline(admin.TabularInline):
    model = Call
    extra = 0
    fields = ["title", "opens_at", "closes_at", "time_zone", "seats"]


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
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
