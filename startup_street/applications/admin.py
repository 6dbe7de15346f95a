from django.contrib import admin

from .models import (
    Answer,
    Application,
    ApplicationForm,
    Attachment,
    Question,
    StatusChange,
)


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0


@admin.register(ApplicationForm)
class ApplicationFormAdmin(admin.ModelAdmin):
    list_display = ["call"]
    list_select_related = ["call__program"]
    autocomplete_fields = ["call"]
    inlines = [QuestionInline]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "form", "kind", "required", "position"]
    list_filter = ["kind", "required"]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    readonly_fields = ["question", "value"]


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    readonly_fields = ["from_status", "to_status", "actor", "at"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["startup", "call", "status", "submitted_at", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["startup", "call__program"]
    search_fields = ["startup__name", "call__program__slug"]
    # Status moves only through the services: seats, quotas and the timeline depend on it.
    readonly_fields = ["status", "submitted_at", "decided_at", "created_by"]
    autocomplete_fields = ["startup", "call"]
    inlines = [AnswerInline, StatusChangeInline]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "application", "content_type", "size", "uploaded_at"]
    readonly_fields = ["sha256", "size", "content_type"]


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = ["application", "from_status", "to_status", "actor", "at"]
    list_filter = ["to_status"]
