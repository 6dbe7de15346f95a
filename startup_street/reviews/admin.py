from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Conflict, Criterion, Review, ReviewAssignment, Rubric, Score, Stake


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


@admin.register(Rubric)
class RubricAdmin(SimpleHistoryAdmin):
    list_display = ["call", "phase", "blind", "reviewers_per_application", "max_per_reviewer"]
    list_filter = ["phase", "blind"]
    autocomplete_fields = ["call"]
    inlines = [CriterionInline]


@admin.register(Conflict)
class ConflictAdmin(SimpleHistoryAdmin):
    list_display = ["reviewer", "startup", "reason", "created_at"]
    list_filter = ["reason"]
    list_select_related = ["reviewer", "startup"]
    search_fields = ["reviewer__email", "startup__name"]


@admin.register(Stake)
class StakeAdmin(SimpleHistoryAdmin):
    list_display = ["startup", "kind", "holder_user", "holder_organization", "recorded_by"]
    list_filter = ["kind"]
    list_select_related = ["startup", "holder_user", "holder_organization", "recorded_by"]
    search_fields = ["startup__name", "holder_user__email"]


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["reviewer", "application", "source", "created_at"]
    list_filter = ["source"]
    list_select_related = ["reviewer", "application__startup"]


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    list_display = ["assignment", "total", "submitted_at"]
    inlines = [ScoreInline]


@admin.register(Score)
class ScoreAdmin(SimpleHistoryAdmin):
    list_display = ["review", "criterion", "value"]
