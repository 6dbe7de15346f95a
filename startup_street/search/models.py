from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """The analysed terms of one searchable object. A database full-text index sits beside it:
    an FTS5 table kept in step by triggers on SQLite, a generated tsvector with a GIN index on
    PostgreSQL (see the migrations).

    Careful: on SQLite, Django applies most field changes by rebuilding the table, which drops
    the FTS triggers; a migration that changes this model must recreate them (see 0002).
    ``tests/search`` fails if the index stops following saves."""

    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("object id"))
    terms = models.TextField(_("terms"))
    embedding = models.BinaryField(_("embedding"), null=True, editable=False)
    embedder = models.CharField(_("embedding model"), max_length=40, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind}#{self.object_id}"
