"""Swedish full-text search over the bank.

Documents are indexed with PostgreSQL's `swedish` configuration. Snowball misses umlaut plurals and
definite forms (`bostäder`/`bostad`, `sjukhuset`/`sjukhus`), so each field is indexed together with the
dictionary lemmas of its words (simplemma), and each query word matches its own stem or its lemma's.
"""

import re
from functools import lru_cache

import simplemma
from django.db import connection

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUERY_WORDS = 12


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="sv").lower()


def lemmas_text(text: str) -> str:
    """The lemmas of the words in `text` that differ from the word itself, each once."""
    seen = {}
    for word in WORD_RE.findall(text.lower()):
        base = lemma(word)
        if base != word:
            seen.setdefault(base, None)
    return " ".join(seen)


def query_words(q: str) -> list[str]:
    return WORD_RE.findall(q.lower())[:MAX_QUERY_WORDS]


def tsquery_text(q: str) -> str:
    """A `to_tsquery('swedish', …)` expression: every word must match, as itself or as its lemma."""
    terms = []
    for word in query_words(q):
        variants = {word, lemma(word)}
        terms.append("(" + " | ".join(sorted(variants)) + ")")
    return " & ".join(terms)


SEARCH_VECTOR_SQL = """
UPDATE proposals_proposal p SET search_vector =
    setweight(to_tsvector('swedish', p.title || ' ' || %(title_lemmas)s), 'A') ||
    setweight(to_tsvector('swedish', p.summary || ' ' || %(summary_lemmas)s || ' ' || %(tags)s), 'B') ||
    setweight(to_tsvector('swedish', p.problem || ' ' || p.body || ' ' || %(body_lemmas)s), 'C')
WHERE p.id = %(id)s
"""


def search_vector_params(proposal, tag_names) -> dict:
    tags = " ".join(tag_names)
    return {
        "id": proposal.pk,
        "title_lemmas": lemmas_text(proposal.title),
        "summary_lemmas": lemmas_text(proposal.summary + " " + tags),
        "body_lemmas": lemmas_text(proposal.problem + " " + proposal.body),
        "tags": tags,
    }


def search_vector_update(proposals_with_tags) -> None:
    """Store the search vector of each (proposal, tag names) pair."""
    params = [search_vector_params(proposal, tags) for proposal, tags in proposals_with_tags]
    if params:
        with connection.cursor() as cursor:
            cursor.executemany(SEARCH_VECTOR_SQL, params)
