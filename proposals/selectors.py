"""Read queries over the bank that need care: the filtered, searched, sorted list."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from taggit.models import TaggedItem

from places.models import District, Place

from .models import Comment, PolicyArea, Proposal
from .search import SearchHits, mark_matches, parse_query, search_hits

SORTS = {
    "newest": ("-created_at", "-id"),
    "supported": ("-support_count", "-id"),
    "commented": ("-comment_count", "-id"),
    "active": ("-last_activity_at", "-id"),
}
# Snippets mark matches in raw member text; private-use sentinels let the template escape the text first
# and only then turn the sentinels into <mark> (see the `highlight` filter).
MARK_START, MARK_STOP = "\ue000", "\ue001"
SNIPPET_WORDS = 35
# The search index's columns: large, and never shown.
SEARCH_FIELDS = ("search_vector", "search_head", "search_places", "search_districts", "search_tags")


@dataclass(frozen=True)
class ProposalFilters:
    q: str = ""
    place_id: int | None = None
    district_id: int | None = None
    policy_area_id: int | None = None
    tag: str = ""
    status: str = ""
    has_supports: bool = False
    author_id: int | None = None
    sort: str = ""


@dataclass(frozen=True)
class FilterOptions:
    places: list
    districts: list
    areas: list


def filter_options() -> FilterOptions:
    """Everything the filter form offers, in three queries."""
    return FilterOptions(
        places=list(Place.objects.only("code", "name", "kind")),
        districts=list(District.objects.all()),
        areas=list(PolicyArea.objects.filter(is_active=True)),
    )


def proposal_queryset_for_list():
    """What a row in an idea list shows of the idea itself; `proposal_cards` adds its places and tags.

    The card shows no author, so members are not joined: for a common search word that join runs on every
    match before the sort. Add select_related("author") back if the card ever shows the author.
    """
    return Proposal.objects.select_related("policy_area").defer(*SEARCH_FIELDS)


@dataclass(frozen=True)
class CardTag:
    name: str
    slug: str


def proposal_cards(proposals) -> list[Proposal]:
    """The ideas of a list, each with `card_places` (names) and `card_tags` (CardTag) for its card.

    Two queries for the whole list, like prefetch_related, but without a model instance per place and tag or
    a queryset per idea (taggit's prefetch builds one for each): on a page of 20 cards that is most of the
    time the page spends in Python."""
    proposals = list(proposals)
    by_id = {proposal.pk: proposal for proposal in proposals}
    for proposal in proposals:
        proposal.card_places, proposal.card_tags = [], []
    if not by_id:
        return proposals
    links = Proposal.places.through.objects.filter(proposal_id__in=by_id)
    # The region ("region" sorts after "municipality", so first in reverse), then the municipalities by name.
    for proposal_id, name in links.order_by("-place__kind", "place__name").values_list(
        "proposal_id", "place__name"
    ):
        by_id[proposal_id].card_places.append(name)
    tagged = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Proposal), object_id__in=by_id
    )
    for proposal_id, name, slug in tagged.order_by("tag__name").values_list(
        "object_id", "tag__name", "tag__slug"
    ):
        by_id[proposal_id].card_tags.append(CardTag(name, slug))
    return proposals


def proposal_card_page(queryset, page_number) -> Page:
    """One page of an idea list, its cards loaded (see proposal_cards)."""
    page = Paginator(queryset, settings.PROPOSALS_PER_PAGE).get_page(page_number)
    page.object_list = proposal_cards(page.object_list)
    return page


def proposal_list(filters: ProposalFilters):
    """Ideas matching the filters (all but the search words: see proposal_search), sorted."""
    through = Proposal.places.through
    qs = proposal_queryset_for_list()
    if filters.place_id is not None:
        qs = qs.filter(Exists(through.objects.filter(proposal=OuterRef("pk"), place_id=filters.place_id)))
    if filters.district_id is not None:
        # The districts kept on each idea (",1,2,"): its index with the area and status answers a count
        # without reading the table, where joining the place links hashed every link of the district first.
        qs = qs.filter(search_districts__contains=f",{filters.district_id},")
    if filters.policy_area_id is not None:
        qs = qs.filter(policy_area_id=filters.policy_area_id)
    if filters.tag:
        qs = qs.filter(tags__slug=filters.tag)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.has_supports:
        qs = qs.filter(support_count__gt=0)
    if filters.author_id is not None:
        qs = qs.filter(author_id=filters.author_id)

    return qs.order_by(*SORTS[filters.sort or "newest"])


@dataclass
class SearchResults:
    page: Page
    hits: SearchHits


def proposal_search(filters: ProposalFilters, *, page_number, per_page: int) -> SearchResults | None:
    """A search with the list's filters: one page of ranked ideas with highlighted snippets, and the facet
    counts of all hits (None when `q` holds no searchable word). Two queries, the facets with the page's ids
    (a second one when a search of several words is relaxed, see search_hits) and the page's rows."""
    query = parse_query(filters.q)
    if not query:
        return None
    try:
        number = max(1, int(page_number or 1))
    except (TypeError, ValueError):
        number = 1
    options = {
        "place_id": filters.place_id,
        "district_id": filters.district_id,
        "policy_area_id": filters.policy_area_id,
        "tag": filters.tag,
        "status": filters.status,
        "has_supports": filters.has_supports,
        "author_id": filters.author_id,
    }

    def page_hits(number):
        offset = (number - 1) * per_page
        return search_hits(query, filters=options, sort=filters.sort, limit=per_page, offset=offset)

    hits = page_hits(number)
    if not hits.page_ids and hits.total:  # past the last page: show the last page, as get_page() does
        number = -(-hits.total // per_page)
        hits = page_hits(number)
    rows = proposal_queryset_for_list().in_bulk(hits.page_ids)
    proposals = proposal_cards(rows[pk] for pk in hits.page_ids if pk in rows)
    for proposal in proposals:
        text = f"{proposal.summary}\n{proposal.body}"
        snippet = mark_matches(text, query, MARK_START, MARK_STOP, max_words=SNIPPET_WORDS)
        proposal.headline = snippet if MARK_START in snippet else ""
    paginator = Paginator([], per_page)
    paginator.count = hits.total  # a cached property: the count comes from the facet query
    return SearchResults(page=Page(proposals, number, paginator), hits=hits)


def proposal_for_detail(pk: int):
    return (
        Proposal.objects.select_related("author", "policy_area", "derived_from")
        .prefetch_related("places__districts", "tags")
        .get(pk=pk)
    )


def proposal_comments(proposal: Proposal):
    """Top-level comments with their replies, authors loaded."""
    replies = Comment.objects.select_related("author", "hidden_by")
    return (
        Comment.objects.filter(proposal=proposal, parent__isnull=True)
        .select_related("author", "hidden_by")
        .prefetch_related(Prefetch("replies", queryset=replies))
    )


def district_queue(district_ids, status=""):
    """Ideas that concern the given districts, for their editors to handle."""
    through = Proposal.places.through
    qs = proposal_queryset_for_list().filter(
        Exists(through.objects.filter(proposal=OuterRef("pk"), place__districts__in=district_ids))
    )
    if status:
        qs = qs.filter(status=status)
    else:
        qs = qs.filter(Q(status=Proposal.Status.NEW) | Q(status=Proposal.Status.UNDER_REVIEW))
    return qs.order_by("created_at", "id")


def home_overview() -> dict:
    """The start page: a few numbers, the newest and the most supported ideas."""
    rows = proposal_queryset_for_list()
    return {
        "newest": proposal_cards(rows.order_by(*SORTS["newest"])[:4]),
        "most_supported": proposal_cards(rows.filter(support_count__gt=0).order_by(*SORTS["supported"])[:4]),
        "areas": PolicyArea.objects.filter(is_active=True),
    }
