"""A search's hits: the facets over all of them and the ids of the first pages in order, in one SQL statement
built on the list's own filtered queryset (proposals.selectors.proposal_search_queryset), and cached.

The cache is Django's "search" cache (Redis with REDIS_URL, else a database table), bounded in size (and
time), keyed by the statement itself, which holds everything the result depends on (the words and their forms,
the filters, the sort, the depth), and by the time of the bank's last change to an idea's text, places, tags or
status (LAST_CHANGE_SQL), read from an index. Nothing is written to mark a change, so no write waits on a
shared row. Supports and comments change no idea's updated_at: only searches in orders they cannot change are
cached (CACHED_SORTS), so twenty supports at once clear no cached search. Two changes committed out of order
within a moment may leave a search cached without the earlier one for up to SEARCH_CACHE_SECONDS.
"""

import functools
import hashlib
import json
import math
import time
from dataclasses import dataclass, field, replace
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.models import BooleanField, IntegerField, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from reformbank.database import RANDOM_PAGE_COST

from .index import SEARCH_CACHE, place_lexeme
from .language import RANK_WEIGHTS, SUMMARY_MARK, quote_lexeme
from .lexicon import bank_lexicon
from .query import ParsedQuery, SynonymSet, parse_query, rank_clauses

# Per sort: the columns the hits carry for it besides the id and the facets, and the order. Relevance: ideas
# with every word first, then the title's best tiers, the summary, and recency (not support: a search in these
# two orders depends on nothing that a support or a comment changes, so it can be cached).
SEARCH_ORDERS = {
    "": (("rank", "created_at"), "rank DESC, created_at DESC, id DESC"),
    "newest": (("created_at",), "created_at DESC, id DESC"),
    "supported": (("support_count",), "support_count DESC, id DESC"),
    "commented": (("comment_count",), "comment_count DESC, id DESC"),
    "active": (("last_activity_at",), "last_activity_at DESC, id DESC"),
}
# A search of two or more words with fewer hits than a page also shows, after them, the ideas that lack one
# of its words. Not when a page is full of ideas with every word: the ideas of a common word alone (`fler`
# cykelbanor) would then all be ranked and counted, for places nobody reads.
RELAX_BELOW = 20
# Sorts whose order depends only on what the index holds (and the status): only these are cached.
CACHED_SORTS = frozenset({"", "newest"})
TOP_TAGS = 12
HIT_COLUMNS = ("id", "status", "policy_area_id", "search_places", "search_tags", "complete")

# The hits are read once, from the GIN index's bitmap, into a CTE. Facets are counted in one pass over it that
# groups the hits on (status, area) and on their place and tag lists (",3,17,") as wholes: a few hundred
# groups, whose lists are then split. Grouping on short strings is several times cheaper than on arrays or
# than splitting every hit's list. The ids of the first `depth` hits in order come from the same CTE, as one
# string, so that one result (and one cache entry) serves every page of a search.
SEARCH_SQL = """
WITH hits AS MATERIALIZED ({hits}),
top AS MATERIALIZED (SELECT * FROM hits ORDER BY {order} LIMIT {depth}),
groups AS (
    SELECT status, policy_area_id, search_places, search_tags, count(*)::int AS n FROM {facets}
    GROUP BY GROUPING SETS ((status, policy_area_id), (search_places), (search_tags))
)
SELECT 'status' AS kind, status AS key, policy_area_id::text AS label, n FROM groups WHERE status IS NOT NULL
UNION ALL
SELECT 'place', place_id, NULL, sum(n)::int
FROM groups, unnest(string_to_array(search_places, ',')) AS place_id
WHERE search_places IS NOT NULL AND place_id <> '' GROUP BY place_id
UNION ALL
SELECT 'tag', t.slug, t.name, top.n FROM (
    SELECT tag_id, sum(n)::int AS n FROM groups, unnest(string_to_array(search_tags, ',')) AS tag_id
    WHERE search_tags IS NOT NULL AND tag_id <> '' GROUP BY tag_id ORDER BY n DESC, tag_id LIMIT {top_tags}
) AS top JOIN taggit_tag t ON t.id = top.tag_id::int
UNION ALL
SELECT 'complete', NULL, NULL, count(*)::int FROM hits WHERE complete
UNION ALL
SELECT 'total', NULL, NULL, count(*)::int FROM hits
UNION ALL
SELECT 'ranked', string_agg(id::text, ',' ORDER BY {order}), NULL, count(*)::int FROM top HAVING count(*) > 0
"""
# A search with a count limit, sorted by date or by a count, first looks among the ideas first in that order (a
# window of the sort's own index, ANDed with the GIN bitmap): when the window holds the hits of every reachable
# page, those pages are the search's. With more hits than the limit in the window, the page says "more than" the
# limit and the facets count the hits that can be paged to: the table is read for no hit nobody can page to (a
# common word on a national bank has 300,000). With fewer, one more statement reads the hits, ranking none, up to
# the limit + 1: more than the limit, and the page says so; else it counts them and their facets, exact (the
# pages still come from the window). Otherwise the window grows (by what it found), and once it would hold the
# whole bank every hit is ranked and counted. A search by relevance past the limit ranks the hits at or above a
# rank that enough of them reach (from_the_top, below), and counts as a window does; or else every hit, its
# facets too counting the hits that can be paged to (FACETS_COUNTED_SQL).
FACETS_COUNTED_SQL = """(
    SELECT * FROM hits WHERE (SELECT count(*) FROM hits) <= {limit}
    UNION ALL
    SELECT * FROM top WHERE (SELECT count(*) FROM hits) > {limit}
) AS facet_hits"""
WINDOWS = {
    "newest": "created_at",
    "supported": "support_count",
    "commented": "comment_count",
    "active": "last_activity_at",
}
WINDOW_FIRST = 50_000
# A window that holds too few hits for the reachable pages grows, unless the bank, holding as many hits as the
# window did for its size, would hold no more than this many times the limit + 1: every hit is then read once
# (another window, then a count of the hits, would each read the GIN index's lists of the words again).
WINDOW_READ_ALL = 5
# A window is sized to hold this many times the reachable pages' hits, by what the last one found or, for the
# first, by the planner's estimate of the hits (from the statistics of the GIN index's lexemes): a first window
# expected to hold too few is made larger, or, when the bank is expected to hold no more than WINDOW_READ_ALL
# times the limit + 1, not tried (`äldreboende` in the city district: a window of 50,000 ideas found 612 hits
# of 12,125 in 53 ms, and then every hit was read).
WINDOW_MARGIN = 1.2
# From this many ideas (the table's estimate), as a window is tried from WINDOW_BANK.
WINDOW_ESTIMATED_BANK = 200_000
# On a smaller bank the table stays in the database's memory and reading every hit costs less than a window
# that turns out too small: every hit is ranked and counted.
WINDOW_BANK = 200_000
# The idea at the window's edge (its sort value and id: ties in the sort value are ordered by id, so that a
# window of comments, which most ideas have none of, still holds `size` ideas), unless the window would hold
# the whole bank: as many ideas as the table's estimate (-1 until it is first analysed), which it gives too. One
# query.
WINDOW_SQL = """
SELECT edge.*, c.reltuples FROM pg_class c, LATERAL (
    SELECT {column}, id FROM proposals_proposal ORDER BY {column} DESC, id DESC OFFSET %(size)s LIMIT 1
) AS edge
WHERE c.oid = 'proposals_proposal'::regclass AND (c.reltuples < 0 OR c.reltuples > greatest(%(size)s, %(bank)s))
"""
# A common word matches a third of the bank: the planner would then read the whole table, not knowing that
# most vectors live out of line in TOAST; the GIN bitmap needs neither. Nor may it walk a sort order's index
# testing each idea's vector (a window of 5,000 ideas cost 250 ms): bitmaps only. And room for the hits in
# memory. No JIT compilation (Debian's PostgreSQL has it; the embedded one has not): a statement over a national
# bank costs more than jit_above_cost, and compiling (forced on at 100,000 ideas) added 100-200 ms to a search.
# Nor may it read a bitmap of other indexes' rows testing each one's vector, which the planner costs as one
# operator, though it reads the vector from TOAST (8 µs a row): an operator costs 20 times PostgreSQL's default
# (cpu_operator_cost 0.0025), so that it ANDs the GIN bitmap in. On 1,000,000 ideas, sorted by comments among
# the supported ideas (the window's edge among ideas without comments, tied by id: a range of the most
# supported index), the window read 19,000 rows testing each vector (120-185 ms) where it now reads the 800
# hits (8-35 ms); of 360 searches nobody had made, no statement whose plan this changes got more than 7 ms
# slower. At 100 times the default the planner also ANDs the GIN bitmap of a common word into a few hundred
# rows from the top (`skolor` in the city district, 76 → 113 ms). A random page costs what the embedded
# server's connections say (RANDOM_PAGE_COST: the data is in memory), so that a search plans the same on a
# server left at PostgreSQL's default (4), where 0.05 did not make it AND.
SEARCH_SETTINGS_SQL = (
    "SET enable_seqscan = off; SET enable_indexscan = off; SET work_mem = '32MB'; SET jit = off; "
    f"SET cpu_operator_cost = 0.05; SET random_page_cost = {RANDOM_PAGE_COST}"
)
SEARCH_SETTINGS_RESET_SQL = (
    "RESET enable_seqscan; RESET enable_indexscan; RESET work_mem; RESET jit; RESET cpu_operator_cost; "
    "RESET random_page_cost"
)

# Every change to an idea's text, places, tags or status sets its updated_at (auto_now; the status service
# sets it too): the newest is the bank's last change.
# With it, the table's estimated number of ideas (-1 until it is first analysed; autovacuum soon analyses it).
LAST_CHANGE_SQL = (
    "SELECT max(updated_at), (SELECT reltuples FROM pg_class WHERE oid = 'proposals_proposal'::regclass) "
    "FROM proposals_proposal"
)

# How many hits of a search can be paged through (50 pages of 20): a search keeps the ids of these, in order.
SEARCH_DEPTH = 1000


@dataclass
class SearchHits:
    total: int = 0
    ranked_ids: list = field(default_factory=list)  # the first `depth` hits, best first: a page is a slice
    status: dict = field(default_factory=dict)
    area: dict = field(default_factory=dict)
    place: dict = field(default_factory=dict)
    tags: list = field(default_factory=list)  # (slug, name, count), most frequent first
    complete: int = 0  # the hits with every word; the others (ranked after them) lack one (ParsedQuery.match)
    # More hits than the count limit: the facets count only the first `facets_of` hits (those that can be paged
    # to), and `total` is the limit + 1 when a window or the ranks from the top found them (exact when every hit
    # was ranked). None: every hit is counted.
    facets_of: int | None = None

    @property
    def relaxed(self) -> bool:
        """Some hits lack one of the words searched for."""
        return self.complete < self.total


def search_query(q: str, *, correct: bool = True) -> ParsedQuery:
    """What the results page searches for: `q` with its half-typed last word, corrections, joined words, the
    editors' synonyms and the places it names. One query for the synonyms and places; one more to read new
    words of the bank when a word is not known, and one to check corrections when there are any."""
    typed = parse_query(q)
    if not typed:
        return typed
    synonym_sets, places = [], {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT terms, one_way, NULL FROM proposals_synonymset WHERE terms && %(keys)s::varchar[] "
            "UNION ALL SELECT NULL, NULL, p.id || ':' || lower(p.name) FROM places_place p "
            "WHERE lower(p.name) = ANY(%(keys)s) OR lower(p.name) || 's' = ANY(%(keys)s)",
            {"keys": sorted(typed.keys())},
        )
        for terms, one_way, place in cursor.fetchall():
            if terms is not None:
                synonym_sets.append(SynonymSet(tuple(terms), one_way))
            else:
                place_id, _colon, name = place.partition(":")
                places[name] = int(place_id)
    keep = frozenset(places) | {term for s in synonym_sets for term in s.terms}
    query = parse_query(q, prefix_last=True, lexicon=bank_lexicon.for_search(), correct=correct, keep=keep)
    return query.with_synonyms(synonym_sets).with_places(places, place_lexeme)


# ts_rank over search_head gives each lexeme asked for that the head holds its label's weight over 1.64493406685
# (one position each), summed and divided by how many were asked for: times that many and 10 × 1.64493406685, the
# sum of the weights in tenths, a whole number (proposals.search.query.RankTerm).
RANK_SQL = "round(ts_rank(%s::float4[], proposals_proposal.search_head, %s::tsquery) * %s)::int"
RANK_TENTHS = 10 * 1.64493406685


def _rank_sql(query: ParsedQuery, *, summary: bool = True) -> RawSQL:
    """The rank key: the own lexemes' weights and, a correction's or a synonym's counting for 0.3 of them, the
    borrowed lexemes' (ParsedQuery.rank_scales), so that an idea with the typed word ranks above one with its
    correction, one with the word above one with its synonym. A whole number: the ideas at or above a key can
    be found from the index of labelled head lexemes (_reaching)."""
    own, borrowed = query.rank(summary=summary), query.rank(summary=summary, borrowed=True)
    own_size, borrowed_size = query.rank_sizes(summary=summary)
    own_scale, borrowed_scale = query.rank_scales(summary=summary)
    if not borrowed:
        return RawSQL(RANK_SQL, [RANK_WEIGHTS, own, own_size * RANK_TENTHS], IntegerField())
    return RawSQL(
        f"{RANK_SQL} * {int(own_scale)} + {RANK_SQL} * {int(borrowed_scale)}",
        [RANK_WEIGHTS, own, own_size * RANK_TENTHS, RANK_WEIGHTS, borrowed, borrowed_size * RANK_TENTHS],
        IntegerField(),
    )


# A search by relevance past the count limit ranks only the hits whose rank key reaches a key that at least
# `depth` hits reach (every other hit ranks below all of them), not every hit: a common word on a national bank
# has 300,000, while the ideas with it in the title as typed, and in the summary, are a few thousand. The ideas
# at or above a key are those whose head holds one of a few sets of labelled lexemes (rank_clauses), each found
# by the index of labelled head lexemes. The key is chosen from a sample of the bank (how many ideas reach each
# key); if the filters then leave fewer than `depth` hits at or above it, a lower key is tried, and after
# TOP_TRIES every hit is ranked. Whichever key is chosen, the pages are those of ranking every hit.
REACHING_SQL = (
    "proposal_head_labels(proposals_proposal.search_head, proposals_proposal.created_at) @@ %s::tsquery"
)
# A key that far more ideas reach than are wanted is mostly a tie (`läxhjälp` in the title and not in the summary:
# 26,000 ideas on 1,000,000, every one read and ranked in 130-160 ms), and a tie is ordered by date: the ideas
# above the key, and the newest at it, are enough. The newest are those created in the weeks of a window of the
# newest ideas expected to hold `wanted` of them that the filters keep (_newest_weeks), whose lexemes the same
# index holds ("~2921", migration 0022): ANDed in the index, so that only they are read. Fewer hits than `depth`
# among them, and the window grows as a sort's does.
TIED = 4  # the key's ideas are this many times those wanted
TIED_WEEKS = 520  # most weeks looked up
# The largest share of the bank a window may hold: the index reads the list of every week in it (`skolor` in the
# city district, a third of the bank: 200 ms), and then every idea at the key costs less.
TIED_SHARE = 0.1
WEEK_SECONDS = 7 * 24 * 3600
TOP_CLAUSES = 48  # most sets of labelled lexemes for one key
TOP_TRIES = 2  # most keys whose hits are ranked
TOP_SAMPLE = 5000  # ideas in the sample (pages of the table, chosen the same way every time)
TOP_MARGIN = 2  # the sample's estimate at the chosen key is this many times `depth` (filters, chance)
RANK_EVERY = 2  # up to this many times `depth` hits expected by the planner, every hit is ranked
# Filters that the planner expects to keep less than this share of the bank: when fewer hits are expected than
# the bank's ideas at the key, every hit is ranked (without filters the planner's estimate is no guide: it takes
# the words of a search as independent, and ideas that have one mostly have the other).
NARROW = 0.5
# On a bank no larger than WINDOW_BANK, which the database keeps in memory, up to this many: ranking them in one
# statement costs less than the sample and the statements from the top, which a filter that keeps few of the
# hits at the top (a district) sends on to ranking every hit anyway (100,000 ideas, 360 searches never made
# before, concurrency 2: p95 76-91 ms against 88-95 over runs taken in turn).
RANK_EVERY_IN_MEMORY = 20
# The ideas of the sample at each rank key above none. A small table is read whole.
SAMPLE_SQL = """
SELECT key, count(*) FROM (
    SELECT {rank} AS key FROM proposals_proposal TABLESAMPLE SYSTEM (%s) REPEATABLE (16)
    WHERE search_head @@ %s::tsquery
) AS sample WHERE key > 0 GROUP BY key ORDER BY key DESC
"""


def _reaching(clauses, weeks=()) -> RawSQL:
    """The ideas whose head satisfies one of the conjunctions of labelled lexemes, and, with `weeks`, created in
    one of them: one index scan each."""
    within = " & (" + " | ".join(quote_lexeme(week) for week in weeks) + ")" if weeks else ""
    return RawSQL(
        "(" + " OR ".join([REACHING_SQL] * len(clauses)) + ")",
        ["(" + " & ".join(quote_lexeme(lexeme) for lexeme in clause) + ")" + within for clause in clauses],
        BooleanField(),
    )


def week_number(when) -> int:
    """The week a time falls in, as migration 0022's function counts it (weeks of seven days since 1970, UTC)."""
    return math.floor(when.timestamp() / WEEK_SECONDS)


def week_lexeme(week: int) -> str:
    return f"~{week}"


# The quantiles of the ideas' creation times, from the statistics that ANALYZE keeps for the planner (read
# again at most every COMMON_SECONDS): where a window of the newest ideas begins, without walking an index (a
# window of 400,000 ideas took 60-80 ms). Ideas created since are newer than all of them.
CREATED_QUANTILES_SQL = """
SELECT histogram_bounds::text::timestamptz[] FROM pg_stats
WHERE schemaname = current_schema() AND tablename = 'proposals_proposal' AND attname = 'created_at'
"""


def _newest_weeks(share: float, last_change) -> list[str] | None:
    """The week lexemes of a window of the newest ideas expected to hold `share` of the bank (and of every idea
    created after them); None when it would hold the whole bank, too many weeks, or the statistics are
    missing. The weeks reach to the newest idea's (kept as a fact) or to the present one, whichever is later: an
    idea committed out of order leaves the bank's last change as it was."""
    if share > TIED_SHARE:
        return None
    bounds = _statistic(CREATED_QUANTILES_SQL, tuple)
    newest = _window_edge(column="created_at", size=0, last_change=last_change)
    if len(bounds) < 2 or newest is None:
        return None
    edge = bounds[math.floor((len(bounds) - 1) * (1 - share))]
    first = week_number(edge)
    last = max(week_number(newest[0]), week_number(timezone.now() + timedelta(hours=1)))
    if last - first >= TIED_WEEKS:
        return None
    return [week_lexeme(week) for week in range(first, last + 1)]


# Which labelled lexemes some idea's head holds: one index look-up each, in one round trip. Those that the
# statistics of the index name as common (ANALYZE) are taken as held without a look-up, which for them would
# read a long list; the statistics are read again at most every COMMON_SECONDS. A common lexeme that has since
# left every head only makes a key's clauses more.
PRESENT_SQL = """
SELECT labelled FROM unnest(%s::text[]) AS labelled WHERE EXISTS (
    SELECT 1 FROM proposals_proposal WHERE proposal_head_labels(search_head, created_at) @@ labelled::tsquery
)
"""
COMMON_SQL = """
SELECT coalesce(most_common_elems::text::text[], '{}') FROM pg_stats
WHERE schemaname = current_schema() AND tablename = 'proposal_head_weeks_gin'
"""
COMMON_SECONDS = 600
_statistics: dict = {}


def _statistic(sql: str, convert):
    """`convert` of the array that `sql` reads from pg_stats (a statistic ANALYZE keeps for the planner; empty
    while there is none), read again at most every COMMON_SECONDS."""
    read_at, value = _statistics.get(sql, (-math.inf, None))
    if time.monotonic() - read_at > COMMON_SECONDS:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            row = cursor.fetchone()
        value = convert(row[0] or () if row else ())
        _statistics[sql] = (time.monotonic(), value)
    return value


def _common_labelled() -> frozenset:
    return _statistic(COMMON_SQL, frozenset)


def _terms_present(terms) -> list:
    """The rank terms with only the labels that some idea's head holds them with (a stem is rarely written as
    a word, and a word in no title has no title label): the keys no idea can have are not looked at, and a
    key's clauses are far fewer. Those found held are kept as a fact of the bank (_fact; one that has left
    every head since only makes a key's clauses more); the others are asked again by every search, which costs
    little (their lists are empty), since an idea can come to hold one without a change to the bank's last
    change (a reindex)."""
    common = _common_labelled()
    asked = [labelled for term in terms for labelled in term.labelled() if labelled not in common]
    present = common
    if asked:
        quoted = [quote_lexeme(labelled) for labelled in asked]

        def held(lexemes) -> frozenset:
            return frozenset(row[0] for row in _rows(connection.ops.compose_sql(PRESENT_SQL, [lexemes])))

        looked_up = []
        found = _fact(("present", *quoted), lambda: looked_up.append(quoted) or held(quoted))
        missing = [] if looked_up else [q for q in quoted if q not in found]
        if missing:
            found |= held(missing)
        present = common | {labelled for labelled, q in zip(asked, quoted) if q in found}
    terms_kept = []
    for term in terms:
        labels = "".join(label for label in term.labels if label + term.lexeme in present)
        if labels:
            terms_kept.append(replace(term, labels=labels))
    return terms_kept


# What a search learns about the bank rather than about its hits, kept in the process for the searches that
# follow while the bank is unchanged (the key holds the time of its last change), for at most FACTS_SECONDS, at
# most FACTS_KEPT of them: the sample of a query's rank keys (8-18 ms on 1,000,000 ideas), which of its labelled
# lexemes some idea's head holds (2-18 ms: a lexeme that is not among the index's most common reads its whole
# list; _terms_present), and the idea at a window's edge in a sort order (an index walk of the window's size,
# 7-11 ms for 50,000 ideas). A support or a comment moves ideas in their sort orders and not the key, but any
# idea's place bounds a window that is the first stretch of the order: a kept edge only makes the window
# somewhat larger or smaller than asked for.
FACTS_SECONDS = 60
FACTS_KEPT = 256
_facts: dict = {}


def _fact(key: tuple, compute, *args):
    """What `compute(*args)` gives, kept under `key` (see FACTS_SECONDS)."""
    now = time.monotonic()
    found = _facts.get(key)
    if found is not None and now - found[0] < FACTS_SECONDS:
        return found[1]
    if len(_facts) >= FACTS_KEPT:
        _facts.clear()
    value = compute(*args)
    _facts[key] = (now, value)
    return value


def _levels_sampled(query: ParsedQuery, size: float, last_change) -> list[tuple[int, float]]:
    """(key, how many ideas of the bank of `size` ideas the sample says reach it), highest first."""
    percent = 100.0 if size <= TOP_SAMPLE else 100.0 * TOP_SAMPLE / size
    rank = _rank_sql(query)
    head = " | ".join(filter(None, (query.rank(), query.rank(borrowed=True))))

    def sampled():
        with connection.cursor() as cursor:
            cursor.execute(SAMPLE_SQL.format(rank=rank.sql), [*rank.params, percent, head])
            return cursor.fetchall()

    rows = _fact(("sample", rank.sql, *rank.params, percent, head, size, last_change), sampled)
    reached, levels = 0, []
    for key, count in rows:
        reached += count
        levels.append((key, reached * 100.0 / percent))
    return levels


# A word's forms are OR-ed in the tsquery (skol | skola | skolor), and the GIN index reads the list of every one,
# in each statement of a search: on 1,000,000 ideas `skolor` costs 50 ms, `skol` alone 28 ms (the same 301,577
# ideas). A form need not be asked for when every idea holding it holds its stem too, as the index writes a
# word's stems with it (proposals.search.language.word_lexemes; a form that is only another word's stem or a
# folded form may stand alone). Whether the bank implies a (form, stem) pair is looked up with the GIN index (an
# idea with the form and without the stem), kept in the search cache with the time of the bank's last change,
# and after a change looked up again only among the ideas changed since (less IMPLIED_MARGIN: changes committed
# out of order), from the index of updated_at; all again when IMPLIED_CHANGED or more changed.
IMPLIED_ALL_SQL = """
SELECT pair FROM unnest(%s::text[]) AS pair
WHERE NOT EXISTS (SELECT 1 FROM proposals_proposal WHERE search_vector @@ pair::tsquery)
"""
IMPLIED_CHANGED_SQL = """
WITH changed AS MATERIALIZED (
    SELECT search_vector FROM proposals_proposal WHERE updated_at > %s LIMIT {limit}
)
SELECT pair FROM unnest(%s::text[]) AS pair
WHERE NOT EXISTS (SELECT 1 FROM changed WHERE search_vector @@ pair::tsquery)
UNION ALL
SELECT NULL FROM (SELECT count(*) FROM changed HAVING count(*) >= {limit}) AS too_many
"""
IMPLIED_MARGIN = timedelta(minutes=1)
IMPLIED_CHANGED = 1000
# From this many ideas (the table's estimate): on a smaller bank the lists are short, and looking the pairs up
# and keeping them (seven queries with the database cache) costs more than the forms do.
IMPLIED_BANK = 200_000


def _implied_pairs(pairs, *, changed_since=None) -> frozenset | None:
    """Which (form, stem) pairs no idea breaks (holds the form without the stem): among the ideas changed since
    `changed_since`, or every idea; None when more ideas than IMPLIED_CHANGED changed."""
    ordered = sorted(pairs)
    tsqueries = [f"{quote_lexeme(form)} & !{quote_lexeme(key)}" for form, key in ordered]
    if changed_since is None:
        rows = _rows(connection.ops.compose_sql(IMPLIED_ALL_SQL, [tsqueries]))
    else:
        sql = IMPLIED_CHANGED_SQL.format(limit=IMPLIED_CHANGED)
        rows = _rows(connection.ops.compose_sql(sql, [changed_since, tsqueries]))
        if any(row[0] is None for row in rows):
            return None
    held = {row[0] for row in rows}
    return frozenset(pair for pair, tsquery in zip(ordered, tsqueries) if tsquery in held)


def _with_implied(query: ParsedQuery, last_change, bank_size: float) -> ParsedQuery:
    """The query asking the index only for the forms that the bank does not imply (see IMPLIED_ALL_SQL), on a
    bank of IMPLIED_BANK ideas or more. Every idea is checked again SEARCH_CACHE_SECONDS after the last full
    check at the latest, so that an idea whose index changed without a recent updated_at (a long import's first
    batches) is missed no longer than the cached searches are."""
    pairs = query.stem_pairs() if bank_size >= IMPLIED_BANK else None
    if not pairs:
        return query
    key = "implied:" + hashlib.sha256("\n".join(sorted(map("\t".join, pairs))).encode()).hexdigest()
    cache = caches[SEARCH_CACHE]
    known = cache.get(key)  # (the bank's last change, the pairs held, when every idea was last checked)
    now = time.time()
    if known is None or now - known[2] >= settings.SEARCH_CACHE_SECONDS or None in (known[0], last_change):
        held, checked_all = _implied_pairs(pairs), now
    elif known[0] == last_change or not known[1]:
        return query.with_implied(known[1])
    else:
        held, checked_all = _implied_pairs(known[1], changed_since=known[0] - IMPLIED_MARGIN), known[2]
        if held is None:
            held, checked_all = _implied_pairs(pairs), now
    timeout = max(1, math.ceil(checked_all + settings.SEARCH_CACHE_SECONDS - now))
    cache.set(key, (last_change, held, checked_all), timeout)
    return query.with_implied(held)


def _complete_sql(query: ParsedQuery) -> RawSQL:
    """Whether a hit has every word. Through a second bitmap of the GIN index rather than a test of each
    hit's vector, which lives out of line: reading it for every hit of a common word costs more than the
    search."""
    return RawSQL(
        "proposals_proposal.id IN (SELECT s.id FROM proposals_proposal s WHERE s.search_vector @@ %s::tsquery)",
        [query.match()],
        BooleanField(),
    )


def search_hits(
    query: ParsedQuery,
    *,
    listed,
    sort: str,
    depth: int = SEARCH_DEPTH,
    count_limit: int | None = None,
    cacheable: bool = True,
    places=(),
) -> SearchHits:
    """Facet counts over the hits and the ids of the first `depth` hits in order, in one SQL statement (two
    with a count limit when the first look holds no more hits than the limit) over `listed`, the list's
    filtered queryset (proposals.selectors.proposal_search_queryset). Not `cacheable`: a filter whose ideas
    change without a change to their text (the supported ones), never from the cache.
    With `places`, every idea of `listed` has one of these places: the GIN index looks them up with the words
    (a filter on a municipality or a district of few places then reads only its own hits).

    With `count_limit`, a sort other than relevance looks among the ideas first in its order (see WINDOWS), and
    relevance among the hits at or above a rank that `depth` of them reach (from_the_top): more hits than the
    limit, and the total is the limit + 1. Otherwise the total is exact (the page says "more than" the limit
    beyond it). Past the limit the facets count the first `depth` hits.

    For two or more words with fewer than RELAX_BELOW hits, ideas with all words but one are hits too, after
    those with all (`complete`): a second statement.
    Every page of a search is a slice of the same result, so paging through a search costs what its first
    page did (and, cached, one entry for all its pages); hits beyond `depth` cannot be paged to."""
    cacheable = cacheable and sort in CACHED_SORTS
    last_change, bank_size = _last_change()
    query = _with_implied(query, last_change, bank_size)
    hits = _hits(
        query,
        last_change=last_change,
        bank_size=bank_size,
        listed=listed,
        sort=sort,
        depth=depth,
        relaxed=False,
        cacheable=cacheable,
        count_limit=count_limit,
        places=places,
    )
    if query.relaxable and hits.total < RELAX_BELOW and hits.facets_of is None:
        hits = _hits(
            query,
            last_change=last_change,
            bank_size=bank_size,
            listed=listed,
            sort=sort,
            depth=depth,
            relaxed=True,
            cacheable=cacheable,
            places=places,
        )
    return hits


def _composed(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    return connection.ops.compose_sql(sql, params)


def _search_sql(hits_queryset, *, order: str, depth: int, facets: str) -> str:
    """SEARCH_SQL over the hits of `hits_queryset`: the first `depth` in `order`, the facets of `facets`."""
    return SEARCH_SQL.format(
        hits=_composed(hits_queryset), top_tags=TOP_TAGS, order=order, depth=depth, facets=facets
    )


def _hits(
    query: ParsedQuery,
    *,
    last_change,
    bank_size: float,
    listed,
    sort: str,
    depth: int,
    relaxed: bool,
    cacheable: bool,
    count_limit: int | None = None,
    places=(),
) -> SearchHits:
    columns, order = SEARCH_ORDERS[sort]
    match = query.match(relaxed=relaxed)
    if places:
        match = f"({match}) & ({' | '.join(quote_lexeme(place_lexeme(pk)) for pk in sorted(places))})"
    matching = listed.filter(
        RawSQL("proposals_proposal.search_vector @@ %s::tsquery", [match], BooleanField())
    )
    depth = max(1, int(depth))
    counted = count_limit is not None and not relaxed

    def ranked(ideas):
        return (
            ideas.annotate(
                complete=_complete_sql(query) if relaxed else RawSQL("true", [], BooleanField()),
                rank=_rank_sql(query),
            )
            .order_by()
            .values(*HIT_COLUMNS, *columns)
        )

    queryset = ranked(matching)

    def statement(window_queryset, *, large: bool) -> str:
        if large:
            facets = "top"
        elif counted:
            # More hits than the limit: the facets count those that can be paged to (grouping 300,000 hits'
            # place and tag lists costs more than ranking them).
            facets = FACETS_COUNTED_SQL.format(limit=int(count_limit))
        else:
            facets = "hits"
        return _search_sql(window_queryset, order="complete DESC, " + order, depth=depth, facets=facets)

    def with_count(rows) -> tuple[bool, list]:
        """The rows of a statement that ranked the first `depth` hits (a window, the hits from the top): with
        more hits than the limit among them, as they are; else with the count (to the limit + 1) and, if no
        more, the facets of every hit, from one statement that ranks none and reads no more hits than that."""
        if _row_count(rows, "total") > count_limit:
            return True, rows
        every = matching.annotate(complete=RawSQL("true", [], BooleanField())).order_by().values(*HIT_COLUMNS)
        every_rows = _rows(
            _search_sql(
                every[: count_limit + 1],
                order="id",
                depth=0,
                facets=FACETS_COUNTED_SQL.format(limit=int(count_limit)),
            )
        )
        if _row_count(every_rows, "total") > count_limit:
            return True, rows
        return False, every_rows + [row for row in rows if row[0] == "ranked"]

    def from_the_top() -> tuple[bool, list] | None:
        """By relevance with a count limit: whether there are more hits than the limit, and the rows of the hits
        at or above a key that `depth` of them reach (counted); None when it takes ranking every hit (and at
        once when the planner expects few enough hits to rank them all: RANK_EVERY, or RANK_EVERY_IN_MEMORY on
        a bank the database keeps in memory; or when the ideas of the bank at or above the key are expected to
        be more than the hits: filters that keep few of them, as the city district's supported ideas)."""
        terms = query.rank_terms()
        if not terms:
            return None
        size = bank_size
        if size < 0:
            return None  # never analysed: the sample's size is not known
        rank_every = RANK_EVERY_IN_MEMORY if size <= WINDOW_BANK else RANK_EVERY
        expected = _estimate(matching)
        if expected <= rank_every * depth:
            return None
        terms = _terms_present(terms)
        if not terms:
            return None
        wanted = TOP_MARGIN * depth
        levels = _levels_sampled(query, size, last_change)
        level = window = None

        @functools.cache
        def kept() -> float:
            """The share of the bank that the filters keep, as the planner expects it."""
            return _estimate(listed) / size

        for _try in range(TOP_TRIES):
            if level is None:
                level, reach = next(((key, reach) for key, reach in levels if reach >= wanted), (None, 0))
                if reach > expected and kept() < NARROW:
                    return None  # `bostäder` in the city district, supported: 232 ms from two keys, 60 from every hit
                clauses = level and rank_clauses(terms, level, limit=TOP_CLAUSES)
                if not clauses:
                    return None
                above = rank_clauses(terms, level + 1, limit=TOP_CLAUSES) if reach >= TIED * wanted else None
                # The share of the bank expected to hold `wanted` ideas at the key that the filters keep.
                window = wanted / reach / max(kept(), 1 / size) if above is not None else None
            weeks = window and _newest_weeks(window, last_change)
            if weeks:
                # The ideas above the key (none when no idea can reach higher), and the newest at it.
                reaching_sql = _reaching(clauses, weeks)
                if above:
                    reaching_sql = Q(reaching_sql) | Q(_reaching(above))
            else:
                reaching_sql = _reaching(clauses)
            # An idea with every word's form in its head is a hit (the head's lexemes are in its vector): the words
            # need not be looked up again, nor the places, which `listed` keeps to itself (in the row). Looked up
            # with the words, the planner tested each idea's vector out of line: `kollektivtrafik` in the city
            # district read 8,619 vectors in 60 ms.
            head_hits = all(
                query.matched_by({lexeme[1:].lstrip(SUMMARY_MARK) for lexeme in clause})
                for clause in [*clauses, *(above or ())]
            )
            rows = _rows(
                statement(ranked((listed if head_hits else matching).filter(reaching_sql)), large=True)
            )
            found = _row_count(rows, "total")
            if found >= depth:
                return with_count(rows)
            if weeks:
                # The filters kept `found` of the window's: a larger window at the same key.
                window *= max(2, math.ceil(WINDOW_MARGIN * depth / max(found, 1)))
            else:
                # The filters kept `found` of about `reach`: look lower, where as many as that takes are.
                wanted, level = reach * TOP_MARGIN * depth / max(found, 1), None
        return None

    def compute() -> tuple[bool, list]:
        """Whether the hits are more than the limit (the facets then count the reachable ones), and the rows."""
        if counted and not sort:
            result = from_the_top()
            if result is not None:
                return result
        size = _first_window(matching, bank_size, depth, count_limit) if counted and sort in WINDOWS else None
        while size is not None:
            column = WINDOWS[sort]
            edge = _window_edge(column=column, size=size, last_change=last_change)
            if edge is None:
                break  # the window would hold the whole bank
            value, pk, bank = edge
            window = Q(**{f"{column}__gt": value}) | Q(**{column: value, "id__gte": pk})
            rows = _rows(statement(queryset.filter(window), large=True))
            if _row_count(rows, "ranked") >= depth:
                return with_count(rows)  # the window holds every reachable page
            found = _row_count(rows, "total")
            if 0 <= found * bank / size <= WINDOW_READ_ALL * (count_limit + 1):
                break  # as many hits in the bank as in this window would be few: read them all, once
            size = size * max(2, math.ceil(WINDOW_MARGIN * depth / max(found, 1)))
        return False, _rows(statement(queryset, large=False))

    if cacheable:
        key_text = statement(queryset, large=False) + (f"\ncounted to {count_limit}" if counted else "")
        large, result = _cached(key_text, compute, last_change)
    else:
        large, result = compute()
    hits = SearchHits()
    for kind, key, label, count in result:
        if kind == "status":
            hits.status[key] = hits.status.get(key, 0) + count
            hits.area[int(label)] = hits.area.get(int(label), 0) + count
        elif kind == "place":
            hits.place[int(key)] = count
        elif kind == "tag":
            hits.tags.append((key, label, count))
        elif kind == "complete":
            hits.complete = count
        elif kind == "total":
            hits.total = count
        elif kind == "ranked":
            hits.ranked_ids = [int(pk) for pk in key.split(",")]
    hits.tags.sort(key=lambda tag: (-tag[2], tag[1]))
    if large:
        # Past the limit, or as many as the reachable pages hold if they hold more (a limit below them).
        hits.total = hits.complete = max(int(count_limit) + 1, len(hits.ranked_ids))
    if counted and hits.total > count_limit:
        hits.facets_of = len(hits.ranked_ids)
    return hits


def _first_window(matching, bank_size: float, depth: int, count_limit: int) -> int | None:
    """The size of a search's first window (WINDOW_MARGIN), or None to read every hit once without one. On a
    smaller bank than WINDOW_ESTIMATED_BANK (which the database keeps in memory, and where a window would hold
    the whole bank), WINDOW_FIRST, without asking the planner."""
    if bank_size < WINDOW_ESTIMATED_BANK:
        return WINDOW_FIRST
    expected = _estimate(matching)
    wanted = WINDOW_MARGIN * depth
    if expected * WINDOW_FIRST >= wanted * bank_size:
        return WINDOW_FIRST
    if expected <= WINDOW_READ_ALL * (count_limit + 1):
        return None
    # A power of two times WINDOW_FIRST, as the windows that grow are: their edges are kept (_fact) for others.
    return WINDOW_FIRST * 2 ** math.ceil(math.log2(wanted * bank_size / expected / WINDOW_FIRST))


def _window_edge(*, column: str, size: int, last_change) -> tuple | None:
    """WINDOW_SQL's row: the idea at the edge of a window of `size` ideas in the order of `column`, kept as a
    fact of the bank at `last_change` (_fact) for the searches that follow."""

    def read() -> tuple | None:
        with connection.cursor() as cursor:
            cursor.execute(WINDOW_SQL.format(column=column), {"size": size, "bank": WINDOW_BANK})
            return cursor.fetchone()

    return _fact(("edge", column, size, WINDOW_BANK, last_change), read)


def _estimate(queryset) -> float:
    """How many rows the planner expects `queryset` to have (from the statistics of the GIN index's lexemes)."""
    return json.loads(queryset.order_by().values("id").explain(format="json"))[0]["Plan"]["Plan Rows"]


def _row_count(rows, kind: str) -> int:
    """The count of a search statement's row of this kind ("total", "complete", "ranked"), 0 without one."""
    return next((count for row_kind, _key, _label, count in rows if row_kind == kind), 0)


def _last_change() -> tuple:
    """The time of the bank's last change to an idea's text, places, tags or status (an index scan), and the
    table's estimated number of ideas."""
    with connection.cursor() as cursor:
        cursor.execute(LAST_CHANGE_SQL)
        return cursor.fetchone()


def _cached(statement: str, compute, last_change):
    """What `compute()` gives for the search `statement`, from the search cache when the bank has not changed
    since it was computed (`last_change`, part of the key). One round trip for a cached search; on a miss, the
    search's statements and storing their result."""
    key = "hits:" + hashlib.sha256(f"{last_change}\n{statement}".encode()).hexdigest()
    cache = caches[SEARCH_CACHE]
    result = cache.get(key)
    if result is None:
        result = compute()
        cache.set(key, result, settings.SEARCH_CACHE_SECONDS)
    return result


def _rows(statement: str) -> list:
    """The rows of the search `statement`, run between SEARCH_SETTINGS_SQL and their reset in one round trip
    (a search of its own needs no transaction for them)."""
    with connection.cursor() as cursor:
        try:
            cursor.execute(f"{SEARCH_SETTINGS_SQL}; {statement}; {SEARCH_SETTINGS_RESET_SQL}")
            for _setting in SEARCH_SETTINGS_SQL.split(";"):
                cursor.nextset()
            return [tuple(row) for row in cursor.fetchall()]
        except DatabaseError:
            if connection.is_usable() and not connection.needs_rollback:
                cursor.execute(SEARCH_SETTINGS_RESET_SQL)
            raise


# Suggestions rank the first settings.SUGGEST_CANDIDATES ideas whose title matches, found walking the listed
# ideas from the most supported (support is the ranking's tie-break), at most SUGGEST_WALK of them: a common
# prefix (`sko` matches a fifth of the bank) finds its candidates within a few hundred ideas and stops. Fewer
# candidates than that (a rare prefix, or a small bank) and every match is ranked, from the title index.
SUGGEST_WALK = 20_000
SUGGEST_WALK_SQL = """
SELECT id, title FROM (
    SELECT id, title, support_count, {rank} AS rank FROM (
        SELECT * FROM ({listed}) AS listed WHERE search_head @@ %s::tsquery LIMIT {candidates}
    ) AS candidates
) AS ranked ORDER BY rank DESC, support_count DESC, id DESC
"""


def suggest_titles(query: ParsedQuery, *, listed, limit: int = 8) -> list[tuple[int, str]]:
    """The ideas of `listed` (the ideas the list shows) whose title best matches, the last word taken as a
    prefix: (id, title), best first (rank, then support). One query for a common prefix, which ranks the most
    supported matches only (settings.SUGGEST_CANDIDATES); two for a rare one, whose every match is ranked."""
    if not query:
        return []
    walk = listed.order_by("-support_count", "-id").values("id", "title", "support_count", "search_head")
    sql, params = walk[:SUGGEST_WALK].query.sql_with_params()
    rank = _rank_sql(query, summary=False)
    rank_sql = rank.sql.replace("proposals_proposal.", "")
    enough = max(int(settings.SUGGEST_CANDIDATES), limit)
    with connection.cursor() as cursor:
        cursor.execute(
            SUGGEST_WALK_SQL.format(rank=rank_sql, listed=sql, candidates=enough),
            [*rank.params, *params, query.match()],
        )
        candidates = cursor.fetchall()
    if len(candidates) == enough:
        return candidates[:limit]
    return list(
        listed.filter(
            RawSQL("proposals_proposal.search_head @@ %s::tsquery", [query.match()], BooleanField())
        )
        .annotate(rank=rank)
        .order_by("-rank", "-support_count", "-id")
        .values_list("id", "title")[:limit]
    )
