from django import template
from django.urls import reverse

from ..alerts import feed_token
from ..discovery import Offer
from ..discovery import eligibility_offer as _eligibility_offer

register = template.Library()


@register.simple_tag
def deadline_feed_url(user) -> str:
    return reverse("programs:deadlines_ics", args=[feed_token(user)])


@register.simple_tag
def eligibility_offer(item, params) -> Offer | None:
    """``{% eligibility_offer understood_item request.GET as offer %}``: the filter that keeps
    the programs taking what the item states about the founder's company (see ``discovery``)."""
    return _eligibility_offer(item, params)
