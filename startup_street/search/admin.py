"""The search index in the admin, read-only: what an entry holds and when it was written, to
see why a program is (not) found. The index is written only by the search services; rebuild it
with ``startup-street reindex``."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from startup_street.core.admin import ReadOnlyAdmin

from .models import IndexGeneration, SearchEntry, SearchTerm


@admin.register(SearchEntry)
class SearchEntryAdmin(ReadOnlyAdmin):
    list_display = ["kind", "object_id", "embedder", "embedded", "updated_at"]
    list_filter = ["kind", "embedder"]
    search_fields = ["=object_id", "terms"]
    fields = ["kind", "object_id", "terms", "embedder", "embedded_digest", "updated_at"]
    show_full_result_count = False  # counting every entry of a large index is slow

    @admin.display(boolean=True, description=_("embedded"))
    def embedded(self, entry) -> bool:
        return entry.embedded_digest is not None

    def get_queryset(self, request):
        return super().get_queryset(request).defer("postings", "embedding")


@admin.register(IndexGeneration)
class IndexGenerationAdmin(ReadOnlyAdmin):
    list_display = ["kind", "generation"]


@admin.register(SearchTerm)
class SearchTermAdmin(ReadOnlyAdmin):
    list_display = ["term", "kind", "id"]
    list_filter = ["kind"]
    search_fields = ["term"]
    show_full_result_count = False
