"""Read queries over the bank that need care: the filtered, searched, sorted list."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.functional import cached_property
from taggit.models import TaggedItem

from places.models import District, Place

from .list_filters import list_filter
from .models import Comment, PolicyArea, Proposal, ProposalCoauthor, ProposalMerge
from .search import ParsedQuery, SearchHits, mark_matches, search_hits, search_query, suggest_titles

SORTS = {
    "newest": ("-created_at", "-id"),
    "supported": ("-support_count", "-id"),
    "commented": ("-comment_count", "-id"),
    "active": ("-last_activity_at", "-id"),
}
# Snippets mark matches in raw member text; private-use sentinels let the template escape the text first
# and only then turn the sentinels into <mark> (see the `highlight` filter). mark_matches() takes any a member
# typed out of the text, so that only the marks it adds become markup.
MARK_START, MARK_STOP = "\ue000", "\ue001"
# How deep the public idea list and the search page: past this many pages, the last of them, with a notice
# asking to narrow the search (see ReachablePaginator).
MAX_PAGES = 50
SNIPPET_WORDS = 35
# A search filtered on a district of at most this many places looks its places up with its words.
DISTRICT_PLACES_SEARCHED = 3
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
    # Only these ideas: a queryset of their ids (`.values("pk")` or a foreign key's), for a higher app's page
    # that lists a subset of the bank with the usual filters (an idea round's page). None: the whole bank.
    within: Any = None
    # The ticked filters of higher apps, by name (proposals.list_filters).
    extra: tuple[str, ...] = ()


@dataclass(frozen=True)
class FilterOptions:
    places: list
    districts: list
    areas: list


def filter_options() -> FilterOptions:
    """Everything the filter form offers, in three queries."""
    return FilterOptions(
        places=list(Place.objects.only("code", "name", "kind", "is_active")),
        districts=list(District.objects.all()),
        areas=list(PolicyArea.objects.filter(is_active=True)),
    )


def proposal_queryset_for_list():
    """What a row in an idea list shows of the idea itself; `proposal_cards` adds its places and tags.

    The card shows no author, so members are not joined: for a common search word that join runs on every
    match before the sort. Add select_related("author") back if the card ever shows the author.
    """
    # Ideas an editor hid are left out here, so out of every list, feed and count built on this.
    return (
        Proposal.objects.filter(hidden_at__isnull=True, merged_into__isnull=True)
        .select_related("policy_area")
        .defer(*SEARCH_FIELDS)
    )


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


class ReachablePaginator(Paginator):
    """A paginator that pages through the first `max_pages` pages of a list only (all pages when None).

    `count` stays the whole list's; `truncated` tells the template that there is more than can be paged to.

    Why a cap: the public list and search are what a crawler walks, page after page, and every filter
    combination has its own pages. Page N of a list costs an OFFSET of (N - 1) × 20 rows: on 100,000 ideas,
    page 5,000 cost four times page 1 (the index walk visits every row it skips, 190 ms of SQL for the last
    page), and a filter whose ideas are spread thin through the sort order visits many rows per row it keeps.
    Capped at 50 pages the offset is at most 980 rows: the newest or most supported list's page 50 costs
    about a millisecond of SQL more than its page 1. An area (in a district) walks its own index in each sort
    order (proposal_area_*); a municipality walks the sort order testing the place ids kept on each idea
    (proposal_list_page). Both walk the index alone, which holds what the filters test, and read the 20 rows
    of the page only (_page_rows). Nobody reads 1,000 ideas in a row: past that, narrowing the
    filters or searching finds an idea faster, as on GitHub or Google. The search pages the same way through
    the ranked ids it keeps (proposals.search.SEARCH_DEPTH), so its deep pages cost what its first does."""

    def __init__(self, object_list, per_page, *, max_pages=None, count_limit=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.max_pages = max_pages
        self.count_limit = count_limit

    @cached_property
    def count(self):
        """The number of ideas, counted no further than one past `count_limit` (see `count_capped`), or past
        the reachable pages' ideas if they are more, so that the pages are always right."""
        if self.count_limit is None or not hasattr(self.object_list, "order_by"):
            return super().count
        reachable = (self.max_pages or 0) * self.per_page
        return self.object_list.order_by()[: max(self.count_limit, reachable) + 1].count()

    @property
    def count_capped(self) -> bool:
        """More ideas than `count_limit`: the page says "more than" the limit rather than how many."""
        return self.count_limit is not None and self.count > self.count_limit

    @cached_property
    def num_pages(self):
        pages = super().num_pages
        return pages if self.max_pages is None else min(pages, self.max_pages)

    @property
    def truncated(self) -> bool:
        return self.max_pages is not None and self.count > self.max_pages * self.per_page

    def number_to_show(self, page_number) -> int:
        """The page get_page() shows for what was asked: the first for what is not a number, the last for a
        number past the end (or below 1), without ever reading a row."""
        try:
            return self.validate_number(page_number)
        except PageNotAnInteger:
            return 1
        except EmptyPage:
            return self.num_pages


def proposal_card_page(
    queryset, page_number, *, max_pages=None, count_limit=None, count_queryset=None
) -> Page:
    """One page of an idea list, its cards loaded (see proposal_cards); with max_pages, only that many pages
    can be reached, with count_limit, no more than that many ideas counted (see ReachablePaginator).
    `count_queryset`: the same ideas, in a form cheaper to count."""
    paginator = ReachablePaginator(
        queryset, settings.PROPOSALS_PER_PAGE, max_pages=max_pages, count_limit=count_limit
    )
    if count_queryset is not None:
        # A cached property: the page below is sliced from `queryset`.
        paginator.count = ReachablePaginator(count_queryset, 1, count_limit=count_limit).count
    page = paginator.page(paginator.number_to_show(page_number))
    page.object_list = proposal_cards(_page_rows(page.object_list))
    return page


def _page_rows(sliced):
    """The rows of one page of a list built on proposal_queryset_for_list: its ids paged first, from the sort
    order's index alone (it holds what the filters test: proposals.models.LISTED_COVERED), then those rows
    read. Walking to page 50 of a filter spread thinly along the order (a municipality) read up to 7,000 rows
    of a national bank for 20."""
    ordering = sliced.query.order_by or sliced.query.get_meta().ordering
    return proposal_queryset_for_list().filter(pk__in=sliced.values("pk")).order_by(*ordering)


def proposal_filtered(filters: ProposalFilters, *, place_by_links: bool = True):
    """The ideas the list and the search show for these filters (all but the search words), unsorted: the one
    place where the filters become SQL, for the list, the search (proposals.search.hits), its suggestions and
    the feeds.

    A municipality filter looks the idea up among the place links (counted from their index), or, with
    `place_by_links=False`, tests the place ids kept on each idea (`search_places`): cheaper per idea while
    walking a sort order or a search's hits, but it reads each idea's row."""
    through = Proposal.places.through
    qs = proposal_queryset_for_list()
    if filters.place_id is not None and place_by_links:
        qs = qs.filter(Exists(through.objects.filter(proposal=OuterRef("pk"), place_id=filters.place_id)))
    elif filters.place_id is not None:
        qs = qs.filter(search_places__contains=f",{filters.place_id},")
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
    if filters.within is not None:
        qs = qs.filter(pk__in=filters.within)
    for name in filters.extra:
        qs = qs.filter(pk__in=list_filter(name).proposal_ids())
    return qs


def proposal_list(filters: ProposalFilters, *, place_by_links: bool = True):
    """Ideas matching the filters (all but the search words: see proposal_search), sorted."""
    return proposal_filtered(filters, place_by_links=place_by_links).order_by(
        *SORTS[filters.sort or "newest"]
    )


def proposal_search_queryset(filters: ProposalFilters):
    """The filtered ideas a search looks among (proposals.search.hits adds the words): the list's own."""
    return proposal_filtered(filters, place_by_links=False)


def proposal_list_page(filters: ProposalFilters, page_number) -> Page:
    """One page of the public list, at most MAX_PAGES deep, its ideas counted up to PROPOSAL_COUNT_LIMIT
    (then "more than"). With a municipality filter, the count comes from the place links and the page from
    walking the sort order testing the ids kept on each idea: a deep page of a big municipality (Stockholm,
    sorted by support, page 50) cost 12 ms of SQL the one way, 4 the other."""
    limit = settings.PROPOSAL_COUNT_LIMIT
    if filters.place_id is None:
        return proposal_card_page(proposal_list(filters), page_number, max_pages=MAX_PAGES, count_limit=limit)
    return proposal_card_page(
        proposal_list(filters, place_by_links=False),
        page_number,
        max_pages=MAX_PAGES,
        count_limit=limit,
        count_queryset=proposal_list(filters),
    )


@dataclass
class SearchResults:
    page: Page
    hits: SearchHits
    query: ParsedQuery
    # False when `q` holds no word to search for (only stop words or punctuation): the page is empty, not
    # the whole bank.
    searchable: bool = True


def proposal_search_hits(
    filters: ProposalFilters,
    *,
    depth: int,
    sort: str | None = None,
    correct: bool = True,
    count_limit: int | None = None,
):
    """The query `filters.q` makes (typos corrected unless `correct` is off, synonyms added) and its hits among
    the filtered ideas, the first `depth` of them ranked (by `sort`, the filters' own by default): what the
    search page, its feed and its exports find alike. The hits are None when `q` holds no searchable word.
    With `count_limit`, more hits than that are not counted (see proposals.search.hits.search_hits)."""
    query = search_query(filters.q, correct=correct)
    if not query:
        return query, None
    return query, search_hits(
        query,
        listed=proposal_search_queryset(filters),
        cacheable=not filters.has_supports,
        sort=filters.sort if sort is None else sort,
        depth=depth,
        count_limit=count_limit,
        places=_search_places(filters),
    )


def _search_places(filters: ProposalFilters) -> tuple[int, ...]:
    """The places one of which every idea the filters keep has, when they are few: a municipality, or a
    district of at most DISTRICT_PLACES_SEARCHED places (the city district; not the county's 26)."""
    if filters.place_id is not None:
        return (filters.place_id,)
    if filters.district_id is None:
        return ()
    ids = list(
        Place.objects.filter(districts=filters.district_id).values_list("id", flat=True)[
            : DISTRICT_PLACES_SEARCHED + 1
        ]
    )
    return tuple(ids) if len(ids) <= DISTRICT_PLACES_SEARCHED else ()


def proposal_search(
    filters: ProposalFilters,
    *,
    page_number,
    per_page: int,
    max_pages: int,
    correct: bool = True,
    count_limit: int | None = None,
) -> SearchResults:
    """A search with the list's filters: one page of ranked ideas with highlighted titles and snippets, and the
    facet counts of all hits. Typos are corrected unless `correct` is off (the member asked for what they
    typed). Queries: the synonyms and places the words name, the facets with the ranked ids of every
    reachable page (cached), the page's rows and its cards' places and tags; none when `q` holds no
    searchable word.

    Only the first `max_pages` pages can be reached (see ReachablePaginator); a page number past them or past
    the last hit shows the last page, one that is no number the first, as Paginator.get_page does. With
    `count_limit`, more hits than that are not counted: the page says "more than" and the facets count the
    hits that can be paged to."""
    query, hits = proposal_search_hits(
        filters, depth=max_pages * per_page, correct=correct, count_limit=count_limit
    )
    if hits is None:
        empty = ReachablePaginator([], per_page, max_pages=max_pages)
        return SearchResults(page=empty.page(1), hits=SearchHits(), query=query, searchable=False)
    paginator = ReachablePaginator([], per_page, max_pages=max_pages, count_limit=count_limit)
    paginator.count = hits.total  # a cached property: the count comes from the facet query
    number = paginator.number_to_show(page_number)
    page_ids = hits.ranked_ids[(number - 1) * per_page : number * per_page]
    rows = proposal_queryset_for_list().in_bulk(page_ids)
    proposals = proposal_cards(rows[pk] for pk in page_ids if pk in rows)
    for proposal in proposals:
        title = mark_matches(proposal.title, query, MARK_START, MARK_STOP)
        proposal.title_marked = title if MARK_START in title else ""
        text = f"{proposal.summary}\n{proposal.body}"
        snippet = mark_matches(text, query, MARK_START, MARK_STOP, max_words=SNIPPET_WORDS)
        proposal.headline = snippet if MARK_START in snippet else ""
    return SearchResults(page=Page(proposals, number, paginator), hits=hits, query=query)


def proposal_page(filters: ProposalFilters, page_number, *, correct: bool = True):
    """One page of the list, or of the search when `filters.q` holds words (then with the search's results, for
    its counts and notices; else None): what the list page and every page like it show."""
    if not filters.q:
        return proposal_list_page(filters, page_number), None
    search = proposal_search(
        filters,
        page_number=page_number,
        per_page=settings.PROPOSALS_PER_PAGE,
        max_pages=MAX_PAGES,
        correct=correct,
        count_limit=settings.PROPOSAL_COUNT_LIMIT,
    )
    return search.page, search


def proposal_for_detail(pk: int):
    # Whether it has co-authors or ideas merged into it: most have neither, and their page asks no more.
    return (
        Proposal.objects.select_related("author", "policy_area", "derived_from")
        .prefetch_related("places__districts", "tags")
        .annotate(
            has_coauthors=Exists(ProposalCoauthor.objects.filter(proposal=OuterRef("pk"))),
            has_merges=Exists(ProposalMerge.objects.filter(kept=OuterRef("pk"), undone_at__isnull=True)),
        )
        .get(pk=pk)
    )


def proposal_district_ids(proposal_id: int) -> set[int]:
    """The districts whose boards the idea concerns: those of its places."""
    links = Place.districts.through.objects.filter(place__proposals=proposal_id)
    return set(links.values_list("district_id", flat=True))


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


def proposal_suggestions(query: ParsedQuery, *, limit: int) -> list[tuple[int, str]]:
    """The titles that complete `query` as it is typed, among the ideas the list shows: (id, title)."""
    return suggest_titles(query, listed=proposal_search_queryset(ProposalFilters()), limit=limit)
