from django.contrib import admin

from .models import (
    Blocking,
    Booking,
    BookingSeries,
    CallSpaceGrant,
    Certification,
    CertificationHolder,
    Closure,
    DemonstrationFile,
    DemonstrationPlan,
    DemonstrationResult,
    Entitlement,
    EntitlementAdjustment,
    OpeningHours,
    Space,
    SpacePhoto,
    WaitlistEntry,
)


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class ClosureInline(admin.TabularInline):
    model = Closure
    extra = 0


class PhotoInline(admin.TabularInline):
    model = SpacePhoto
    extra = 0


@admin.register(Space)
class SpaceAdmin(admin.ModelAdmin):
    list_display = ["slug", "kind", "organization", "capacity", "time_zone", "is_active"]
    list_filter = ["kind", "is_active", "requires_approval", "organization"]
    list_select_related = ["organization"]
    search_fields = ["slug", "address"]
    filter_horizontal = ["cohort_calls"]
    inlines = [OpeningHoursInline, ClosureInline, PhotoInline]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["space", "starts_at", "ends_at", "status", "startup", "booked_by", "hours"]
    list_filter = ["status", "space__kind", "space__organization"]
    list_select_related = ["space", "startup", "booked_by"]
    search_fields = ["space__slug", "startup__name", "booked_by__email"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["space", "startup", "booked_by", "series", "entitlement", "decided_by"]


@admin.register(BookingSeries)
class BookingSeriesAdmin(admin.ModelAdmin):
    list_display = ["space", "frequency", "until", "confirmed_until", "booked_by"]
    list_select_related = ["space", "booked_by"]
    raw_id_fields = ["space", "booked_by"]


@admin.register(Blocking)
class BlockingAdmin(admin.ModelAdmin):
    list_display = ["space", "starts_at", "ends_at", "reason"]
    list_select_related = ["space"]
    raw_id_fields = ["space", "created_by"]


class AdjustmentInline(admin.TabularInline):
    model = EntitlementAdjustment
    extra = 0
    raw_id_fields = ["made_by"]


@admin.register(Entitlement)
class EntitlementAdmin(admin.ModelAdmin):
    list_display = ["startup", "organization", "kind", "hours_per_month", "starts_on", "ends_on"]
    list_filter = ["kind", "organization"]
    list_select_related = ["startup", "organization"]
    search_fields = ["startup__name"]
    raw_id_fields = ["startup", "call", "granted_by"]
    inlines = [AdjustmentInline]


@admin.register(EntitlementAdjustment)
class EntitlementAdjustmentAdmin(admin.ModelAdmin):
    list_display = ["entitlement", "month", "hours", "reason", "made_at"]
    raw_id_fields = ["entitlement", "made_by"]


@admin.register(CallSpaceGrant)
class CallSpaceGrantAdmin(admin.ModelAdmin):
    list_display = ["call", "kind", "hours_per_month", "months"]
    raw_id_fields = ["call"]


@admin.register(Certification)
class CertificationAdmin(admin.ModelAdmin):
    list_display = ["code", "organization"]
    list_select_related = ["organization"]


@admin.register(CertificationHolder)
class CertificationHolderAdmin(admin.ModelAdmin):
    list_display = ["certification", "user", "valid_until", "recorded_at"]
    list_select_related = ["certification", "user"]
    raw_id_fields = ["user", "recorded_by"]


@admin.register(WaitlistEntry)
class WaitlistEntryAdmin(admin.ModelAdmin):
    list_display = ["space", "starts_at", "ends_at", "startup", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["space", "startup", "user", "booking"]


class ResultInline(admin.StackedInline):
    model = DemonstrationResult
    extra = 0
    raw_id_fields = ["recorded_by"]


@admin.register(DemonstrationPlan)
class DemonstrationPlanAdmin(admin.ModelAdmin):
    list_display = ["robot", "booking", "status", "safety_officer", "decided_at"]
    list_filter = ["status"]
    raw_id_fields = ["booking", "decided_by"]
    inlines = [ResultInline]


class FileInline(admin.TabularInline):
    model = DemonstrationFile
    extra = 0


@admin.register(DemonstrationResult)
class DemonstrationResultAdmin(admin.ModelAdmin):
    list_display = ["plan", "outcome", "recorded_by", "created_at"]
    list_filter = ["outcome"]
    raw_id_fields = ["plan", "recorded_by"]
    inlines = [FileInline]


@admin.register(DemonstrationFile)
class DemonstrationFileAdmin(admin.ModelAdmin):
    list_display = ["name", "result", "uploaded_at"]
    raw_id_fields = ["result"]


@admin.register(SpacePhoto)
class SpacePhotoAdmin(admin.ModelAdmin):
    list_display = ["space", "image", "position"]
    raw_id_fields = ["space"]


@admin.register(OpeningHours)
class OpeningHoursAdmin(admin.ModelAdmin):
    list_display = ["space", "weekday", "opens", "closes"]
    raw_id_fields = ["space"]


@admin.register(Closure)
class ClosureAdmin(admin.ModelAdmin):
    list_display = ["space", "date"]
    raw_id_fields = ["space"]
