from django import template

from startup_street.operations.health import OK, run_checks

register = template.Library()


@register.inclusion_tag("operations/_health_warnings.html")
def health_warnings():
    """What staff must know about the running site (search fallen back, jobs not taken)."""
    return {"checks": [c for c in run_checks().checks if c.status != OK and c.warning]}
