"""The anchoring figures: how many members take part where, month by month (or quarter by quarter).

Each figure is one GROUP BY query over the whole scope (places × periods, with GROUPING SETS for the totals
of a place and of a period, so that a member active in two places or months is counted once in each total);
nothing is queried per place or per period."""

import hashlib
import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from meetings.models import Registration

MONTHS = "month"
QUARTERS = "quarter"
PERIOD_COUNTS = {MONTHS: 12, QUARTERS: 12}  # the last 12 months, or 12 quarters (3 years)
# The figures of a scope are kept this long: they count months and quarters, so a few minutes old is as good
# as new, and at 100,000 ideas their queries take a second or more, too slow to run for every page view.
CACHE_SECONDS = 10 * 60

# Per figure: the events behind it as (place_id, at, proposal_id, member_id), and what is counted.
# `%(area)s` restricts to one policy area (or none); hidden ideas and comments do not count.
_IDEA_AREA = "(%(area)s::int IS NULL OR p.policy_area_id = %(area)s::int)"
FIGURE_EVENTS = {
    "ideas": (
        f"""SELECT pp.place_id, p.created_at AS at, p.id AS proposal_id, p.author_id AS member_id
        FROM proposals_proposal p JOIN proposals_proposal_places pp ON pp.proposal_id = p.id
        WHERE p.hidden_at IS NULL AND p.created_at >= %(start)s AND {_IDEA_AREA}""",
        "COUNT(DISTINCT proposal_id)",
    ),
    "active_members": (
        f"""SELECT pp.place_id, p.created_at AS at, p.id AS proposal_id, p.author_id AS member_id
        FROM proposals_proposal p JOIN proposals_proposal_places pp ON pp.proposal_id = p.id
        WHERE p.hidden_at IS NULL AND p.created_at >= %(start)s AND {_IDEA_AREA}
        UNION ALL
        SELECT pp.place_id, s.created_at, p.id, s.member_id
        FROM proposals_support s JOIN proposals_proposal p ON p.id = s.proposal_id
        JOIN proposals_proposal_places pp ON pp.proposal_id = p.id
        WHERE p.hidden_at IS NULL AND s.created_at >= %(start)s AND {_IDEA_AREA}
        UNION ALL
        SELECT pp.place_id, c.created_at, p.id, c.author_id
        FROM proposals_comment c JOIN proposals_proposal p ON p.id = c.proposal_id
        JOIN proposals_proposal_places pp ON pp.proposal_id = p.id
        WHERE p.hidden_at IS NULL AND c.hidden_at IS NULL AND c.created_at >= %(start)s AND {_IDEA_AREA}""",
        "COUNT(DISTINCT member_id)",
    ),
    "round_ideas": (
        f"""SELECT pp.place_id, r.created_at AS at, p.id AS proposal_id, p.author_id AS member_id
        FROM rounds_roundidea r JOIN proposals_proposal p ON p.id = r.proposal_id
        JOIN proposals_proposal_places pp ON pp.proposal_id = p.id
        WHERE p.hidden_at IS NULL AND r.created_at >= %(start)s AND {_IDEA_AREA}""",
        "COUNT(DISTINCT proposal_id)",
    ),
    # An idea is promoted when a version of an agenda first names it as a source of a reform point.
    "promoted": (
        f"""SELECT pp.place_id, first.at, p.id AS proposal_id, p.author_id AS member_id
        FROM (
            SELECT src.proposal_id, MIN(v.created_at) AS at
            FROM agenda_versionpoint_sources src
            JOIN agenda_versionpoint vp ON vp.id = src.versionpoint_id
            JOIN agenda_agendaversion v ON v.id = vp.version_id
            GROUP BY src.proposal_id
        ) first
        JOIN proposals_proposal p ON p.id = first.proposal_id
        JOIN proposals_proposal_places pp ON pp.proposal_id = p.id
        WHERE first.at >= %(start)s AND {_IDEA_AREA}""",
        "COUNT(DISTINCT proposal_id)",
    ),
    "implementations": (
        f"""SELECT i.place_id, (i.happened_on::timestamp AT TIME ZONE %(tz)s) AS at, p.id AS proposal_id,
            i.id AS member_id
        FROM practice_implementation i JOIN proposals_proposal p ON p.id = i.proposal_id
        WHERE i.happened_on >= %(start_day)s AND i.happened_on <= %(today)s AND {_IDEA_AREA}""",
        "COUNT(DISTINCT member_id)",  # one per implementation row (its id in the member column)
    ),
}
PLACE_FIGURES = list(FIGURE_EVENTS)

# Meetings belong to a district (or to both, district empty), not to a place: held = started before now.
MEETINGS_SQL = """
SELECT m.district_id, date_trunc(%(kind)s, m.starts_at AT TIME ZONE %(tz)s) AS period,
    COUNT(DISTINCT m.id) AS meetings, COUNT(r.id) AS attendance, GROUPING(m.district_id) = 1 AS is_total
FROM meetings_meeting m
LEFT JOIN meetings_registration r ON r.meeting_id = m.id AND r.state = %(confirmed)s
WHERE m.starts_at >= %(start)s AND m.starts_at < %(now)s
    AND (m.district_id IS NULL OR m.district_id = ANY(%(districts)s))
GROUP BY GROUPING SETS ((m.district_id, period), (period))
"""


@dataclass
class Dashboard:
    periods: list[date]
    # figure -> place_id -> period -> count; place_id None is the total of the shown places
    by_place: dict[str, dict[int | None, dict[date | None, int]]]
    # "meetings"/"attendance" -> district_id -> period -> count; district None (in the key ALL) is the total
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


ALL = "all"


def periods_for(kind: str, today: date) -> list[date]:
    """The first days of the last 12 months or quarters, oldest first, the current one last."""
    step = 1 if kind == MONTHS else 3
    month = today.month - (today.month - 1) % step
    year = today.year
    starts = []
    for _ in range(PERIOD_COUNTS[kind]):
        starts.append(date(year, month, 1))
        month -= step
        if month < 1:
            month += 12
            year -= 1
    return starts[::-1]


def dashboard_figures(*, place_ids: list[int], district_ids: list[int], area_id: int | None, kind: str):
    """Every figure of the dashboard for these places (and the meetings of these districts), per period,
    from the cache when the same scope was counted in the last CACHE_SECONDS."""
    today = timezone.localdate()
    scope = f"{sorted(place_ids)}|{sorted(district_ids)}|{area_id}|{kind}|{today}"
    key = "anchoring:" + hashlib.sha256(scope.encode()).hexdigest()
    figures = cache.get(key)
    if figures is None:
        figures = _figures_count(place_ids=place_ids, district_ids=district_ids, area_id=area_id, kind=kind)
        cache.set(key, figures, CACHE_SECONDS)
    return figures


def _figures_count(*, place_ids: list[int], district_ids: list[int], area_id: int | None, kind: str):
    today = timezone.localdate()
    periods = periods_for(kind, today)
    tz = settings.TIME_ZONE
    start = timezone.make_aware(datetime.combine(periods[0], time.min))
    params = {
        "start": start,
        "start_day": periods[0],
        "today": today,
        "tz": tz,
        "kind": kind,
        "area": area_id,
        "places": place_ids,
    }
    by_place = {}
    with connection.cursor() as cursor:
        for figure, (events, counted) in FIGURE_EVENTS.items():
            cursor.execute(
                f"""SELECT place_id, date_trunc(%(kind)s, at AT TIME ZONE %(tz)s)::date AS period, {counted}
                FROM ({events}) events
                WHERE place_id = ANY(%(places)s)
                GROUP BY GROUPING SETS ((place_id, period), (place_id), (period), ())""",
                params,
            )
            grouped = {}
            for place_id, period, count in cursor.fetchall():
                grouped.setdefault(place_id, {})[period] = count
            by_place[figure] = grouped
        cursor.execute(
            MEETINGS_SQL,
            {
                **params,
                "now": timezone.now(),
                "districts": district_ids,
                "confirmed": Registration.State.CONFIRMED,
            },
        )
        meetings = {"meetings": {}, "attendance": {}}
        for district_id, period, held, attendance, is_total in cursor.fetchall():
            key = ALL if is_total else district_id  # a district_id None that is no total: a shared meeting
            meetings["meetings"].setdefault(key, {})[period.date()] = held
            meetings["attendance"].setdefault(key, {})[period.date()] = attendance
    return Dashboard(periods=periods, by_place=by_place, meetings=meetings)


def thin_place_ids(dashboard: Dashboard, place_ids: list[int]) -> set[int]:
    """The places in the lowest quartile of active members among the shown places (none when fewer than
    four are shown: a quartile of three says nothing)."""
    if len(place_ids) < 4:
        return set()
    values = {pk: dashboard.place_total("active_members", pk) for pk in place_ids}
    first_quartile = statistics.quantiles(values.values(), n=4, method="inclusive")[0]
    return {pk for pk, value in values.items() if value <= first_quartile}
