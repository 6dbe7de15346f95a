from django import template

from startup_street.core.text import join_words
from startup_street.matching.encoder import COMPONENT_LABELS

register = template.Library()


@register.filter
def component_label(name: str) -> str:
    """A score part's name in the viewer's language (sector -> shared expertise)."""
    return str(COMPONENT_LABELS.get(name, name))


@register.filter
def match_reasons(explanation) -> str:
    """Why a pair was matched, in plain words and without figures: the parts that counted,
    strongest first (``shared expertise, shared working language``); the constant base is no
    reason."""
    counted = [(value, name) for name, value in explanation or () if name != "base" and value > 0]
    return join_words(component_label(name) for _value, name in sorted(counted, reverse=True))


@register.filter
def match_figures(explanation) -> str:
    """Every score part with its figure, for the staff who ask (``shared expertise 1.20``)."""
    return join_words(f"{component_label(name)} {value:.2f}" for name, value in explanation or ())
