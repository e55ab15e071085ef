"""Swedish full-text search over the bank, inside PostgreSQL, forgiving typos, half-typed words, synonyms and
everyday phrasing.

- `language`: the Swedish language work (words, lemmas, stems, compounds, lexeme tiers), plain Python.
- `query`: what a member typed as tsqueries, corrections, synonyms and highlighting, plain Python.
- `lexicon`: the bank's own vocabulary, for corrections and half-typed words.
- `index`: what is stored on each idea, and writing it (and the vocabulary).
- `hits`: a search's facets and ranked ids over the list's filtered queryset, cached.

Pages reach the search through proposals.selectors; the names below are this package's public ones.
"""

from .hits import SEARCH_DEPTH, SearchHits, search_hits, search_query, suggest_titles
from .index import (
    REINDEX_BATCH,
    SearchDocument,
    search_cache_clear,
    search_districts_refresh,
    search_document,
    search_documents_store,
    search_reindex,
    search_vector_update,
)
from .language import (
    compound_parts,
    fold,
    language_resources_load,
    lemma,
    split_compound,
    stem,
    vocabulary,
    word_lexemes,
    words,
)
from .lexicon import bank_lexicon
from .query import ParsedQuery, QueryWord, SynonymSet, mark_matches, parse_query, query_word

__all__ = [
    "REINDEX_BATCH",
    "SEARCH_DEPTH",
    "ParsedQuery",
    "QueryWord",
    "SearchDocument",
    "SearchHits",
    "SynonymSet",
    "bank_lexicon",
    "compound_parts",
    "fold",
    "language_resources_load",
    "lemma",
    "mark_matches",
    "parse_query",
    "query_word",
    "search_cache_clear",
    "search_districts_refresh",
    "search_document",
    "search_documents_store",
    "search_hits",
    "search_query",
    "search_reindex",
    "search_vector_update",
    "split_compound",
    "stem",
    "suggest_titles",
    "vocabulary",
    "word_lexemes",
    "words",
]
