"""The bank's own vocabulary, for forgiving searches: what the index holds, the words as written, and the
closest written words to a typo (symspellpy, with wordfreq's Swedish frequencies breaking ties).

Each server process keeps the vocabulary in memory and reads only the rows added since it last looked
(proposals_searchword's ids only grow), and only when a search has a word it does not know, at most once
every REFRESH_SECONDS: a search whose words are all known reads nothing, and a stream of typos one query a
second at most. A correction is checked against the table before it is used, so a word
that left the bank (a reindex rebuilds the table) is never offered.
"""

import bisect
import math
import threading
import time

from django.db import connection
from symspellpy import SymSpell, Verbosity
from wordfreq import zipf_frequency

from .language import MAX_WORD_LENGTH

# SymSpell's index holds every deletion of up to two letters of each word's first PREFIX letters; words of
# fewer letters than a typo can be corrected in are not corrected, so they need no entry.
MAX_DISTANCE = 2
PREFIX = 7
MIN_CORRECTED_LENGTH = 4
VOCABULARY_BATCH = 50_000
REFRESH_SECONDS = 1.0
PLACE_LEXEME = "@place"


class BankLexicon:
    """The vocabulary of one server process (see the module's docstring); proposals.search.query.Lexicon."""

    def __init__(self, *, refresh_seconds: float = REFRESH_SECONDS):
        self._lock = threading.Lock()
        self.refresh_seconds = refresh_seconds
        self.reset()

    def reset(self) -> None:
        """Forget everything read (tests whose transactions roll back the table use this)."""
        self.lexemes: set[str] = set()
        self.written: set[str] = set()
        self.sorted_written: list[str] = []
        self.counts: dict[str, int] = {}
        self.speller = SymSpell(max_dictionary_edit_distance=MAX_DISTANCE, prefix_length=PREFIX)
        self.last_id = 0
        self.refreshed_at = -math.inf

    def refresh(self) -> None:
        """Read the words added since the last look, in one query (more for a first load of a large bank),
        unless it looked less than `refresh_seconds` ago."""
        with self._lock:
            if time.monotonic() - self.refreshed_at < self.refresh_seconds:
                return
            self.refreshed_at = time.monotonic()
            added = []
            while True:
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT id, word, written, ideas FROM proposals_searchword WHERE id > %s "
                        "ORDER BY id LIMIT %s",
                        [self.last_id, VOCABULARY_BATCH],
                    )
                    rows = cursor.fetchall()
                for pk, word, written, ideas in rows:
                    self.lexemes.add(word)
                    if written:
                        self.written.add(word)
                        self.counts[word] = ideas
                        added.append(word)
                        if len(word) >= MIN_CORRECTED_LENGTH:
                            self.speller.create_dictionary_entry(word, ideas)
                    self.last_id = pk
                if len(rows) < VOCABULARY_BATCH:
                    break
            if len(added) > 100:
                self.sorted_written = sorted(self.written)
            else:
                for word in added:
                    bisect.insort(self.sorted_written, word)

    def for_search(self) -> "SearchLexicon":
        """The vocabulary as one search sees it: read again at most once, when a word is not known."""
        return SearchLexicon(self)


class SearchLexicon:
    """proposals.search.query.Lexicon for one search over a BankLexicon."""

    def __init__(self, bank: BankLexicon):
        self.bank = bank
        self.refreshed = False

    def _seen(self, check) -> bool:
        if check() or self.refreshed:
            return check()
        self.bank.refresh()
        self.refreshed = True
        return check()

    def knows(self, lexeme: str) -> bool:
        return self._seen(lambda: lexeme in self.bank.lexemes)

    def is_written_word(self, word: str) -> bool:
        return self._seen(lambda: word in self.bank.written)

    def has_prefix(self, prefix: str) -> bool:
        def check():
            words = self.bank.sorted_written
            i = bisect.bisect_right(words, prefix)
            return i < len(words) and words[i].startswith(prefix)

        return self._seen(check)

    def corrections(self, word: str, *, max_distance: int) -> list[str]:
        if len(word) > MAX_WORD_LENGTH:
            return []
        if not self.refreshed:
            self.bank.refresh()
            self.refreshed = True
        found = self.bank.speller.lookup(
            word, Verbosity.CLOSEST, max_edit_distance=min(max_distance, MAX_DISTANCE)
        )
        candidates = [s.term for s in found if s.term != word]
        if not candidates:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM proposals_searchword WHERE written AND word = ANY(%s)", [candidates]
            )
            present = {row[0] for row in cursor.fetchall()}
        distance = {s.term: s.distance for s in found}
        counts = self.bank.counts
        return sorted(
            (c for c in candidates if c in present),
            key=lambda c: (distance[c], -counts.get(c, 0), -zipf_frequency(c, "sv"), c),
        )


bank_lexicon = BankLexicon()
