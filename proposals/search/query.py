"""What a member typed, as the tsqueries that match and rank it, and the marks that show why an idea matched.

Plain Python, no Django: the bank's own vocabulary (for typos, half-typed words and split compounds) comes in
as a `Lexicon`, the editors' synonym sets as `SynonymSet`s (proposals.search.hits loads both).

A query word matches an idea by any of its forms (its lemma and stems, see proposals.search.language), as a
prefix when it is the half-typed last word, or by every part of one of its *conjunctions*: the parts of a
compound (`idrottshall` → idrott & hall), two typed words that the bank writes as one (`tunnel bana`), or a
synonym of several words (`sfi` → svenska & invandrare). A word the bank does not contain is corrected to the
closest words it does (`lekplatsr` → lekplatser), and synonyms add their forms (`fritids` → fritidshem).
"""

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import Protocol

from .language import (
    LABEL_TENTHS,
    STOPWORDS,
    SUMMARY_LABEL,
    SUMMARY_MARK,
    WORD_RE,
    fold,
    inflection_keys,
    lemma,
    quote_lexeme,
    split_compound,
    stem,
    word_lexemes,
    words,
)

MAX_QUERY_WORDS = 12
# From this many words, ideas with all words but one are hits too, ranked after those with all.
RELAX_MIN_WORDS = 2
# A typo is corrected by at most this many letters: one for words of 4–7 letters, two for longer ones.
TYPO_MIN_LENGTH = 4
TYPO_LONG_WORD = 8
# A half-typed last word matches as a prefix from this many letters (fewer would match half the bank).
PREFIX_MIN_LENGTH = 3
MAX_CORRECTIONS = 2


class Lexicon(Protocol):
    """The bank's own vocabulary, as the query needs it (proposals.search.lexicon.BankLexicon)."""

    def knows(self, lexeme: str) -> bool:
        """Whether any idea's index holds this lexeme (any tier)."""

    def is_written_word(self, word: str) -> bool:
        """Whether an idea contains this word as written."""

    def has_prefix(self, prefix: str) -> bool:
        """Whether an idea contains a word that begins with `prefix` (and is longer)."""

    def corrections(self, word: str, *, max_distance: int) -> list[str]:
        """The written words closest to `word`, at most `max_distance` edits away, best first."""


@dataclass(frozen=True)
class SynonymSet:
    """An editors' synonym set (proposals.models.SynonymSet): each term finds the others, or with
    `one_way` the first term finds the others but not the other way round."""

    terms: tuple[str, ...]
    one_way: bool = False


@dataclass(frozen=True)
class QueryWord:
    word: str
    forms: frozenset  # lexemes any of which matches the word
    # Each a tuple of lexeme sets, all of which must match: a compound's parts, a split word, a multi-word synonym.
    conjunctions: tuple = ()
    prefix: bool = False
    corrected: str = ""  # the written word a typo was corrected to
    synonyms: tuple = ()  # the synonym terms the word also finds
    # The forms that came from a correction or a synonym: they match, but rank below the word's own.
    borrowed: frozenset = frozenset()

    @property
    def parts(self) -> tuple:
        """The compound's parts (the first conjunction), for callers that look at one split."""
        return self.conjunctions[0] if self.conjunctions else ()

    def keys(self) -> frozenset:
        """The word's own form, lemma and stems: what a synonym term is matched against."""
        return frozenset({self.word, lemma(self.word)}) | inflection_keys(self.word)

    def lexemes(self, *, borrowed: bool = False) -> list[str]:
        """The word's own lexemes (forms and parts), or with `borrowed` those of its corrections and
        synonyms."""
        if borrowed:
            return sorted(self.borrowed)
        own = self.forms | {x for conj in self.conjunctions for part in conj for x in part}
        return sorted(own - self.borrowed)


# A correction's or a synonym's lexeme counts for this much (in tenths) of what the word's own lexemes count.
BORROWED_TENTHS = 3
# Title lexemes carry one of these labels in search_head (proposals.search.index), summary lexemes SUMMARY_LABEL.
TITLE_LABELS = "ABC"


@dataclass(frozen=True)
class RankTerm:
    """A head lexeme that ranks: the title's, or the summary's behind SUMMARY_MARK."""

    lexeme: str
    scale: int  # what a tenth of its label's weight adds to the rank key (ParsedQuery.rank_scales)
    labels: str = ""  # the labels it can have: the title's or the summary's unless told fewer

    def __post_init__(self):
        if not self.labels:
            kind = SUMMARY_LABEL if self.lexeme.startswith(SUMMARY_MARK) else TITLE_LABELS
            object.__setattr__(self, "labels", kind)

    def labelled(self) -> list[str]:
        """The lexeme behind each label it can have, as the index of labelled head lexemes holds it."""
        return [label + self.lexeme for label in self.labels]

    def value(self, label: str) -> int:
        return self.scale * LABEL_TENTHS[label]


def rank_clauses(terms, at_least: int, *, limit: int) -> list[tuple[str, ...]] | None:
    """The ideas whose rank key is at least `at_least`, as conjunctions of labelled head lexemes ("Askolor",
    "D_skola", the index of proposals.search.hits.REACHING_SQL), one of which each such idea's head satisfies: every
    least set of (label, lexeme) whose values reach it. None when there are more than `limit`."""
    options = sorted(
        ((term, sorted(term.labels, key=term.value, reverse=True)) for term in terms),
        key=lambda option: -option[0].value(option[1][0]),
    )
    reach = [0] * (len(options) + 1)  # the most that the terms from i on can add
    for i in range(len(options) - 1, -1, -1):
        term, labels = options[i]
        reach[i] = reach[i + 1] + term.value(labels[0])
    clauses = []

    def walk(i: int, chosen: tuple, total: int) -> bool:
        if total >= at_least:
            if total - min(value for _lexeme, value in chosen) < at_least:
                clauses.append(tuple(lexeme for lexeme, _value in chosen))
            return len(clauses) <= limit
        if total + reach[i] < at_least:
            return True
        term, labels = options[i]
        for label in labels:
            if not walk(
                i + 1, (*chosen, (label + term.lexeme, term.value(label))), total + term.value(label)
            ):
                return False
        return walk(i + 1, chosen, total)

    if at_least <= 0:
        return None  # every idea: no clause to look up
    return clauses if walk(0, (), 0) else None


def word_forms(word: str) -> frozenset:
    return frozenset({word} | inflection_keys(word))


def word_conjunction(word: str) -> tuple:
    """A compound's parts, each with its stem: `kollektivtrafiken` → ({kollektiv, …}, {trafik, …})."""
    parts = split_compound(lemma(word)) or split_compound(word)
    return tuple(frozenset({p, stem(p)}) for p in parts)


def query_word(word: str, *, prefix: bool = False) -> QueryWord:
    conjunction = word_conjunction(word)
    return QueryWord(
        word=word, forms=word_forms(word), conjunctions=(conjunction,) if conjunction else (), prefix=prefix
    )


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple[QueryWord, ...]
    typed: str = ""  # what was typed, when a correction changed it (the page offers it)
    # (form, its stem) pairs the bank was found to imply (proposals.search.hits): every idea holding the form
    # holds the stem, so the match asks for the stem alone (with_implied).
    implied: frozenset = frozenset()
    # Highlighting's answers so far (word_matches), for the texts of one page: a query lives for one request.
    _matched: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def __bool__(self):
        return bool(self.words)

    @property
    def relaxable(self) -> bool:
        """Whether ideas with all words but one are hits too (see match)."""
        return len(self.words) >= RELAX_MIN_WORDS

    @property
    def corrected(self) -> bool:
        return any(qw.corrected for qw in self.words)

    def searched_for(self) -> str:
        """The words searched for, corrections in place of what was typed: "Visar träffar för …"."""
        return " ".join(qw.corrected or qw.word for qw in self.words)

    def match(self, *, relaxed: bool = False) -> str:
        """The tsquery that every hit satisfies: each word matches by one of its forms, as a prefix, or by all
        parts of one of its conjunctions.

        Relaxed, a hit needs all words but one: "mer pengar till fritidsgårdar" also finds the idea about
        money for youth centres that never says "mer"; the search ranks ideas with every word first."""

        def lex(lexeme, prefix=False):
            return quote_lexeme(lexeme) + (":*" if prefix else "")

        def asked(lexemes):
            return sorted(x for x in lexemes if (x, stem(x)) not in self.implied or stem(x) not in lexemes)

        clauses = []
        for qw in self.words:
            options = [lex(f) for f in asked(qw.forms)]
            if qw.prefix:
                options.insert(0, lex(qw.word, prefix=True))
            for conjunction in qw.conjunctions:
                parts = ("(" + " | ".join(lex(x) for x in asked(p)) + ")" for p in conjunction)
                options.append("(" + " & ".join(parts) + ")")
            clauses.append("(" + " | ".join(options) + ")")
        if relaxed and self.relaxable:
            return " | ".join(
                "(" + " & ".join(c for j, c in enumerate(clauses) if j != left_out) + ")"
                for left_out in range(len(clauses))
            )
        return " & ".join(clauses)

    def stem_pairs(self) -> frozenset:
        """The (form, stem) pairs of the forms that match() ORs with their own stem: if the bank implies one
        (every idea holding the form holds the stem), the form need not be asked for. A stem is shorter than
        its form, so a chain of them (skolorens → skolor → skol) ends in a form that is asked for."""
        groups = [qw.forms for qw in self.words]
        groups += [part for qw in self.words for conjunction in qw.conjunctions for part in conjunction]
        return frozenset((x, stem(x)) for group in groups for x in group if stem(x) != x and stem(x) in group)

    def with_implied(self, pairs) -> "ParsedQuery":
        """The query asking the index for fewer forms: `pairs` (of stem_pairs) are implied by the bank's
        search_vector (not by search_head: a query with them is for the vector's GIN index only)."""
        return replace(self, implied=frozenset(pairs))

    def _rank_items(self, *, summary: bool, borrowed: bool) -> list[tuple[str, bool]]:
        """(head lexeme, as a prefix) for each lexeme that ranks, once each."""
        items = []
        for mark in ["", SUMMARY_MARK] if summary else [""]:
            for qw in self.words:
                if qw.prefix and not borrowed:
                    items.append((mark + qw.word, True))
                items.extend((mark + x, False) for x in qw.lexemes(borrowed=borrowed))
        return list(dict.fromkeys(items))

    def rank(self, *, summary: bool = True, borrowed: bool = False) -> str:
        """Every lexeme of the query OR-ed, as in the title and (unless told not to) in the summary, for
        ts_rank over search_head's labels; with `borrowed`, those of the corrections and synonyms instead
        (ranked lower, see rank_scales), "" when there are none."""
        items = self._rank_items(summary=summary, borrowed=borrowed)
        return " | ".join(quote_lexeme(lex) + (":*" if prefix else "") for lex, prefix in items)

    def rank_sizes(self, *, summary: bool = True) -> tuple[int, int]:
        """How many lexemes ts_rank divides by in rank() and in rank(borrowed=True): it counts each lexeme once,
        a prefix and the same lexeme whole alike."""
        return tuple(
            len({lex for lex, _prefix in self._rank_items(summary=summary, borrowed=borrowed)})
            for borrowed in (False, True)
        )

    def rank_scales(self, *, summary: bool = True) -> tuple[int, int]:
        """What a tenth of a label's weight adds to the rank key for an own lexeme and for a borrowed one.

        The rank is own / n_own + 0.3 × borrowed / n_borrowed (the sums of the lexemes' weights over how many
        were asked for): times 10 × n_own × n_borrowed, and with the weights in tenths, a whole number with the
        same order."""
        own, borrowed = self.rank_sizes(summary=summary)
        if not borrowed:
            return 1, 0
        return 10 * borrowed, BORROWED_TENTHS * own

    def rank_terms(self) -> tuple["RankTerm", ...] | None:
        """The head lexemes that rank, each with what a tenth of its label's weight adds to the rank key; None
        when a word is half-typed (a prefix's lexemes are not known in advance) or a lexeme is one word's own and
        another's borrowed (it would count in both)."""
        own_scale, borrowed_scale = self.rank_scales()
        terms = {}
        for borrowed, scale in ((False, own_scale), (True, borrowed_scale)):
            for lexeme, prefix in self._rank_items(summary=True, borrowed=borrowed):
                if prefix or lexeme in terms:
                    return None
                terms[lexeme] = RankTerm(lexeme, scale)
        return tuple(terms.values())

    def matched_by(self, lexemes: set) -> bool:
        """Whether a document with these lexemes is a hit (match), by a form of each word."""
        return all(qw.forms & lexemes for qw in self.words)

    def word_matches(self, word: str) -> bool:
        """Whether a word of a text, as written, matches one of the query's words: for highlighting. Every
        form counts, a compound part or a synonym too (the mark shows why the idea was found); a stop word
        never. The answer is kept for the other texts of the page (at most MATCHES_KEPT words)."""
        matched = self._matched.get(word)
        if matched is None:
            lowered = unicodedata.normalize("NFC", word.lower())
            matched = lowered not in STOPWORDS and self._lowered_word_matches(lowered)
            if len(self._matched) < MATCHES_KEPT:
                self._matched[word] = matched
        return matched

    def _lowered_word_matches(self, word: str) -> bool:
        lexemes = {lex for lex, _tier in word_lexemes(word)}
        for qw in self.words:
            if lexemes & qw.forms:
                return True
            if qw.prefix and any(lex.startswith(qw.word) for lex in lexemes):
                return True
            if any(lexemes & part for conjunction in qw.conjunctions for part in conjunction):
                return True
        return False

    def with_synonyms(self, synonym_sets) -> "ParsedQuery":
        """The query with each word also finding the terms of the synonym sets it belongs to."""
        sets = list(synonym_sets)
        if not sets:
            return self
        return replace(self, words=tuple(_add_synonyms(qw, sets) for qw in self.words))

    def with_places(self, places: dict, lexeme) -> "ParsedQuery":
        """The query with each word that names a place (`places`: lower-case name → id) also matching the
        ideas of that place (`lexeme(id)`, see proposals.search.index.place_lexeme): "lekplatser i nacka"."""
        if not places:
            return self

        def named(qw):
            ids = [pk for name, pk in places.items() if name in qw.keys() or name + "s" in qw.keys()]
            return replace(qw, forms=qw.forms | {lexeme(pk) for pk in ids}) if ids else qw

        return replace(self, words=tuple(named(qw) for qw in self.words))

    def keys(self) -> frozenset:
        """Every word's keys (see QueryWord.keys), to look up its synonym sets."""
        return frozenset().union(*(qw.keys() for qw in self.words)) if self.words else frozenset()


def _term_keys(term: str) -> frozenset:
    return frozenset({term, lemma(term)})


def _add_synonyms(qw: QueryWord, sets) -> QueryWord:
    keys = qw.keys()
    found = []
    for synonym_set in sets:
        sources = synonym_set.terms[:1] if synonym_set.one_way else synonym_set.terms
        if any(_term_keys(term) & keys for term in sources if " " not in term):
            found.extend(t for t in synonym_set.terms if not (_term_keys(t) & keys))
    if not found:
        return qw
    forms, conjunctions = set(qw.forms), list(qw.conjunctions)
    for term in dict.fromkeys(found):
        term_words = words(term)
        if len(term_words) == 1:
            forms |= word_forms(term_words[0])
        elif term_words:
            conjunctions.append(tuple(word_forms(w) for w in term_words))
    return replace(
        qw,
        forms=frozenset(forms),
        conjunctions=tuple(conjunctions),
        synonyms=tuple(dict.fromkeys(found)),
        borrowed=qw.borrowed | (frozenset(forms) - qw.forms),
    )


def _known(word: str, lexicon: Lexicon) -> bool:
    """Whether the index can match `word` as it is: by a form (with or without diacritics) or by all parts."""
    forms = word_forms(word)
    if any(lexicon.knows(f) or lexicon.knows(fold(f)) for f in forms):
        return True
    conjunction = word_conjunction(word)
    return bool(conjunction) and all(any(lexicon.knows(x) for x in part) for part in conjunction)


def _joined(first: str, second: str, lexicon: Lexicon) -> QueryWord | None:
    """Two typed words that the bank writes as one (`tunnel bana` → tunnelbana), as one query word that
    matches the joined word or both."""
    joined = first + second
    if not any(lexicon.knows(f) for f in word_forms(joined)):
        return None
    return QueryWord(
        word=joined,
        forms=word_forms(joined),
        conjunctions=((word_forms(first), word_forms(second)),),
    )


def _correct(qw: QueryWord, lexicon: Lexicon) -> QueryWord:
    word = qw.word
    if len(word) < TYPO_MIN_LENGTH or not word.isalpha() or _known(word, lexicon):
        return qw
    distance = 1 if len(word) < TYPO_LONG_WORD else 2
    corrections = lexicon.corrections(word, max_distance=distance)[:MAX_CORRECTIONS]
    if not corrections:
        return qw
    forms = set(qw.forms)
    for correction in corrections:
        forms |= word_forms(correction)
    conjunctions = tuple(c for c in (word_conjunction(corrections[0]),) if c)
    return replace(
        qw,
        forms=frozenset(forms),
        conjunctions=conjunctions,
        corrected=corrections[0],
        borrowed=frozenset(forms) - qw.forms,
    )


def parse_query(
    q: str,
    *,
    prefix_last: bool = False,
    lexicon: Lexicon | None = None,
    correct: bool = True,
    keep: frozenset = frozenset(),
) -> ParsedQuery:
    """The searchable words of what the user typed (operators and punctuation are just separators).

    With `prefix_last`, the word being typed (the last, with no space or punctuation after it) also matches
    as a prefix. With a `lexicon` (the results page), it does so only when the bank has no such word as
    written (`lekpl`, `gymnas`), two typed words the bank writes as one are joined, and, with `correct`, a word
    the bank does not know is corrected to its closest written words, unless one of its keys is in `keep` (a
    place's name, a synonym)."""
    found = list(dict.fromkeys(words(q)))[:MAX_QUERY_WORDS]
    typing = prefix_last and bool(found) and bool(re.search(r"[^\W_]$", q))
    parsed: list[QueryWord] = []
    i = 0
    while i < len(found):
        word, last = found[i], i == len(found) - 1
        if lexicon is not None and i + 1 < len(found):
            joined = _joined(word, found[i + 1], lexicon)
            if joined is not None:
                parsed.append(joined)
                i += 2
                continue
        prefix = typing and last
        if prefix and lexicon is not None:
            prefix = (
                len(word) >= PREFIX_MIN_LENGTH
                and not lexicon.is_written_word(word)
                and lexicon.has_prefix(word)
            )
        qw = query_word(word, prefix=prefix)
        if lexicon is not None and correct and not prefix and not (qw.keys() & keep):
            qw = _correct(qw, lexicon)
        parsed.append(qw)
        i += 1
    query = ParsedQuery(tuple(parsed))
    if query.corrected:
        query = replace(query, typed=" ".join(found))
    return query


# Snippets ------------------------------------------------------------------------------------------------

# Split at words, kept: the separators (possibly empty) at even indexes, the words at odd ones.
WORD_SPLIT_RE = re.compile(f"({WORD_RE.pattern})", re.UNICODE)
SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?]*\s*")
MATCHES_KEPT = 20_000


def unique_sentences(text: str) -> str:
    """`text` with each sentence only the first time it occurs (a body that repeats its summary)."""
    seen, kept = set(), []
    for sentence in SENTENCE_RE.findall(text):
        key = " ".join(sentence.lower().split())
        if key and key in seen:
            continue
        seen.add(key)
        kept.append(sentence)
    return "".join(kept)


def mark_matches(text: str, query: ParsedQuery, start: str, stop: str, *, max_words: int = 0) -> str:
    """`text` with every word that matches the query between `start` and `stop`.

    `start` and `stop` are taken out of the text first: a caller that turns them into markup after escaping
    the text (the private-use sentinels of proposals.selectors) must find them only around matches, never
    where a member typed them.

    With max_words, only the best window of that many words (the one with the most matches, the first of
    those) is kept, with an ellipsis where text is cut, and no sentence twice. Linear in the text's length
    but for a logarithm: each window is counted by bisection over the matches' positions."""
    text = text.replace(start, "").replace(stop, "")
    if max_words:
        text = unique_sentences(text)
    tokens = WORD_SPLIT_RE.split(text)
    count = len(tokens) // 2  # words: tokens[2n + 1]
    hits = [n for n in range(count) if query.word_matches(tokens[2 * n + 1])]
    windowed = bool(max_words) and count > max_words
    if windowed:
        best_start, best_count = 0, -1
        for n in hits or [0]:
            window_start = max(0, min(n - 3, count - max_words))
            found = bisect_left(hits, window_start + max_words) - bisect_left(hits, window_start)
            if found > best_count:
                best_start, best_count = window_start, found
    for n in hits:
        tokens[2 * n + 1] = f"{start}{tokens[2 * n + 1]}{stop}"
    if not windowed:
        return "".join(tokens).strip()
    first, last = best_start, best_start + max_words
    before = "… " if first > 0 or tokens[0] else ""
    after = " …" if last < count or tokens[-1] else ""
    return (before + "".join(tokens[2 * first + 1 : 2 * last]) + after).strip()
