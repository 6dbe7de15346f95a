from django.contrib import admin

from .models import Conflict, Criterion, Review, ReviewAssignment, Rubric, Score


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


@admin.register(Rubric)
class RubricAdmin(admin.ModelAdmin):
    list_display = ["call", "blind", "show_other_scores", "reviewers_per_application"]
    autocomplete_fields = ["call"]
    inlines = [CriterionInline]


@admin.register(Conflict)
class ConflictAdmin(admin.ModelAdmin):
    list_display = ["reviewer", "startup", "reason", "created_at"]
    list_filter = ["reason"]
    list_select_related = ["reviewer", "startup"]
    search_fields = ["reviewer__email", "startup__name"]


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(admin.ModelAdmin):
    list_display = ["reviewer", "application", "source", "created_at"]
    list_filter = ["source"]
    list_select_related = ["reviewer", "application__startup"]


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["assignment", "total", "submitted_at"]
    inlines = [ScoreInline]
