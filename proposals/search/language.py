"""The Swedish language work of the search, in plain Python (no Django, no database).

PostgreSQL's `swedish` Snowball configuration misses definite forms, umlaut plurals and compounds, and the
embedded server has no unaccent or pg_trgm, so every lexeme is computed here and stored as a plain tsvector
literal (proposals.search.index). Any PostgreSQL 14+ can then match it with its GIN index.

Each word of a document becomes several lexemes, one *tier* each, stored with the tier as its weight label:

    A  exact     the word as written                         bostäder
    B  inflected its lemma (simplemma) and Snowball stems    bostad, bost, bostäd
    C  part      the lemma's compound parts and their stems  kollektivtrafiken → kollektiv, trafik
    D  folded    A–C with å, ä → a and ö → o                  äldreboende → aldreboende

A query word is looked up by its own form, lemma and stems (proposals.search.query), so `sjukhuset` meets
`sjukhus` (B), `trafik` meets `kollektivtrafiken` (C), and `aldreboende` typed without diacritics meets the
folded `äldreboende` (D).
"""

import re
import sysconfig
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import simplemma
import snowballstemmer

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
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
# Each label's weight in the rank, in tenths: ts_rank takes them as RANK_WEIGHTS, and the search orders by their
# sum (proposals.search.query.RankTerm), a whole number.
LABEL_TENTHS = {"A": 10, "B": 6, "C": 3, "D": 1}
RANK_WEIGHTS = "{" + ", ".join(str(LABEL_TENTHS[label] / 10) for label in "DCBA") + "}"
MAX_POSITIONS, MAX_POSITION = 8, 16383

_snowball = snowballstemmer.stemmer("swedish")


def fold(text: str) -> str:
    """Swedish letters without their diacritics, as typed on a keyboard without them: äldre → aldre."""
    return text.translate(FOLD_TABLE)


def words(text: str) -> list[str]:
    """The searchable words of a text, lower-cased and NFC-normalised, stop words left out."""
    text = unicodedata.normalize("NFC", text.lower())
    return [w for w in WORD_RE.findall(text) if w not in STOPWORDS and len(w) <= MAX_WORD_LENGTH]


HYPHENATED_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)+", re.UNICODE)


def document_words(text: str) -> list[str]:
    """The words of a text as the index takes them: `words`, and each hyphenated word also written as one
    (e-hälsa → e, hälsa, ehälsa), since members type it both ways."""
    found = words(text)
    lowered = unicodedata.normalize("NFC", text.lower())
    joined = (m.replace("-", "") for m in HYPHENATED_RE.findall(lowered))
    return found + [w for w in joined if len(w) <= MAX_WORD_LENGTH]


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
        tail = word[start:]
        if start > 0 and tail in vocab.end:
            candidates.append((tail,))
        elif start > 0 and len(tail) > MIN_PART and lemma(tail) in vocab.end:
            # An inflected last part the word list has only in its base form: pendelbåt-arna.
            candidates.append((lemma(tail),))
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


# Lexemes of a text -----------------------------------------------------------------------------------


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
    for word in document_words(text):
        for lexeme, tier in word_lexemes(word):
            if lexeme not in best or TIER_ORDER[tier] < TIER_ORDER[best[lexeme]]:
                best[lexeme] = tier
    return best


def text_positions(text: str) -> dict[str, list[int]]:
    """Every lexeme of a text with the positions (word numbers) of the words that give it."""
    positions: dict[str, list[int]] = {}
    for number, word in enumerate(document_words(text), start=1):
        for lexeme, _tier in word_lexemes(word):
            places = positions.setdefault(lexeme, [])
            if len(places) < MAX_POSITIONS:
                places.append(min(number, MAX_POSITION))
    return positions


def quote_lexeme(lexeme: str) -> str:
    """A lexeme in tsvector and tsquery input syntax."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"
