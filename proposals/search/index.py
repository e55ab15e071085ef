"""The search index: what is stored on each idea for the search, and writing it.

Two columns hold the index: `search_vector` has every field's lexemes (proposals.search.language), for
matching through its GIN index only; `search_head` has the title's lexemes labelled by tier (A exact, B
inflected, C part or folded) and the summary's labelled D, for ranking (title over summary, exact over inflected
over part) and for the suggestions (the summary's lexemes carry a "_" so that they never match a title search).
It is small and stays in the row, so ranking a third of the bank reads nothing more. Place and tag ids are kept
as lists for the facet counts, and the places' districts for the district filter.
"""

from dataclasses import dataclass, field, replace

from django.core.cache import caches
from django.db import connection

from .language import (
    EXACT,
    HEAD_LABELS,
    INFLECTED,
    SUMMARY_LABEL,
    SUMMARY_MARK,
    document_words,
    lemma,
    quote_lexeme,
    text_lexemes,
    text_positions,
)
from .lexicon import PLACE_LEXEME

SEARCH_CACHE = "search"


def search_cache_clear() -> None:
    """Forget every cached search (proposals.search.hits), after a reindex changed what the words match."""
    caches[SEARCH_CACHE].clear()


# search_head is stored uncompressed in the row (STORAGE PLAIN), so it must stay well within a page.
MAX_HEAD_BYTES = 3000


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
    # The lexemes for the bank's vocabulary (proposals.search.lexicon): True for a word as written.
    words: dict = field(default_factory=dict)

    def for_idea(self, proposal_id: int, *, place_ids, tag_ids) -> "SearchDocument":
        """The document of the same text (made without places) for an idea with these places and tags: the
        benchmark's seed repeats texts. The places join the vector, as search_document puts them there."""
        return replace(
            self,
            proposal_id=proposal_id,
            vector=_with_places(self.vector, place_ids),
            place_ids=sorted(place_ids),
            tag_ids=sorted(tag_ids),
        )


def place_lexeme(place_id: int) -> str:
    """The lexeme that marks an idea's place in its vector: a query word naming the place matches it."""
    return f"{PLACE_LEXEME}{place_id}"


def _vocabulary_words(text: str) -> dict[str, bool]:
    """The lexemes of a text for the vocabulary, True for the words a typo may be corrected to: the words as
    written and their base forms (ungdomsgårdarna, ungdomsgård), not stems or folded forms."""
    lexemes = text_lexemes(text)
    words = {lexeme: tier == EXACT for lexeme, tier in lexemes.items()}
    for word in document_words(text):
        base = lemma(word)
        if base in words:
            words[base] = True
    return words


def _with_places(vector: str, place_ids) -> str:
    """A vector literal with the lexemes of these places added (a query naming a place, or filtered on one,
    finds them)."""
    return " ".join([vector, *(f"{quote_lexeme(place_lexeme(pk))}:1" for pk in sorted(place_ids))]).strip()


def search_document(proposal, tag_names, *, place_ids=(), tag_ids=()) -> SearchDocument:
    tags = " ".join(tag_names)
    fields = [proposal.title, proposal.summary, proposal.problem, proposal.body, tags]
    text = "\n".join(fields)
    return SearchDocument(
        proposal_id=proposal.pk,
        vector=_with_places(tsvector_literal(text_positions(text)), place_ids),
        head=head_literal(proposal.title, proposal.summary),
        place_ids=sorted(place_ids),
        tag_ids=sorted(tag_ids),
        words=_vocabulary_words(text),
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


# New words join the vocabulary, and a known word seen as written for the first time is marked so. Rows that
# already say so are neither updated nor locked: ideas saved at the same time never wait on a common word.
VOCABULARY_ADD_SQL = """
INSERT INTO proposals_searchword (word, written, ideas)
SELECT w.word, w.written, 1 FROM unnest(%s::text[], %s::bool[]) AS w(word, written)
ORDER BY w.word
ON CONFLICT (word) DO NOTHING
"""
VOCABULARY_WRITTEN_SQL = """
UPDATE proposals_searchword SET written = true WHERE word = ANY(%s) AND NOT written
"""
# A reindex rebuilds the vocabulary from nothing, counting the ideas each word occurs in.
VOCABULARY_COUNT_SQL = """
INSERT INTO proposals_searchword (word, written, ideas)
SELECT w.word, w.written, w.ideas FROM unnest(%s::text[], %s::bool[], %s::int[]) AS w(word, written, ideas)
ON CONFLICT (word) DO UPDATE SET written = proposals_searchword.written OR excluded.written,
    ideas = proposals_searchword.ideas + excluded.ideas
"""


def _vocabulary_params(documents) -> list:
    written: dict[str, bool] = {}
    ideas: dict[str, int] = {}
    for document in documents:
        for word, as_written in document.words.items():
            written[word] = written.get(word, False) or as_written
            ideas[word] = ideas.get(word, 0) + 1
    ordered = sorted(written)
    return [ordered, [written[w] for w in ordered], [ideas[w] for w in ordered]]


def search_documents_store(documents) -> int:
    """Write the documents in one statement (an UPDATE … FROM unnest of arrays), and their new words to the
    vocabulary in another; returns how many."""
    documents = list(documents)
    if documents:
        with connection.cursor() as cursor:
            cursor.execute(SEARCH_UPDATE_SQL, _update_params(documents))
            words, written, _ideas = _vocabulary_params(documents)
            cursor.execute(VOCABULARY_ADD_SQL, [words, written])
            cursor.execute(
                VOCABULARY_WRITTEN_SQL, [[w for w, is_written in zip(words, written) if is_written]]
            )
    return len(documents)


def search_districts_refresh(*, place_ids) -> int:
    """Recompute the districts of the ideas of these places, after the places' districts changed; returns how
    many ideas."""
    with connection.cursor() as cursor:
        cursor.execute(SEARCH_DISTRICTS_REFRESH_SQL, [list(place_ids)])
        refreshed = cursor.rowcount
    search_cache_clear()  # the ideas' updated_at stays: their own text did not change
    return refreshed


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

    from proposals.models import Proposal

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
    """Recompute every idea's search index in batches of `batch_size`, and the vocabulary with it; returns the
    number of ideas. A migration passes its own `update_sql` (same parameters), written for the columns that
    exist at that point (and before the vocabulary existed: only the current update rebuilds it)."""
    db = using_connection or connection
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM django_content_type WHERE app_label = 'proposals' AND model = 'proposal'"
        )
        found = cursor.fetchone()
    if found is None:
        return 0
    vocabulary = update_sql == SEARCH_UPDATE_SQL
    if vocabulary:
        with db.cursor() as cursor:
            cursor.execute("DELETE FROM proposals_searchword")
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
            if vocabulary:
                cursor.execute(VOCABULARY_COUNT_SQL, _vocabulary_params(documents))
        total += len(rows)
        after = rows[-1][0]
        if progress:
            progress(total)
