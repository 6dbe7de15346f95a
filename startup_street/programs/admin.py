from django.contrib import admin

from .models import Call, Program


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
