from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """The analysed terms of one searchable object. A database full-text index sits beside it:
    an FTS5 table kept in step by triggers on SQLite, a generated tsvector with a GIN index on
    PostgreSQL (see the migrations)."""

    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("object id"))
    terms = models.TextField(_("terms"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind}#{self.object_id}"
