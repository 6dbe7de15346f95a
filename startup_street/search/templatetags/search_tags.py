"""``{% load search_tags %}``: search-result snippets with the query's words marked."""

from functools import lru_cache
from typing import NamedTuple

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from startup_street.core.enums import Stage
from startup_street.text.analysers import fts_query_terms, highlight_spans, written_forms
from startup_street.text.query import Understood

register = template.Library()

SNIPPET_CHARS = 180


@lru_cache(maxsize=256)
def _terms(query: str) -> tuple[str, ...]:
    """A query's terms and their other-language forms, worked out once for all the snippets of
    a results page (the term dictionary is read from the package, so they never go stale)."""
    return tuple(fts_query_terms(query, expand=True))


@register.filter
def highlight(text, query) -> SafeString:
    """``{{ summary|highlight:q }}``: the text, escaped, with the query's terms (and their
    forms in the other languages) in ``<mark>``, cut to a window around the first of them."""
    text = "" if text is None else str(text)
    spans = highlight_spans(text, _terms(str(query or ""))) if query else []
    start = 0
    if len(text) > SNIPPET_CHARS:
        first = spans[0][0] if spans else 0
        start = max(0, min(first - SNIPPET_CHARS // 4, len(text) - SNIPPET_CHARS))
    end = min(len(text), start + SNIPPET_CHARS)
    parts, cursor = ["…" if start else ""], start
    for span_start, span_end in spans:
        if span_start < cursor or span_end > end:
            continue
        parts += [escape(text[cursor:span_start]), "<mark>", escape(text[span_start:span_end])]
        parts.append("</mark>")
        cursor = span_end
    parts += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


class UnderstoodTag(NamedTuple):
    label: str  # in the reader's language
    again: str  # the query string of the same search without the words it came from
    item: Understood


@register.simple_tag
def understood_as(query, params) -> list[UnderstoodTag]:
    """``{% understood_as parsed_query request.GET as items %}``: what a search's words were
    read as, each an ``UnderstoodTag``."""
    if query is None or not getattr(query, "understood", None):
        return []
    items = []
    for n, item in enumerate(query.understood):
        label = understood_label(item)
        if label:
            again = params.copy()
            again["q"] = query.without(n)
            again.pop("page", None)
            items.append(UnderstoodTag(label, again.urlencode(), item))
    return items


def understood_label(item) -> str:
    name = concept_name(item.value) if item.kind in CONCEPT_LABELS else ""
    if item.kind in CONCEPT_LABELS:
        return CONCEPT_LABELS[item.kind]() % {"name": name}
    if item.kind == "years":
        n = int(item.value)
        return ngettext("Founded up to %(n)d year ago", "Founded up to %(n)d years ago", n) % {
            "n": n
        }
    if item.kind == "team":
        n = int(item.value)
        return ngettext("Team of %(n)d person", "Team of up to %(n)d people", n) % {"n": n}
    if item.kind == "stage":
        return _("Stage: %(stage)s") % {"stage": Stage(item.value).label}
    if item.kind == "pre_founder":
        return _("Not founded yet")
    if item.kind == "revenue":
        return _("No revenue yet")
    return ""


CONCEPT_LABELS = {
    "concept": lambda: pgettext("understood as", "Topic: %(name)s"),
    "place": lambda: pgettext("understood as", "Place: %(name)s"),
    "market": lambda: pgettext("understood as", "Market: %(name)s"),
    "nationality": lambda: pgettext("understood as", "Founders from: %(name)s"),
}


def concept_name(concept: str) -> str:
    """A concept of the term dictionary as written in the reader's language."""
    language = {"zh-hans": "zh"}.get(get_language() or "en", (get_language() or "en")[:2])
    forms = written_forms(concept)
    chosen = forms.get(language) or forms.get("en") or [concept]
    return chosen[0]
