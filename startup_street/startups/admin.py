from django.contrib import admin

from .models import Startup, StartupMember


class StartupMemberInline(admin.TabularInline):
    model = StartupMember
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Startup)
class StartupAdmin(admin.ModelAdmin):
    list_display = ["name", "stage", "city", "country", "team_size", "is_public"]
    list_filter = ["stage", "country", "is_public", "sectors"]
    search_fields = ["name", "slug", "city"]
    filter_horizontal = ["sectors"]
    inlines = [StartupMemberInline]


@admin.register(StartupMember)
class StartupMemberAdmin(admin.ModelAdmin):
    list_display = ["user", "startup", "role", "title"]
    list_filter = ["role"]
    list_select_related = ["user", "startup"]
    search_fields = ["user__email", "startup__name"]
    autocomplete_fields = ["user", "startup"]
