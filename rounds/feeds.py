"""The Atom feed of a round's newest ideas."""

from django.http import Http404
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from reformbank.feeds import PublicFeed

from . import selectors
from .models import Round

FEED_ITEMS = 30


class RoundFeed(PublicFeed):
    def get_object(self, request, slug):
        try:
            return Round.objects.get(slug=slug)
        except Round.DoesNotExist:
            raise Http404 from None

    def title(self, obj):
        return _("Reformbanken: nya idéer i idéinsamlingen ”%(round)s”") % {"round": obj.title}

    def subtitle(self, obj):
        return _("De senaste idéerna som medlemmarna skickat in till idéinsamlingen.")

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return selectors.round_newest_ideas(obj, limit=FEED_ITEMS)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # A feed reader renders the summary as HTML: the member's text goes in escaped, as text.
        return linebreaks(escape(item.summary))
