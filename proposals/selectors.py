"""Read queries over the bank that need care: the filtered, searched, sorted list."""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import Exists, F, OuterRef, Prefetch, Q, TextField, Value
from django.db.models.functions import Concat

from places.models import District, Place

from .models import Comment, PolicyArea, Proposal
from .search import tsquery_text

SORTS = {
    "newest": ("-created_at", "-id"),
    "supported": ("-support_count", "-id"),
    "commented": ("-comment_count", "-id"),
    "active": ("-last_activity_at", "-id"),
}
# ts_headline marks matches in raw member text; private-use sentinels let the template escape the text first
# and only then turn the sentinels into <mark> (see the `highlight` filter).
MARK_START, MARK_STOP = "\ue000", "\ue001"
HEADLINE_OPTIONS = {"start_sel": MARK_START, "stop_sel": MARK_STOP, "max_words": 35, "min_words": 15, "max_fragments": 2}


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
    """What a row in an idea list shows: author, area, places and tags, in a fixed number of queries."""
    return Proposal.objects.select_related("author", "policy_area").prefetch_related(
        Prefetch("places", queryset=Place.objects.only("id", "name", "kind")), "tags"
    )


def proposal_list(filters: ProposalFilters):
    """Ideas matching the filters, sorted; with a search, ranked and with a highlighted snippet."""
    through = Proposal.places.through
    qs = proposal_queryset_for_list()
    if filters.place_id is not None:
        qs = qs.filter(Exists(through.objects.filter(proposal=OuterRef("pk"), place_id=filters.place_id)))
    if filters.district_id is not None:
        # The district's places straight from the link table: one index probe per idea, no join through places.
        district_places = Place.districts.through.objects.filter(district_id=filters.district_id).values("place_id")
        qs = qs.filter(Exists(through.objects.filter(proposal=OuterRef("pk"), place_id__in=district_places)))
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

    tsquery = tsquery_text(filters.q) if filters.q else ""
    if tsquery:
        query = SearchQuery(tsquery, search_type="raw", config="swedish")
        qs = qs.filter(search_vector=query).annotate(
            rank=SearchRank(F("search_vector"), query),
            # PostgreSQL evaluates this costly expression only for the rows LIMIT keeps: the visible page.
            headline=SearchHeadline(
                Concat("summary", Value(" "), "body", output_field=TextField()), query, config="swedish", **HEADLINE_OPTIONS
            ),
        )
        order = ("-rank", "-support_count", "-id") if not filters.sort else SORTS[filters.sort]
    else:
        order = SORTS[filters.sort or "newest"]
    return qs.order_by(*order)


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
        "newest": rows.order_by(*SORTS["newest"])[:4],
        "most_supported": rows.filter(support_count__gt=0).order_by(*SORTS["supported"])[:4],
        "areas": PolicyArea.objects.filter(is_active=True),
    }
