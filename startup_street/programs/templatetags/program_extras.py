from django import template
from django.urls import reverse

from ..alerts import feed_token

register = template.Library()


@register.simple_tag
def deadline_feed_url(user) -> str:
    return reverse("programs:deadlines_ics", args=[feed_token(user)])
