"""The design system's badge class for the events app's status values."""

from django import template

register = template.Library()

BADGES = {
    "approved": "badge--success",
    "accepted": "badge--success",
    "pending": "badge--warning",
    "waitlisted": "badge--warning",
    "sent": "badge--info",
    "declined": "badge--neutral",
}


@register.filter
def badge(status: str) -> str:
    return BADGES.get(status, "badge--neutral")
