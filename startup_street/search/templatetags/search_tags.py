"""``{% load search_tags %}``: search-result snippets with the query's words marked."""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from startup_street.text.analysers import fts_query_terms, highlight_spans

register = template.Library()

SNIPPET_CHARS = 180


@register.filter
def highlight(text, query) -> SafeString:
    """``{{ summary|highlight:q }}``: the text, escaped, with the query's terms (and their
    forms in the other languages) in ``<mark>``, cut to a window around the first of them."""
    text = "" if text is None else str(text)
    terms = fts_query_terms(str(query or ""), expand=True) if query else []
    spans = highlight_spans(text, terms)
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
