"""The dashboard's figures, read from the newest count (anchoring.services.figures_count): two queries for any
selection, however many places it shows; nothing is counted while a page waits."""

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Q

from .models import Count, Figure
from .services import (
    AREALESS_FIGURES,
    MEETING_FIGURES,
    PLACE_FIGURES,
    district_scope,
    meeting_scope,
    periods_for,
    place_scope,
)

MONTHS, QUARTERS = Figure.Kind.MONTH, Figure.Kind.QUARTER
ALL = "all"


@dataclass
class Dashboard:
    periods: list[date]
    counted_at: datetime
    # figure -> place_id -> period -> count, with the whole window under the period None; place_id None is
    # the total of the shown places (a member active in two of them counted once)
    by_place: dict[str, dict[int | None, dict[date | None, int]]]
    # "meetings"/"attendance" -> district_id -> period -> count; district None: meetings of both districts;
    # ALL: the total
    meetings: dict[str, dict[object, dict[date, int]]] = field(default_factory=dict)

    def place_total(self, figure: str, place_id: int | None) -> int:
        return self.by_place[figure].get(place_id, {}).get(None, 0)

    def series(self, figure: str) -> list[int]:
        """The total of the shown places in each period."""
        totals = self.by_place[figure].get(None, {})
        return [totals.get(period, 0) for period in self.periods]

    def meeting_series(self, figure: str) -> list[int]:
        totals = self.meetings[figure].get(ALL, {})
        return [totals.get(period, 0) for period in self.periods]


def dashboard_read(*, place_ids: list[int], district_ids: list[int], area_id: int | None, kind: str):
    """The figures of these places (and the meetings of these districts) in the newest count, or None before
    the first count. One place shown: its total is its own figures; else those of the districts' places."""
    count = Count.objects.order_by("-counted_at", "-pk").first()
    if count is None:
        return None
    place_scopes = {place_scope(pk): pk for pk in place_ids}
    total_scope = place_scope(place_ids[0]) if len(place_ids) == 1 else district_scope(district_ids)
    meeting_scopes = {meeting_scope(pk): pk for pk in [*district_ids, None]}
    # Meetings belong to no policy area: their figures show whichever area is chosen.
    area = Q(area__isnull=True) if area_id is None else Q(area_id=area_id) | Q(figure__in=AREALESS_FIGURES)
    rows = Figure.objects.filter(
        area, count=count, kind=kind, scope__in=[*place_scopes, total_scope, *meeting_scopes]
    ).values_list("scope", "figure", "periods", "total")
    periods = periods_for(kind, count.counted_on)
    by_place = {figure: {} for figure in PLACE_FIGURES}
    meetings = {figure: {} for figure in MEETING_FIGURES}
    for scope, figure, values, total in rows:
        by_period = {**dict(zip(periods, values, strict=True)), None: total}
        if figure in meetings:
            meetings[figure][meeting_scopes[scope]] = by_period
            continue
        if scope in place_scopes:
            by_place[figure][place_scopes[scope]] = by_period
        if scope == total_scope:
            by_place[figure][None] = by_period
    for by_district in meetings.values():
        by_district[ALL] = {
            period: sum(values.get(period, 0) for values in by_district.values())
            for period in [*periods, None]
        }
    return Dashboard(periods=periods, counted_at=count.counted_at, by_place=by_place, meetings=meetings)


def thin_place_ids(dashboard: Dashboard, place_ids: list[int]) -> set[int]:
    """The places in the lowest quartile of active members among the shown places (none when fewer than
    four are shown: a quartile of three says nothing)."""
    if len(place_ids) < 4:
        return set()
    values = {pk: dashboard.place_total("active_members", pk) for pk in place_ids}
    first_quartile = statistics.quantiles(values.values(), n=4, method="inclusive")[0]
    return {pk for pk, value in values.items() if value <= first_quartile}
