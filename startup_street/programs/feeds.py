from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from startup_street.core.i18n import pick
from startup_street.core.templatetags.street import zoned
from startup_street.core.text import labelled

from .selectors import calls_visible_to


class NewCallsFeed(Feed):
    """RSS of the newest calls of published programs (what anyone may see)."""

    title = _("Startup Street: new calls")
    description = _("Calls for startups newly opened on Startup Street.")

    def link(self):
        return reverse("programs:list")

    def items(self):
        return calls_visible_to(AnonymousUser()).order_by("-created_at")[:50]

    def item_title(self, call):
        return pick(call.program.title, call.program.original_language).text

    def item_description(self, call):
        summary = pick(call.program.summary, call.program.original_language).text
        deadline = zoned(call.closes_at, call.time_zone)
        return f"{summary}\n{labelled(_('Deadline'), deadline)} · {zoned(call.closes_at)}"

    def item_link(self, call):
        return call.program.get_absolute_url()

    def item_guid(self, call):
        return f"call-{call.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, call):
        return call.created_at


class NewCallsAtomFeed(NewCallsFeed):
    feed_type = Atom1Feed
    subtitle = NewCallsFeed.description
