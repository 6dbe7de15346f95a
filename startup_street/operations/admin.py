from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import DeadLetter, ScheduledRun


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DeadLetter)
class DeadLetterAdmin(ReadOnlyAdmin):
    list_display = ["task_path", "exception_class_path", "attempts", "failed_at", "rerun_at"]
    list_filter = ["rerun_at", "task_path"]
    search_fields = ["task_path", "exception_class_path", "traceback"]
    readonly_fields = [field.name for field in DeadLetter._meta.fields]
    actions = ["rerun"]

    @admin.action(description=_("Re-run the selected jobs"), permissions=["rerun"])
    def rerun(self, request, queryset):
        done = skipped = 0
        for letter in queryset:
            if letter.rerun_at is not None:
                skipped += 1
                continue
            try:
                services.rerun_dead_letter(letter=letter)
                done += 1
            except (ImportError, ValueError) as error:
                self.message_user(
                    request,
                    _("%(task)s cannot be re-run: %(error)s")
                    % {"task": letter.task_path, "error": error},
                    messages.ERROR,
                )
        if done:
            self.message_user(
                request,
                ngettext("%(count)d job queued again.", "%(count)d jobs queued again.", done)
                % {"count": done},
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d job had already been re-run.",
                    "%(count)d jobs had already been re-run.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    def has_rerun_permission(self, request):
        return request.user.has_perm("operations.rerun_deadletter")


@admin.register(ScheduledRun)
class ScheduledRunAdmin(ReadOnlyAdmin):
    list_display = ["job", "slot", "enqueued_at", "task_result_id"]
    list_filter = ["job"]
