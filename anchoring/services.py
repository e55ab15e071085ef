"""Counting the anchoring figures ahead of time, so that the dashboard answers by reading a few hundred rows.

`figures_count()` counts every figure of every scope the dashboard can show (each place; each set of districts,
that is the places of those districts; the meetings of each district), per policy area and over all areas, by
month for the last 12 months and by quarter for the last 3 years, and replaces the previous count in one
transaction. Members and ideas are counted once per scope and period, and once over the whole window: a member
active in two places or months counts once in their total. Run it on a schedule (`manage.py anchoring_count`,
every ten minutes); at 100,000 ideas it takes a few seconds of one core."""

import itertools
import time
from datetime import datetime
from datetime import time as clock

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from meetings.models import Registration
from places.models import District, Place

from .models import PERIODS, Count, Figure

# Only one count runs at a time (a second one started meanwhile returns at once): any number for the lock.
COUNT_LOCK = 7_402_614

# Per figure: its events as (place_id, area_id, at, counted), counted once per scope and period. Hidden ideas
# and comments do not count; an idea counts in the policy area it has now.
FIGURE_EVENTS = {
    "ideas": """
        SELECT pp.place_id, p.policy_area_id AS area_id, p.created_at AS at, p.id AS counted
        FROM proposals_proposal p JOIN proposals_proposal_places pp ON pp.proposal_id = p.id
        WHERE p.hidden_at IS NULL AND p.created_at >= %(start)s""",
    "active_members": """
        SELECT pp.place_id, p.policy_area_id, p.created_at, p.author_id
        FROM proposals_proposal p JOIN proposals_proposal_places pp ON pp.proposal_id = p.id
        WHERE p.hidden_at IS NULL AND p.created_at >= %(start)s
        UNION ALL
        SELECT pp.place_id, p.policy_area_id, s.created_at, s.member_id
        FROM proposals_support s JOIN proposals_proposal p ON p.id = s.proposal_id
        JOIN proposals_proposal_places pp ON pp.proposal_id = p.id
        WHERE p.hidden_at IS NULL AND s.created_at >= %(start)s
        UNION ALL
        SELECT pp.place_id, p.policy_area_id, c.created_at, c.author_id
        FROM proposals_comment c JOIN proposals_proposal p ON p.id = c.proposal_id
        JOIN proposals_proposal_places pp ON pp.proposal_id = p.id
        WHERE p.hidden_at IS NULL AND c.hidden_at IS NULL AND c.created_at >= %(start)s""",
    "round_ideas": """
        SELECT pp.place_id, p.policy_area_id, r.created_at, p.id
        FROM rounds_roundidea r JOIN proposals_proposal p ON p.id = r.proposal_id
        JOIN proposals_proposal_places pp ON pp.proposal_id = p.id
        WHERE p.hidden_at IS NULL AND r.created_at >= %(start)s""",
    # An idea is promoted when a version of an agenda first names it as a source of a reform point.
    "promoted": """
        SELECT pp.place_id, p.policy_area_id, first.at, p.id
        FROM (
            SELECT src.proposal_id, MIN(v.created_at) AS at
            FROM agenda_versionpoint_sources src
            JOIN agenda_versionpoint vp ON vp.id = src.versionpoint_id
            JOIN agenda_agendaversion v ON v.id = vp.version_id
            GROUP BY src.proposal_id
        ) first
        JOIN proposals_proposal p ON p.id = first.proposal_id
        JOIN proposals_proposal_places pp ON pp.proposal_id = p.id
        WHERE first.at >= %(start)s""",
    # One per implementation row (its id in the counted column).
    "implementations": """
        SELECT i.place_id, p.policy_area_id, (i.happened_on::timestamp AT TIME ZONE %(tz)s), i.id
        FROM practice_implementation i JOIN proposals_proposal p ON p.id = i.proposal_id
        WHERE i.happened_on >= %(start_day)s AND i.happened_on <= %(today)s""",
    # Members at the meetings held, by their home municipality: meetings belong to districts, members to places.
    "meeting_members": """
        SELECT u.home_place_id, NULL::int, m.starts_at, r.member_id
        FROM meetings_registration r JOIN meetings_meeting m ON m.id = r.meeting_id
        JOIN members_user u ON u.id = r.member_id
        WHERE r.state = %(confirmed)s AND m.starts_at >= %(start)s AND m.starts_at < %(now)s""",
}
PLACE_FIGURES = list(FIGURE_EVENTS)
MEETING_FIGURES = ["meetings", "attendance"]
# Figures of no policy area: the same whichever area the dashboard shows.
AREALESS_FIGURES = ["meeting_members", *MEETING_FIGURES]

# GROUPING(area_id, period): bit 2 when the row sums every area, bit 1 when it sums every period.
FIGURE_SQL = """
SELECT m.scope, e.area_id, e.period, GROUPING(e.area_id, e.period), COUNT(DISTINCT e.counted)
FROM (
    SELECT place_id, area_id, counted, date_trunc(%(kind)s, at AT TIME ZONE %(tz)s)::date AS period
    FROM ({events}) events(place_id, area_id, at, counted)
) e
JOIN unnest(%(scope_places)s::int[], %(scopes)s::text[]) AS m(place_id, scope) ON m.place_id = e.place_id
GROUP BY GROUPING SETS ((m.scope, e.area_id, e.period), (m.scope, e.area_id), (m.scope, e.period), (m.scope))
"""

# Meetings belong to a district (or to both, district empty), not to a place: held = started before now.
MEETINGS_SQL = """
SELECT district_id, period, GROUPING(period), COUNT(DISTINCT meeting_id), COUNT(registration_id)
FROM (
    SELECT m.district_id, m.id AS meeting_id, r.id AS registration_id,
        date_trunc(%(kind)s, m.starts_at AT TIME ZONE %(tz)s)::date AS period
    FROM meetings_meeting m
    LEFT JOIN meetings_registration r ON r.meeting_id = m.id AND r.state = %(confirmed)s
    WHERE m.starts_at >= %(start)s AND m.starts_at < %(now)s
) held
GROUP BY GROUPING SETS ((district_id, period), (district_id))
"""


def periods_for(kind: str, today) -> list:
    """The first days of the last 12 months or quarters, oldest first, the current one last."""
    step = 1 if kind == Figure.Kind.MONTH else 3
    month = today.month - (today.month - 1) % step
    year = today.year
    starts = []
    for _ in range(PERIODS):
        starts.append(today.replace(year=year, month=month, day=1))
        month -= step
        if month < 1:
            month += 12
            year -= 1
    return starts[::-1]


def district_scope(district_ids) -> str:
    return "d" + "-".join(str(pk) for pk in sorted(district_ids))


def place_scope(place_id: int) -> str:
    return f"p{place_id}"


def meeting_scope(district_id: int | None) -> str:
    return "m" if district_id is None else f"m{district_id}"


def _scope_map() -> tuple[list[int], list[str]]:
    """Each place with each scope it belongs to: itself, and every set of districts holding one of its
    districts (a county has a handful of districts: 2 make 3 sets)."""
    district_places = {}
    for district_id, place_id in Place.districts.through.objects.values_list("district_id", "place_id"):
        district_places.setdefault(district_id, set()).add(place_id)
    pairs = {(pk, place_scope(pk)) for pk in Place.objects.values_list("pk", flat=True)}
    districts = sorted(District.objects.values_list("pk", flat=True))
    for size in range(1, len(districts) + 1):
        for chosen in itertools.combinations(districts, size):
            scope = district_scope(chosen)
            pairs |= {(pk, scope) for d in chosen for pk in district_places.get(d, ())}
    return [pk for pk, _ in sorted(pairs)], [scope for _, scope in sorted(pairs)]


def figures_count() -> Count | None:
    """Count every figure afresh and replace the previous count; None when another count is running."""
    started = time.monotonic()
    today = timezone.localdate()
    scope_places, scopes = _scope_map()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [COUNT_LOCK])
        if not cursor.fetchone()[0]:
            return None
        figures = []
        for kind in Figure.Kind.values:
            periods = periods_for(kind, today)
            params = {
                "kind": kind,
                "tz": settings.TIME_ZONE,
                "start": timezone.make_aware(datetime.combine(periods[0], clock.min)),
                "start_day": periods[0],
                "today": today,
                "now": timezone.now(),
                "confirmed": Registration.State.CONFIRMED,
                "scope_places": scope_places,
                "scopes": scopes,
            }
            position = {period: index for index, period in enumerate(periods)}
            for figure, events in FIGURE_EVENTS.items():
                cursor.execute(FIGURE_SQL.format(events=events), params)
                rows = {}
                for scope, area_id, period, grouped, value in cursor.fetchall():
                    if not grouped & 2 and area_id is None:
                        continue  # ideas without a policy area count only among all areas
                    key = (scope, None if grouped & 2 else area_id)
                    _tally(rows, key, position, None if grouped & 1 else period, value)
                figures += _figures(rows, kind, figure)
            cursor.execute(MEETINGS_SQL, params)
            rows = {"meetings": {}, "attendance": {}}
            for district_id, period, grouped, held, attendance in cursor.fetchall():
                key = (meeting_scope(district_id), None)
                day = None if grouped else period
                _tally(rows["meetings"], key, position, day, held)
                _tally(rows["attendance"], key, position, day, attendance)
            for figure in MEETING_FIGURES:
                figures += _figures(rows[figure], kind, figure)
        count = Count.objects.create(
            counted_on=today, counted_at=timezone.now(), seconds=time.monotonic() - started
        )
        for figure in figures:
            figure.count = count
        Figure.objects.bulk_create(figures, batch_size=2000)
        Count.objects.exclude(pk=count.pk).delete()
    return count


def _tally(rows: dict, key: tuple, position: dict, period, value: int):
    figure = rows.setdefault(key, {"periods": [0] * PERIODS, "total": 0})
    if period is None:
        figure["total"] = value
    elif period in position:
        figure["periods"][position[period]] = value


def _figures(rows: dict, kind: str, figure: str) -> list[Figure]:
    return [
        Figure(
            scope=scope, area_id=area_id, kind=kind, figure=figure, periods=row["periods"], total=row["total"]
        )
        for (scope, area_id), row in rows.items()
    ]
