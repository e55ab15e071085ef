"""Atom feeds of new ideas: the whole bank, or exactly what the list at /ideer/ shows for the same query string
(municipality, district, policy area, tag, status, search), newest first.

A feed shows what an anonymous visitor sees and is written in Swedish, whoever asks: feed readers fetch it
without a session and share what they fetched."""

from dataclasses import dataclass, replace

from django.urls import reverse
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from reformbank.feeds import PublicFeed

from . import selectors
from .forms import ProposalFilterForm
from .search import parse_query, search_hits

FEED_ITEMS = 30


@dataclass(frozen=True)
class FeedQuery:
    filters: selectors.ProposalFilters
    query_string: str  # the list's query string, without the page: the feed's alternate link


def feed_proposals(filters: selectors.ProposalFilters, *, limit: int = FEED_ITEMS) -> list:
    """The newest `limit` ideas the list shows for these filters (the search's hits with `q`), authors joined.

    One query without search words; with them, the search's (see search_hits) and one for the rows."""
    if not filters.q:
        return list(selectors.proposal_list(replace(filters, sort="newest")).select_related("author")[:limit])
    query = parse_query(filters.q)
    if not query:
        return []
    ids = search_hits(query, filters=filters, sort="newest", depth=limit).ranked_ids
    by_id = selectors.proposal_queryset_for_list().select_related("author").in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


class ProposalFeed(PublicFeed):
    def get_object(self, request):
        form = ProposalFilterForm(request.GET or None, options=selectors.filter_options())
        params = request.GET.copy()
        params.pop("page", None)
        return FeedQuery(filters=form.filters(), query_string=params.urlencode())

    def title(self, obj):
        if obj.filters.q:
            return _("Reformbanken: nya idéer som matchar ”%(q)s”") % {"q": obj.filters.q}
        if obj.query_string:
            return _("Reformbanken: nya idéer i urvalet")
        return _("Reformbanken: nya idéer")

    def subtitle(self, obj):
        return _("De senaste reformidéerna från medlemmarna i Stockholms län och Stockholms stad.")

    def link(self, obj):
        url = reverse("proposals:list")
        return f"{url}?{obj.query_string}" if obj.query_string else url

    def feed_url(self, obj):
        url = reverse("proposals:feed")
        return f"{url}?{obj.query_string}" if obj.query_string else url

    def items(self, obj):
        return feed_proposals(obj.filters)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # A feed reader renders the summary as HTML: the member's text goes in escaped, as text.
        return linebreaks(escape(item.summary))
