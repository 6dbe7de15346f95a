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
    # Each distinct term's id (SearchTerm) and count, packed (see text/lexical.py).
    postings = models.BinaryField(_("postings"), null=True, editable=False)
    # One or more float32 rows (the embedded texts), concatenated.
    embedding = models.BinaryField(_("embedding"), null=True, editable=False)
    # Structured fields that ranking compares with a query (a program's kind of support, place,
    # sectors, languages, eligibility), written by the indexer of the entry's app.
    fields = models.JSONField(_("structured fields"), null=True, blank=True, editable=False)
    embedder = models.CharField(_("embedding model"), max_length=40, blank=True)
    # A digest of the text the embedding was made from: the background job re-embeds only
    # entries whose text changed (null until the first embedding).
    embedded_digest = models.CharField(
        _("embedded text digest"), max_length=32, null=True, editable=False
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]
        # An index, not db_index: on SQLite, AddIndex needs no table rebuild (which would drop
        # the FTS triggers).
        indexes = [models.Index(fields=["kind", "updated_at"], name="search_entry_kind_updated")]

    def __str__(self) -> str:
        return f"{self.kind}#{self.object_id}"


class IndexGeneration(models.Model):
    """A counter per kind of entry, raised in the same transaction as every write to the index:
    a process keeps its in-memory view of the embeddings and the term statistics until the
    counter moves, so a query costs one primary-key read to know its cache is current."""

    kind = models.CharField(_("kind"), max_length=20, primary_key=True)
    generation = models.PositiveBigIntegerField(_("generation"), default=0)

    class Meta:
        verbose_name = _("index generation")
        verbose_name_plural = _("index generations")

    def __str__(self) -> str:
        return f"{self.kind}@{self.generation}"


class SearchTerm(models.Model):
    """The vocabulary of one kind of entry: an id for each distinct index term, which the
    entries' postings refer to. A term is added in the transaction that first writes it and is
    never updated afterwards (how many entries hold it is counted from the postings, in
    memory); terms no entry holds any more are removed by a full reindex."""

    kind = models.CharField(_("kind"), max_length=20)
    term = models.CharField(_("term"), max_length=64)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [models.UniqueConstraint(fields=["kind", "term"], name="search_term_unique")]

    def __str__(self) -> str:
        return self.term
