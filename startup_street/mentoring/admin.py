from django.contrib import admin

from .models import (
    AvailabilityWindow,
    FounderPreference,
    MentorBid,
    MentoringSession,
    MentorProfile,
    Mentorship,
    ProgramMentoring,
)


class AvailabilityInline(admin.TabularInline):
    model = AvailabilityWindow
    extra = 0


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "hours_per_month", "max_startups", "is_active"]
    list_filter = ["is_active", "organization"]
    list_select_related = ["user", "organization"]
    search_fields = ["user__email", "user__display_name"]
    filter_horizontal = ["expertise"]
    autocomplete_fields = ["user", "organization"]
    inlines = [AvailabilityInline]


@admin.register(Mentorship)
class MentorshipAdmin(admin.ModelAdmin):
    list_display = ["mentor", "startup", "status", "hours_cap", "created_at"]
    list_filter = ["status"]
    list_select_related = ["mentor__user", "startup"]


@admin.register(MentoringSession)
class MentoringSessionAdmin(admin.ModelAdmin):
    list_display = ["mentorship", "starts_at", "ends_at", "status", "founder_rating"]
    list_filter = ["status"]


@admin.register(MentorBid)
class MentorBidAdmin(admin.ModelAdmin):
    list_display = ["mentor", "startup", "value", "updated_at"]
    list_filter = ["value"]
    list_select_related = ["mentor__user", "startup"]


@admin.register(FounderPreference)
class FounderPreferenceAdmin(admin.ModelAdmin):
    list_display = ["startup", "mentor", "value", "set_by", "updated_at"]
    list_filter = ["value"]
    list_select_related = ["startup", "mentor__user", "set_by"]
    search_fields = ["startup__name", "mentor__user__email"]
    raw_id_fields = ["startup", "mentor", "set_by"]


@admin.register(ProgramMentoring)
class ProgramMentoringAdmin(admin.ModelAdmin):
    list_display = ["program", "hours_per_startup", "hours_total"]
    autocomplete_fields = ["program"]
