"""Read queries over idea rounds: the index in its order, a round's counts and its ideas."""

from django.db.models import Case, Count, F, Q, Value, When
from django.db.models.functions import TruncDate

from places.models import Place

from .models import Round, RoundIdea, open_rounds_q


def rounds_ordered(today):
    """Every round, open first (closing soonest first), then upcoming (opening soonest first), then closed (the
    most recently ended first); each with `idea_count`, its district joined."""
    open_ = open_rounds_q(today)
    upcoming = Q(opens_on__gt=today, closed_at__isnull=True)
    return (
        Round.objects.select_related("district")
        .annotate(
            idea_count=Count("ideas"),
            state_rank=Case(When(open_, then=Value(0)), When(upcoming, then=Value(1)), default=Value(2)),
            # Within the open and the upcoming: the date that comes next. The closed: the day they ended.
            next_date=Case(
                When(open_, then=F("closes_on")), When(upcoming, then=F("opens_on")), default=None
            ),
            ended_on=Case(When(closed_at__isnull=False, then=TruncDate("closed_at")), default=F("closes_on")),
        )
        .order_by("state_rank", "next_date", "-ended_on", "-id")
    )


def rounds_open(today):
    """The rounds open today, closing soonest first."""
    return Round.objects.filter(open_rounds_q(today)).order_by("closes_on", "id")


def round_for_detail(slug: str) -> Round:
    return Round.objects.select_related("district").prefetch_related("places", "policy_areas").get(slug=slug)


def round_proposal_ids(round_):
    """The ids of the round's ideas, as a subquery for the bank's list and search (ProposalFilters.within)."""
    return RoundIdea.objects.filter(round=round_).values("proposal_id")


def round_place_counts(round_) -> list[tuple[str, int]]:
    """How many of the round's ideas concern each place, in one grouped query: (place name, count), the region
    first, then municipalities by name. An idea about two places counts for each."""
    rows = (
        Place.objects.filter(proposals__round_link__round=round_)
        .values("name", "kind")
        .annotate(count=Count("proposals"))
        .order_by("-kind", "name")
    )
    return [(row["name"], row["count"]) for row in rows]


def round_newest_ideas(round_, *, limit: int):
    """The round's newest ideas, their authors joined (for the feed)."""
    return [
        link.proposal
        for link in RoundIdea.objects.filter(round=round_)
        .select_related("proposal__author")
        .order_by("-created_at", "-id")[:limit]
    ]
