from django import template

from startup_street.matching.encoder import COMPONENT_LABELS

register = template.Library()


@register.filter
def component_label(name: str) -> str:
    """A score part's name in the viewer's language (sector -> shared expertise)."""
    return str(COMPONENT_LABELS.get(name, name))
