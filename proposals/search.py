"""Swedish full-text search over the bank, with the language work done in Python at index time.

PostgreSQL's `swedish` Snowball configuration misses definite forms, umlaut plurals and compounds, and the
embedded server has no unaccent or pg_trgm, so every lexeme is computed here and stored as a plain tsvector
literal. Any PostgreSQL 14+ can then match it with its GIN index; nothing needs files on the server.

Each word of a document becomes several lexemes, one *tier* each, stored with the tier as its weight label:

    A  exact     the word as written                         bostäder
    B  inflected its lemma (simplemma) and Snowball stems    bostad, bost, bostäd
    C  part      the lemma's compound parts and their stems  kollektivtrafiken → kollektiv, trafik
    D  folded    A–C with å, ä → a and ö → o                  äldreboende → aldreboende

A query word is looked up by its own form, lemma and stems, so `sjukhuset` meets `sjukhus` (B), `trafik` meets
`kollektivtrafiken` (C), and `aldreboende` typed without diacritics meets the folded `äldreboende` (D). A
query word with å, ä or ö never matches a folded lexeme (those have none), so typing them keeps precision. A
compound query word also matches documents that hold all of its parts (`idrottshall` → `hall … idrott`).

Two columns hold the index: `search_vector` has every field's lexemes, for matching through its GIN index
only; `search_head` has the title's lexemes labelled by tier (A exact, B inflected, C part or folded) and the
summary's labelled D, for ranking (title over summary, exact over inflected over part) and for the suggestions
(the summary's lexemes carry a "_" so that they never match a title search). It is small and stays in the row,
so ranking a third of the bank reads nothing more. Place and tag ids are kept as lists for the facet counts,
and the places' districts for the district filter.

A search's facets and its first SEARCH_DEPTH hits in order (every page it can show) come from one SQL
statement, run through proposals_search_cached() (migrations 0004 and 0008), which keeps the result until
anything in the bank changes, and keeps only so many searches. A search of three or more words that finds
nothing runs a second, relaxed one (ParsedQuery.match).
"""

import hashlib
import re
import sysconfig
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import simplemma
import snowballstemmer
from django.db import connection

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUERY_WORDS = 12
# A search of this many words or more that finds nothing is retried with any one word left out.
RELAX_MIN_WORDS = 3
MAX_WORD_LENGTH = 60
MIN_PART = 3
# PostgreSQL's Swedish stop words (snowball/swedish.stop): too common to search for or to index.
STOPWORDS = frozenset(
    """och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig du
    henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när efter upp vi
    dem vara vad över än dig kan sina här ha mot alla under någon eller allt mycket sedan ju denna själv detta
    åt utan varit hur ingen mitt ni bli blev oss din dessa några deras blir mina samma vilken er sådan vår
    blivit dess inom mellan sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt våra
    ert era vilkas""".split()
) | {
    # Forms of the modal verb "skola" (shall): simplemma gives them the lemma "skola", which would make every
    # "ska" in the bank a hit for a search on schools.
    "ska",
    "skall",
    "skolat",
}
FOLD_TABLE = str.maketrans("åäöéèêëáàâüúùîíìôóòæøç", "aaoeeeeaaauuuiiiooaaoc")
EXACT, INFLECTED, PART, FOLDED = "A", "B", "C", "D"
TIER_ORDER = {EXACT: 0, INFLECTED: 1, PART: 2, FOLDED: 3}
# search_head's labels: the title's tiers (part and folded share C) and the summary (D). ts_rank takes the
# weights in {D, C, B, A} order: a title word exact above inflected above part or folded, then the summary.
HEAD_LABELS = {EXACT: "A", INFLECTED: "B", PART: "C", FOLDED: "C"}
SUMMARY_LABEL = "D"
SUMMARY_MARK = "_"
RANK_WEIGHTS = "{0.1, 0.3, 0.6, 1.0}"
# search_head is stored uncompressed in the row (STORAGE PLAIN), so it must stay well within a page.
MAX_HEAD_BYTES = 3000
MAX_POSITIONS, MAX_POSITION = 8, 16383

_snowball = snowballstemmer.stemmer("swedish")


def fold(text: str) -> str:
    """Swedish letters without their diacritics, as typed on a keyboard without them: äldre → aldre."""
    return text.translate(FOLD_TABLE)


def words(text: str) -> list[str]:
    """The searchable words of a text, lower-cased and NFC-normalised, stop words left out."""
    text = unicodedata.normalize("NFC", text.lower())
    return [w for w in WORD_RE.findall(text) if w not in STOPWORDS and len(w) <= MAX_WORD_LENGTH]


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="sv").lower()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball's Swedish stem, with the e of -el/-er/-en dropped as Swedish plurals do (cykel, cyklar)."""
    stemmed = _snowball.stemWord(word)
    if len(stemmed) >= 5 and stemmed[-2] == "e" and stemmed[-1] in "lnr" and stemmed[-3] not in "aeiouyåäö":
        stemmed = stemmed[:-2] + stemmed[-1]
    return stemmed


@lru_cache(maxsize=200_000)
def inflection_keys(word: str) -> frozenset[str]:
    """What an inflected form of `word` has in common with the others: its lemma and the stems."""
    base = lemma(word)
    return frozenset({base, stem(base), stem(word)}) - {word}


# Compound splitting --------------------------------------------------------------------------------------

HUNSPELL_FLAGS_BEGIN = set("XUZ")  # hunspell-sv: may begin / sit in the middle of / only live in a compound
HUNSPELL_FLAG_END = "Y"  # may end a compound
LINKS = ("", "s", "e")  # idrott+s+hall, gymnasi+e+skola


def hunspell_dic_path() -> Path:
    return Path(sysconfig.get_paths()["data"]) / "share" / "hunspell" / "sv_SE.dic"


@dataclass(frozen=True)
class Vocabulary:
    begin: frozenset = field(default_factory=frozenset)
    end: frozenset = field(default_factory=frozenset)
    begin_with_s: frozenset = field(default_factory=frozenset)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Which words may begin and which may end a compound, from the hunspell-sv word list (pip package).

    Without the word list, compounds are simply not split."""
    path = hunspell_dic_path()
    if not path.exists():
        return Vocabulary()
    begin, end, begin_with_s = set(), set(), set()
    with path.open(encoding="utf-8") as dic:
        next(dic)  # the entry count
        for line in dic:
            word, _slash, flags = line.rstrip("\n").partition("/")
            if len(word) < MIN_PART or not word.isalpha() or not word.islower():
                continue
            flags = set(flags.split("\t")[0])
            if flags & HUNSPELL_FLAGS_BEGIN:
                begin.add(word)
            if HUNSPELL_FLAG_END in flags:
                end.add(word)
                # Nouns join with a genitive s (fritid-s-gård) or drop a final vowel (skola, skolbibliotek).
                begin_with_s.add(word)
                if word.endswith(("a", "e")) and len(word) > MIN_PART:
                    begin.add(word[:-1])
    return Vocabulary(frozenset(begin), frozenset(end), frozenset(begin_with_s))


@lru_cache(maxsize=200_000)
def split_compound(word: str) -> tuple[str, ...]:
    """The fewest known words that make up `word` (at least two, each of three letters or more), or ().

    The last part must be able to end a compound, the others to begin one; a linking s or e may follow a
    part (idrott-s-hall)."""
    vocab = vocabulary()
    n = len(word)
    if n < 2 * MIN_PART or not vocab.end:
        return ()

    @lru_cache(maxsize=None)
    def best(start: int) -> tuple[str, ...] | None:
        # The best split of word[start:] into begin parts followed by one end part.
        candidates = []
        if start > 0 and word[start:] in vocab.end:
            candidates.append((word[start:],))
        for cut in range(start + MIN_PART, n - MIN_PART + 1):
            head = word[start:cut]
            for link in LINKS:
                rest = cut + len(link)
                if link and word[cut:rest] != link:
                    continue
                if head not in vocab.begin and not (link == "s" and head in vocab.begin_with_s):
                    continue
                if n - rest < MIN_PART:
                    continue
                tail = best(rest) if rest > 0 else None
                if tail:
                    candidates.append((head, *tail))
        if not candidates:
            return None
        # Fewest parts first; then the longest last part (the head word of a Swedish compound), then the
        # longest parts (äldre+boende rather than äldr+e+boende).
        return min(candidates, key=lambda parts: (len(parts), -len(parts[-1]), -sum(map(len, parts))))

    parts = best(0)
    return parts if parts and len(parts) >= 2 else ()


@lru_cache(maxsize=200_000)
def compound_parts(word: str) -> frozenset[str]:
    """Every part of a compound and of its parts: snabbcykelbana → snabb, cykelbana, cykel, bana."""
    parts = set()
    for part in split_compound(word):
        parts.add(part)
        if len(part) >= 7:  # shorter parts split mostly into noise (ungdom → ung, dom)
            parts.update(compound_parts(part))
    return frozenset(parts)


def language_resources_load() -> None:
    """Load the word lists (hunspell-sv's and simplemma's Swedish data, about a second) now, not during the
    first search a server process answers."""
    vocabulary()
    lemma("bostäder")


# Index side ----------------------------------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def word_lexemes(word: str) -> tuple[tuple[str, str], ...]:
    """(lexeme, tier) pairs for one document word, each lexeme once at its best tier."""
    tiers: dict[str, str] = {word: EXACT}
    for key in inflection_keys(word):
        tiers.setdefault(key, INFLECTED)
    base = lemma(word)
    for part in compound_parts(base) | (compound_parts(word) if base == word else frozenset()):
        for key in (part, stem(part)):
            tiers.setdefault(key, PART)
    for lexeme in list(tiers):
        folded = fold(lexeme)
        if folded != lexeme:
            tiers.setdefault(folded, FOLDED)
    return tuple(tiers.items())


def text_lexemes(text: str) -> dict[str, str]:
    """The lexemes of a text, each at the best tier any of its words gives it."""
    best: dict[str, str] = {}
    for word in words(text):
        for lexeme, tier in word_lexemes(word):
            if lexeme not in best or TIER_ORDER[tier] < TIER_ORDER[best[lexeme]]:
                best[lexeme] = tier
    return best


def text_positions(text: str) -> dict[str, list[int]]:
    """Every lexeme of a text with the positions (word numbers) of the words that give it."""
    positions: dict[str, list[int]] = {}
    for number, word in enumerate(words(text), start=1):
        for lexeme, _tier in word_lexemes(word):
            places = positions.setdefault(lexeme, [])
            if len(places) < MAX_POSITIONS:
                places.append(min(number, MAX_POSITION))
    return positions


def quote_lexeme(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(positions: dict[str, list[int]]) -> str:
    """A tsvector in PostgreSQL's input syntax, with each lexeme's word positions.

    Matching needs no positions, but with them nearly every idea's row is large enough for PostgreSQL to move
    the vector out to TOAST (it only tries above 2 kB), which keeps the table narrow: a search visits the row
    of every hit, and only the GIN index reads this vector."""
    return " ".join(
        f"{quote_lexeme(lex)}:{','.join(map(str, sorted(set(p))))}" for lex, p in positions.items()
    )


def head_literal(title: str, summary: str) -> str:
    """search_head: the title's lexemes labelled by tier, and the summary's exact and inflected forms behind
    a "_" (so that a prefix search for suggestions finds titles only) labelled D."""
    entries = [f"{quote_lexeme(lex)}:1{HEAD_LABELS[tier]}" for lex, tier in text_lexemes(title).items()]
    size = sum(map(len, entries))
    for lexeme, tier in text_lexemes(summary).items():
        if tier in (EXACT, INFLECTED) and size < MAX_HEAD_BYTES:
            entries.append(f"{quote_lexeme(SUMMARY_MARK + lexeme)}:2{SUMMARY_LABEL}")
            size += len(entries[-1])
    return " ".join(entries)


@dataclass(frozen=True)
class SearchDocument:
    """What the index stores for one idea."""

    proposal_id: int
    vector: str
    head: str
    place_ids: list[int]
    tag_ids: list[int]


def search_document(proposal, tag_names, *, place_ids=(), tag_ids=()) -> SearchDocument:
    tags = " ".join(tag_names)
    fields = [proposal.title, proposal.summary, proposal.problem, proposal.body, tags]
    every_field = text_positions("\n".join(fields))
    return SearchDocument(
        proposal_id=proposal.pk,
        vector=tsvector_literal(every_field),
        head=head_literal(proposal.title, proposal.summary),
        place_ids=sorted(place_ids),
        tag_ids=sorted(tag_ids),
    )


# The districts (",1,2,") of a list of place ids (",3,17,"): the place-district table has a few dozen rows.
DISTRICTS_OF_PLACES_SQL = """(
    SELECT coalesce(',' || string_agg(DISTINCT pd.district_id::text, ',' ORDER BY pd.district_id::text) || ',', ',')
    FROM places_place_districts pd WHERE strpos({places}, ',' || pd.place_id || ',') > 0
)"""
SEARCH_UPDATE_SQL = f"""
UPDATE proposals_proposal AS p SET
    search_vector = d.vector::tsvector,
    search_head = d.head::tsvector,
    search_places = d.places,
    search_districts = {DISTRICTS_OF_PLACES_SQL.format(places="d.places")},
    search_tags = d.tags
FROM unnest(%s::int[], %s::text[], %s::text[], %s::text[], %s::text[])
    AS d(id, vector, head, places, tags)
WHERE p.id = d.id
"""
SEARCH_DISTRICTS_REFRESH_SQL = f"""
UPDATE proposals_proposal AS p SET search_districts = {DISTRICTS_OF_PLACES_SQL.format(places="p.search_places")}
WHERE p.id IN (SELECT pp.proposal_id FROM proposals_proposal_places pp WHERE pp.place_id = ANY(%s))
"""


def search_documents_store(documents) -> int:
    """Write the documents in one statement (an UPDATE … FROM unnest of arrays); returns how many."""
    documents = list(documents)
    if documents:
        with connection.cursor() as cursor:
            cursor.execute(SEARCH_UPDATE_SQL, _update_params(documents))
    return len(documents)


def search_districts_refresh(*, place_ids) -> int:
    """Recompute the districts of the ideas of these places, after the places' districts changed; returns how
    many ideas."""
    with connection.cursor() as cursor:
        cursor.execute(SEARCH_DISTRICTS_REFRESH_SQL, [list(place_ids)])
        return cursor.rowcount


def _update_params(documents) -> list:
    def id_list(values):
        return "," + "".join(f"{v}," for v in values)

    return [
        [d.proposal_id for d in documents],
        [d.vector for d in documents],
        [d.head for d in documents],
        [id_list(d.place_ids) for d in documents],
        [id_list(d.tag_ids) for d in documents],
    ]


def search_vector_update(proposals_with_tags) -> None:
    """Index each (proposal, tags) pair; tags are Tag objects or names (names need a lookup of their ids)."""
    from taggit.models import Tag

    from .models import Proposal

    pairs = list(proposals_with_tags)
    if not pairs:
        return
    names = {t for _p, tags in pairs for t in tags if isinstance(t, str)}
    tag_ids = dict(Tag.objects.filter(name__in=names).values_list("name", "id")) if names else {}
    through = Proposal.places.through
    places: dict[int, list[int]] = {}
    links = through.objects.filter(proposal_id__in=[p.pk for p, _t in pairs])
    for proposal_id, place_id in links.values_list("proposal_id", "place_id"):
        places.setdefault(proposal_id, []).append(place_id)
    documents = []
    for proposal, tags in pairs:
        tag_names = [t if isinstance(t, str) else t.name for t in tags]
        ids = [tag_ids.get(t) if isinstance(t, str) else t.pk for t in tags]
        documents.append(
            search_document(
                proposal,
                tag_names,
                place_ids=places.get(proposal.pk, []),
                tag_ids=[i for i in ids if i is not None],
            )
        )
    search_documents_store(documents)


# Query side ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryWord:
    word: str
    forms: frozenset  # lexemes any of which matches the word
    parts: tuple  # for a compound: per part, the lexemes that match that part
    prefix: bool = False


def query_word(word: str, *, prefix: bool = False) -> QueryWord:
    forms = {word} | inflection_keys(word)
    parts = split_compound(lemma(word)) or split_compound(word)
    return QueryWord(
        word=word,
        forms=frozenset(forms),
        parts=tuple(frozenset({p, stem(p)}) for p in parts),
        prefix=prefix,
    )


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple[QueryWord, ...]

    def __bool__(self):
        return bool(self.words)

    @property
    def relaxable(self) -> bool:
        """Whether a search that finds nothing may be retried with one word fewer required (see match)."""
        return len(self.words) >= RELAX_MIN_WORDS

    def match(self, *, relaxed: bool = False) -> str:
        """The tsquery that every hit satisfies: each word matches by one of its forms or by all its parts.

        Relaxed, a hit needs all words but one: "nya bostäder för unga" then finds the idea about housing for
        the young that never says "nya". search_hits relaxes only a search that found nothing, so no relaxed
        hit has every word."""

        def lex(lexeme, prefix=False):
            return quote_lexeme(lexeme) + (":*" if prefix else "")

        clauses = []
        for qw in self.words:
            options = [lex(f) for f in sorted(qw.forms)]
            if qw.prefix:
                options.insert(0, lex(qw.word, prefix=True))
            if qw.parts:
                parts = ("(" + " | ".join(lex(x) for x in sorted(p)) + ")" for p in qw.parts)
                options.append("(" + " & ".join(parts) + ")")
            clauses.append("(" + " | ".join(options) + ")")
        if relaxed and self.relaxable:
            return " | ".join(
                "(" + " & ".join(c for j, c in enumerate(clauses) if j != left_out) + ")"
                for left_out in range(len(clauses))
            )
        return " & ".join(clauses)

    def rank(self, *, summary: bool = True) -> str:
        """Every lexeme of the query OR-ed, as in the title and (unless told not to) in the summary, for
        ts_rank over search_head's labels."""
        items = []
        for mark in ["", SUMMARY_MARK] if summary else [""]:
            for qw in self.words:
                if qw.prefix:
                    items.append(quote_lexeme(mark + qw.word) + ":*")
                items.extend(quote_lexeme(mark + f) for f in sorted(qw.forms))
                items.extend(quote_lexeme(mark + x) for p in qw.parts for x in sorted(p))
        return " | ".join(dict.fromkeys(items))

    def word_matches(self, word: str) -> bool:
        """Whether a word of a text (lower-case) matches one of the query's words: for highlighting."""
        lexemes = {lex for lex, _tier in word_lexemes(word)}
        for qw in self.words:
            if lexemes & qw.forms:
                return True
            if qw.prefix and any(lex.startswith(qw.word) for lex in lexemes):
                return True
            if qw.parts and any(lexemes & part for part in qw.parts):
                return True
        return False


def parse_query(q: str, *, prefix_last: bool = False) -> ParsedQuery:
    """The searchable words of what the user typed (operators and punctuation are just separators)."""
    found = words(q)[:MAX_QUERY_WORDS]
    unique = list(dict.fromkeys(found))
    # The word being typed is a prefix until the user types a space or punctuation after it.
    typing = prefix_last and bool(unique) and bool(re.search(r"[^\W_]$", q))
    return ParsedQuery(
        tuple(query_word(w, prefix=typing and i == len(unique) - 1) for i, w in enumerate(unique))
    )


# Snippets ------------------------------------------------------------------------------------------------

TOKEN_RE = re.compile(r"[^\W_]+|[\W_]+", re.UNICODE)


def mark_matches(text: str, query: ParsedQuery, start: str, stop: str, *, max_words: int = 0) -> str:
    """`text` with every word that matches the query between `start` and `stop`.

    `start` and `stop` are taken out of the text first: a caller that turns them into markup after escaping
    the text (the private-use sentinels of proposals.selectors) must find them only around matches, never
    where a member typed them.

    With max_words, only the best window of that many words (the one with the most matches) is kept,
    with an ellipsis where text is cut."""
    text = text.replace(start, "").replace(stop, "")
    tokens = TOKEN_RE.findall(text)
    word_indexes = [i for i, tok in enumerate(tokens) if WORD_RE.fullmatch(tok)]
    lowered = {i: unicodedata.normalize("NFC", tokens[i].lower()) for i in word_indexes}
    hits = {i for i, word in lowered.items() if word not in STOPWORDS and query.word_matches(word)}
    first, last = 0, len(tokens)
    if max_words and len(word_indexes) > max_words:
        hit_positions = [n for n, i in enumerate(word_indexes) if i in hits]
        best_start, best_count = 0, -1
        for n in hit_positions or [0]:
            window_start = max(0, min(n - 3, len(word_indexes) - max_words))
            count = sum(1 for h in hit_positions if window_start <= h < window_start + max_words)
            if count > best_count:
                best_start, best_count = window_start, count
        first = word_indexes[best_start]
        last = word_indexes[min(best_start + max_words, len(word_indexes)) - 1] + 1
    out = ["… " if first > 0 else ""]
    for i in range(first, last):
        out.append(f"{start}{tokens[i]}{stop}" if i in hits else tokens[i])
    if last < len(tokens):
        out.append(" …")
    return "".join(out).strip()


# Reindexing ----------------------------------------------------------------------------------------------

REINDEX_BATCH = 2000
REINDEX_SELECT_SQL = """
SELECT p.id, p.title, p.summary, p.problem, p.body,
    ARRAY(SELECT pp.place_id FROM proposals_proposal_places pp WHERE pp.proposal_id = p.id),
    ARRAY(SELECT t.id FROM taggit_taggeditem ti JOIN taggit_tag t ON t.id = ti.tag_id
          WHERE ti.object_id = p.id AND ti.content_type_id = %(content_type)s ORDER BY t.id),
    ARRAY(SELECT t.name FROM taggit_taggeditem ti JOIN taggit_tag t ON t.id = ti.tag_id
          WHERE ti.object_id = p.id AND ti.content_type_id = %(content_type)s ORDER BY t.id)
FROM proposals_proposal p
WHERE p.id > %(after)s
ORDER BY p.id
LIMIT %(limit)s
"""


@dataclass
class _Row:
    pk: int
    title: str
    summary: str
    problem: str
    body: str


def search_reindex(
    *,
    batch_size: int = REINDEX_BATCH,
    using_connection=None,
    progress=None,
    update_sql: str = SEARCH_UPDATE_SQL,
) -> int:
    """Recompute every idea's search index in batches of `batch_size`; returns the number of ideas. A migration
    passes its own `update_sql` (same parameters), written for the columns that exist at that point."""
    db = using_connection or connection
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM django_content_type WHERE app_label = 'proposals' AND model = 'proposal'"
        )
        found = cursor.fetchone()
    if found is None:
        return 0
    after, total = 0, 0
    while True:
        with db.cursor() as cursor:
            cursor.execute(
                REINDEX_SELECT_SQL, {"content_type": found[0], "after": after, "limit": batch_size}
            )
            rows = cursor.fetchall()
        if not rows:
            return total
        documents = [
            search_document(
                _Row(pk, title, summary, problem, body), tag_names, place_ids=places, tag_ids=tags
            )
            for pk, title, summary, problem, body, places, tags, tag_names in rows
        ]
        with db.cursor() as cursor:
            cursor.execute(update_sql, _update_params(documents))
        total += len(rows)
        after = rows[-1][0]
        if progress:
            progress(total)


# The search query: facets and one page of ids in one statement -------------------------------------------

# Per sort: the columns the hits carry for it, and the order. Relevance: the title's best tiers, then the
# summary, then support and recency.
SEARCH_ORDERS = {
    "": (
        "{rank} AS rank, p.support_count, p.created_at",
        "rank DESC, support_count DESC, created_at DESC, id DESC",
    ),
    "newest": ("p.created_at", "created_at DESC, id DESC"),
    "supported": ("p.support_count", "support_count DESC, id DESC"),
    "commented": ("p.comment_count", "comment_count DESC, id DESC"),
    "active": ("p.last_activity_at", "last_activity_at DESC, id DESC"),
}
TOP_TAGS = 12

# The hits are read once, from the GIN index's bitmap, into a CTE. Facets are counted in one pass over it that
# groups the hits on (status, area) and on their place and tag lists (",3,17,") as wholes: a few hundred
# groups, whose lists are then split. Grouping on short strings is several times cheaper than on arrays or
# than splitting every hit's list. The ids of the first `depth` hits in order come from the same CTE, as one
# string, so that one result (and one cache entry) serves every page of a search.
SEARCH_SQL = """
WITH hits AS MATERIALIZED (
    SELECT p.id, p.status, p.policy_area_id, p.search_places, p.search_tags, {sort_columns}
    FROM proposals_proposal p
    WHERE p.search_vector @@ %(match)s::tsquery AND p.hidden_at IS NULL {filters}
),
groups AS (
    SELECT status, policy_area_id, search_places, search_tags, count(*)::int AS n FROM hits
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
SELECT 'ranked', string_agg(id::text, ',' ORDER BY {order}), NULL, count(*)::int FROM (
    SELECT * FROM hits ORDER BY {order} LIMIT %(depth)s
) AS ranked HAVING count(*) > 0
"""
RANK_SQL = "ts_rank(%(weights)s::float4[], p.search_head, %(rank)s::tsquery)"


# How many hits of a search can be paged through (50 pages of 20): a search keeps the ids of these, in order.
SEARCH_DEPTH = 1000
# The most searches the cache keeps; each new one pushes out the oldest (proposals_search_cached()).
SEARCH_CACHE_ENTRIES = 2000


@dataclass
class SearchHits:
    total: int = 0
    ranked_ids: list = field(default_factory=list)  # the first `depth` hits, best first: a page is a slice
    status: dict = field(default_factory=dict)
    area: dict = field(default_factory=dict)
    place: dict = field(default_factory=dict)
    tags: list = field(default_factory=list)  # (slug, name, count), most frequent first
    relaxed: bool = False  # no idea had every word: these hits lack one of them (ParsedQuery.match)


def search_hits(
    query: ParsedQuery,
    *,
    filters: dict,
    sort: str,
    depth: int = SEARCH_DEPTH,
) -> SearchHits:
    """Facet counts over every hit and the ids of the first `depth` hits in order, in one SQL statement (two
    when a search of several words finds nothing and is retried relaxed, see ParsedQuery.match).

    Every page of a search is a slice of the same result, so paging through a search costs what its first
    page did (and, cached, one entry for all its pages); hits beyond `depth` cannot be paged to.

    `filters` may hold place_id, district_id, policy_area_id, tag (slug), status, has_supports, author_id and
    within (a queryset of the ids to search among)."""
    clauses, params = [], {}
    if filters.get("place_id") is not None:
        clauses.append("strpos(p.search_places, %(place_key)s) > 0")
        params["place_key"] = f",{int(filters['place_id'])},"
    if filters.get("district_id") is not None:
        clauses.append("strpos(p.search_districts, %(district_key)s) > 0")
        params["district_key"] = f",{int(filters['district_id'])},"
    if filters.get("policy_area_id") is not None:
        clauses.append("p.policy_area_id = %(policy_area_id)s")
        params["policy_area_id"] = filters["policy_area_id"]
    if filters.get("tag"):
        clauses.append(
            "strpos(p.search_tags, (SELECT ',' || tt.id || ',' FROM taggit_tag tt WHERE tt.slug = %(tag)s))"
            " > 0"
        )
        params["tag"] = filters["tag"]
    if filters.get("status"):
        clauses.append("p.status = %(status)s")
        params["status"] = filters["status"]
    if filters.get("has_supports"):
        clauses.append("p.support_count > 0")
    if filters.get("author_id") is not None:
        clauses.append("p.author_id = %(author_id)s")
        params["author_id"] = filters["author_id"]
    if filters.get("within") is not None:
        # The subquery inlined with its values (% doubled: the statement is formatted with `params` after).
        within_sql = connection.ops.compose_sql(*filters["within"].query.sql_with_params())
        clauses.append(f"p.id IN ({within_sql.replace('%', '%%')})")
    sql = SEARCH_SQL.format(
        filters="".join(f" AND {c}" for c in clauses),
        top_tags=TOP_TAGS,
        sort_columns=SEARCH_ORDERS[sort][0].format(rank=RANK_SQL),
        order=SEARCH_ORDERS[sort][1],
    )
    params.update(weights=RANK_WEIGHTS, rank=query.rank(), match=query.match(), depth=max(1, int(depth)))
    with connection.cursor() as cursor:
        rows = _fetch_cached(cursor, sql, params)
        if not rows and query.relaxable:  # no hit has no row at all
            rows = _fetch_cached(cursor, sql, {**params, "match": query.match(relaxed=True)})
            relaxed = bool(rows)
        else:
            relaxed = False
    hits = SearchHits(relaxed=relaxed)
    for kind, key, label, count in rows:
        if kind == "status":
            hits.status[key] = hits.status.get(key, 0) + count
            hits.area[int(label)] = hits.area.get(int(label), 0) + count
            hits.total += count
        elif kind == "place":
            hits.place[int(key)] = count
        elif kind == "tag":
            hits.tags.append((key, label, count))
        elif kind == "ranked":
            hits.ranked_ids = [int(pk) for pk in key.split(",")]
    hits.tags.sort(key=lambda tag: (-tag[2], tag[1]))
    return hits


def _fetch_cached(cursor, sql, params) -> list:
    """The rows of the search `sql`, from the cache of searches when nothing has changed since it last ran.

    proposals_search_cached() (migrations 0004 and 0008) keeps each search's rows per generation of the bank:
    any write to an idea or a tag starts a new generation, so a cached result is never stale. It keeps the
    SEARCH_CACHE_ENTRIES searches stored last, pushing out the oldest as it stores a new one, so that no
    stream of different searches can grow the table. It also runs the search with sequential scans off (a
    common word matches a third of the bank, and the planner would then read the whole table, not knowing that
    most vectors live out of line in TOAST; the GIN bitmap needs neither) and with room for the hits of a
    common word in work_mem. One round trip either way."""
    composed = connection.ops.compose_sql(sql, params)
    key = hashlib.sha256(composed.encode()).hexdigest()
    cursor.execute("SELECT * FROM proposals_search_cached(%s, %s, %s)", [key, composed, SEARCH_CACHE_ENTRIES])
    return cursor.fetchall()


SUGGEST_SQL = """
SELECT p.id, p.title FROM proposals_proposal p
WHERE p.search_head @@ %(match)s::tsquery AND p.hidden_at IS NULL
ORDER BY ts_rank(%(weights)s::float4[], p.search_head, %(rank)s::tsquery) DESC,
    p.support_count DESC, p.id DESC
LIMIT %(limit)s
"""


def suggest_titles(query: ParsedQuery, *, limit: int = 8) -> list[tuple[int, str]]:
    """The ideas whose title best matches, the last word taken as a prefix: (id, title) pairs."""
    if not query:
        return []
    params = {
        "match": query.match(),
        "rank": query.rank(summary=False),
        "weights": RANK_WEIGHTS,
        "limit": limit,
    }
    with connection.cursor() as cursor:
        cursor.execute(SUGGEST_SQL, params)
        return cursor.fetchall()
