"""Atom feeds of new ideas: the whole bank, or exactly what the list at /ideer/ shows for the same query string
(municipality, district, policy area, tag, status, search), newest first. The feed's title names the selection
("Nya idéer i Nacka"), as does the list page's <link rel="alternate"> to it.

A feed shows what an anonymous visitor sees and is written in Swedish, whoever asks: feed readers fetch it
without a session and share what they fetched."""

from dataclasses import dataclass, replace

from django.urls import reverse
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from reformbank.feeds import PublicFeed

from . import selectors
from .forms import ProposalFilterForm
from .models import Proposal

FEED_ITEMS = 30


@dataclass(frozen=True)
class FeedQuery:
    filters: selectors.ProposalFilters
    options: selectors.FilterOptions
    query_string: str  # the list's query string, without the page: the feed's alternate link


def selection_title(filters: selectors.ProposalFilters, options: selectors.FilterOptions) -> str:
    """What a feed of the list holds, in the active language, from the filters' names alone (no query):
    "Nya idéer i Nacka inom sakområdet Skola och utbildning med taggen läxhjälp som matchar ”fritids”".

    A tag is named by its slug, as the query string has it: its name would cost a query on every list page.
    """
    parts = []
    place = next((p.name for p in options.places if p.pk == filters.place_id), None)
    district = next((d.display_name for d in options.districts if d.pk == filters.district_id), None)
    area = next((a.display_name for a in options.areas if a.pk == filters.policy_area_id), None)
    if place:
        parts.append(_("i %(place)s") % {"place": place})
    if district:
        parts.append(_("i %(district)s") % {"district": district})
    if area:
        parts.append(_("inom sakområdet %(area)s") % {"area": area})
    if filters.tag:
        parts.append(_("med taggen %(tag)s") % {"tag": filters.tag})
    if filters.status:
        parts.append(_("med status ”%(status)s”") % {"status": Proposal.Status(filters.status).label})
    if filters.has_supports:
        parts.append(_("med stöd"))
    if filters.q:
        parts.append(_("som matchar ”%(q)s”") % {"q": filters.q})
    if not parts:
        return _("Nya idéer i Reformbanken")
    return " ".join([_("Nya idéer"), *parts])


def feed_proposals(filters: selectors.ProposalFilters, *, limit: int = FEED_ITEMS) -> list:
    """The newest `limit` ideas the list shows for these filters (the search's hits with `q`), authors joined.

    One query without search words; with them, the search's (see search_hits) and one for the rows."""
    if not filters.q:
        return list(selectors.proposal_list(replace(filters, sort="newest")).select_related("author")[:limit])
    _query, hits = selectors.proposal_search_hits(filters, depth=limit, sort="newest")
    if hits is None:
        return []
    ids = hits.ranked_ids
    by_id = selectors.proposal_queryset_for_list().select_related("author").in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


class ProposalFeed(PublicFeed):
    def get_object(self, request):
        options = selectors.filter_options()
        form = ProposalFilterForm(request.GET or None, options=options)
        params = request.GET.copy()
        params.pop("page", None)
        return FeedQuery(filters=form.filters(), options=options, query_string=params.urlencode())

    def title(self, obj):
        selection = selection_title(obj.filters, obj.options)
        bank = _("Nya idéer i Reformbanken")
        # A feed reader lists feeds by title: a selection's says where it comes from.
        return (
            selection if selection == bank else _("%(selection)s – Reformbanken") % {"selection": selection}
        )

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

    def item_updateddate(self, item):
        # An edit of the title or summary is a change a reader should see (and moves the Last-Modified).
        return item.updated_at

    def item_description(self, item):
        # A feed reader renders the summary as HTML: the member's text goes in escaped, as text.
        return linebreaks(escape(item.summary))
