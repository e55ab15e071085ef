"""Comparing long texts stays cheap and still marks what changed: paragraphs are matched first, words only
inside changed paragraphs, and what cannot be matched within the work limit is replaced whole. Speed itself
is measured in bench/agenda_bench.py; these tests pin the behaviour that keeps it bounded."""

import html
import random
import re
from unittest import mock

from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from agenda import diff
from agenda.diff import document_diff, words_diff
from agenda.document import Document

from .helpers import fresh, to_consultation

# Made-up words from two sets of syllables: no word of the one set can be a word of the other (only the
# second has a "y"), so a text rewritten in the second set has no word in common with the first.
SYLLABLES = "ar be da fo gi hu ka le mo ni ro sa te vu ep il".split()
OTHER_SYLLABLES = "by dy fy ky ly my ny py".split()
MARK_RE = re.compile(
    r'<(del|ins)><span class="visually-hidden">(?:borttaget|tillagt): </span>(.*?)'
    r'<span class="visually-hidden"> slut (?:borttaget|tillagt)</span></\1>',
    re.DOTALL,
)


def removed(old: str) -> str:
    return (
        f'<del><span class="visually-hidden">borttaget: </span>{html.escape(old)}'
        '<span class="visually-hidden"> slut borttaget</span></del>'
    )


def added(new: str) -> str:
    return (
        f'<ins><span class="visually-hidden">tillagt: </span>{html.escape(new)}'
        '<span class="visually-hidden"> slut tillagt</span></ins>'
    )


def marks(diff_html: str) -> tuple[list[str], list[str]]:
    """The removed and the added pieces, in order."""
    found = MARK_RE.findall(diff_html)
    return (
        [html.unescape(text) for kind, text in found if kind == "del"],
        [html.unescape(text) for kind, text in found if kind == "ins"],
    )


def sides(diff_html: str) -> tuple[str, str]:
    """The old text (marks of added text left out) and the new text (marks of removed text left out)."""
    old = MARK_RE.sub(lambda m: m.group(2) if m.group(1) == "del" else "", diff_html)
    new = MARK_RE.sub(lambda m: m.group(2) if m.group(1) == "ins" else "", diff_html)
    return html.unescape(old), html.unescape(new)


def words(rng, count: int, syllables=SYLLABLES) -> list[str]:
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))) for _ in range(count)]


def paragraphs(seed: int, syllables=SYLLABLES, length=59_000) -> list[str]:
    """Paragraphs of about a hundred words, together (with blank lines between) just under `length`."""
    rng, found, total = random.Random(seed), [], 0
    while True:
        paragraph = " ".join(words(rng, rng.randint(80, 120), syllables)).capitalize() + "."
        if total + len(paragraph) + 2 > length:
            return found
        found.append(paragraph)
        total += len(paragraph) + 2


def save_narrative(client, agenda, narrative: str) -> None:
    response = client.post(
        reverse("agenda:narrative", args=[agenda.pk]),
        {
            "title": fresh(agenda).title,
            "narrative": narrative,
            "message": "Berättelsen",
            "base_number": fresh(agenda).head_number,
        },
    )
    assert response.status_code == 302


def compare(client, agenda, old: int, new: int):
    return client.get(reverse("agenda:compare", args=[agenda.pk]) + f"?fran={old}&till={new}")


# --- Through the comparison page ---------------------------------------------------------------------------


def test_anyone_can_compare_a_long_narrative_rewritten_paragraph_by_paragraph(client, editor_lan, agenda):
    """60,000 characters, every paragraph rewritten in other words: each old paragraph is shown removed whole
    and its successor added whole, in place, with the blank lines between them kept."""
    old, new = paragraphs(1), paragraphs(2, OTHER_SYLLABLES)
    count = min(len(old), len(new))
    old, new = old[:count], new[:count]
    assert len("\n\n".join(old)) > 55_000 and len("\n\n".join(new)) > 55_000
    client.force_login(editor_lan)
    save_narrative(client, agenda, "\n\n".join(old))  # version 3
    save_narrative(client, agenda, "\n\n".join(new))  # version 4
    to_consultation(agenda, editor_lan)

    response = compare(Client(), agenda, 3, 4)

    assert response.status_code == 200
    narrative_html = response.context["diff"].narrative_html
    assert narrative_html == "\n\n".join(removed(o) + added(n) for o, n in zip(old, new))
    assert narrative_html in response.content.decode()


def test_a_few_changes_in_a_long_narrative_are_marked_word_by_word(client, editor_lan, agenda):
    old = paragraphs(3)
    new = list(old)
    first, middle, last = old[0].split(" "), old[50].split(" "), old[-1]
    new[0] = " ".join([*first[:3], "ändrat", *first[4:]])
    new[50] = " ".join([*middle[:40], "nyord", *middle[41:]])
    new[-1] = last + " Slutord."
    new.insert(71, "En helt ny paragraf.")
    del new[81]  # old[80]
    client.force_login(editor_lan)
    save_narrative(client, agenda, "\n\n".join(old))
    save_narrative(client, agenda, "\n\n".join(new))

    response = compare(client, agenda, 3, 4)

    assert response.status_code == 200
    narrative_html = response.context["diff"].narrative_html
    gone, came = marks(narrative_html)
    assert [text.strip() for text in gone] == [first[3], middle[40], old[80]]
    assert [text.strip() for text in came] == ["ändrat", "nyord", "En helt ny paragraf.", "Slutord."]
    assert sides(narrative_html) == ("\n\n".join(old), "\n\n".join(new))
    # The removed paragraph is shown as a paragraph of its own: blank lines on both sides of it.
    assert f"{old[79]}\n\n{removed(old[80] + chr(10) * 2)}{old[81]}" in narrative_html


def test_a_narrative_saved_from_the_browser_shows_no_change_for_its_line_endings(client, editor_lan, agenda):
    """Browsers send \\r\\n. Saving the same text from the form again is no change on the comparison page."""
    text = "\n\n".join(paragraphs(4, length=20_000)) + "\nEn rad till.\nOch en till."
    client.force_login(editor_lan)
    save_narrative(client, agenda, text)
    save_narrative(client, agenda, text.replace("\n", "\r\n"))

    response = compare(client, agenda, 3, 4)

    assert response.status_code == 200
    assert response.context["diff"].narrative_changed is False
    page = response.content.decode()
    assert "tillagt:" not in page and "borttaget:" not in page and "[ändrad]" not in page


def test_conflict_page_marks_the_other_editors_change_in_a_long_narrative(client, editor_lan, agenda):
    old = paragraphs(5)
    theirs = list(old)
    theirs[30] = theirs[30].replace(" ", " också ", 1)
    client.force_login(editor_lan)
    save_narrative(client, agenda, "\n\n".join(old))  # version 3: both start here
    save_narrative(client, agenda, "\n\n".join(theirs))  # version 4, saved in another tab

    response = client.post(
        reverse("agenda:narrative", args=[agenda.pk]),
        {"title": fresh(agenda).title, "narrative": "Min text.", "message": "m", "base_number": 3},
    )

    assert response.status_code == 409
    page = response.content.decode()
    assert added("också ") in page
    assert "borttaget:" not in page


# --- words_diff on its own -----------------------------------------------------------------------------------


def test_one_huge_paragraph_changed_in_many_places_is_marked_word_by_word():
    """No blank line to split at: a 60,000-character paragraph with every tenth word replaced."""
    old, length = [], -1
    for word in words(random.Random(6), 12_000):
        length += len(word) + 1
        if length > 60_000:
            break
        old.append(word)
    changed = range(5, len(old), 10)
    new = list(old)
    for i in changed:
        new[i] = f"nytt{i}"
    old_text, new_text = " ".join(old), " ".join(new)
    assert "\n" not in old_text and 59_000 < len(old_text) <= 60_000

    result = words_diff(old_text, new_text)

    gone, came = marks(result)
    assert gone == [old[i] for i in changed]
    assert came == [new[i] for i in changed]
    assert sides(result) == (old_text, new_text)


def test_thousands_of_one_word_lines_are_compared_line_by_line():
    """A list of one-word lines repeats its words, so no single word is unique: runs of lines are."""
    rng = random.Random(7)
    old = words(rng, 300)
    old = [rng.choice(old) for _ in range(8_000)]
    new = list(old)
    for i in range(3, len(new), 40):
        new[i] = f"ny{i}"
    for separator in ("\n", "\n\n"):
        result = words_diff(separator.join(old), separator.join(new))
        gone, came = marks(result)
        assert came == [f"ny{i}" for i in range(3, len(new), 40)]
        assert gone == [old[i] for i in range(3, len(new), 40)]
        assert sides(result) == (separator.join(old), separator.join(new))


def test_a_huge_changed_paragraph_with_nothing_in_common_is_replaced_whole():
    old = " ".join(words(random.Random(8), 6_000))
    new = " ".join(words(random.Random(9), 6_000, OTHER_SYLLABLES))
    assert words_diff(f"Samma början.\n\n{old}", f"Samma början.\n\n{new}") == (
        f"Samma början.\n\n{removed(old)}{added(new)}"
    )


def test_a_word_that_a_rewritten_paragraph_happens_to_keep_does_not_cut_it_in_pieces():
    old = " ".join([*words(random.Random(12), 150), "Stockholm", *words(random.Random(13), 150)])
    new = " ".join(
        [*words(random.Random(14), 150, OTHER_SYLLABLES), "Stockholm", *words(random.Random(15), 150)]
    )
    assert marks(words_diff(old, new)) == ([old], [new])


def test_a_long_stretch_without_any_unique_word_is_replaced_from_first_to_last_change():
    """Nothing to split "ja nej ja nej ..." at: the part between the first and the last change is marked
    as removed and added in one piece rather than searched for the fewest marks."""
    old = ["ja", "nej"] * 3_000
    new = list(old)
    new[100], new[5_000] = "kanske", "kanske"
    result = words_diff(" ".join(old), " ".join(new))
    assert result == (
        " ".join(old[:100])
        + " "
        + removed(" ".join(old[100:5_001]))
        + added(" ".join(new[100:5_001]))
        + " "
        + " ".join(old[5_001:])
    )


def test_once_the_work_limit_is_spent_the_rest_is_replaced_whole():
    """The limit holds for every text of a document together, and running out never gives a wrong diff."""
    old_paragraphs = [" ".join(words(random.Random(i), 200)) for i in range(4)]
    # A change at each end: what lies between has to be matched word by word (about 1,000 steps each).
    new_paragraphs = [f"Inledning {text} Slut." for text in old_paragraphs]
    with mock.patch.multiple(diff, WORK_LIMIT=2_000, DOCUMENT_WORK_LIMIT=2_000):
        alone = [words_diff(o, n) for o, n in zip(old_paragraphs, new_paragraphs)]
        together = document_diff(
            Document(title="A", narrative="\n\n".join(old_paragraphs)),
            Document(title="B", narrative="\n\n".join(new_paragraphs)),
        )
    # Each paragraph on its own can be compared within the limit...
    assert all(marks(result) == ([], ["Inledning ", " Slut."]) for result in alone)
    # ...but one document has one limit: the title and the first paragraph are marked word by word, the
    # later paragraphs replaced whole, and the text is still exactly the two versions.
    assert together.title_html == removed("A") + added("B")
    assert marks(together.narrative_html) == (
        old_paragraphs[1:],
        ["Inledning ", " Slut.", *new_paragraphs[1:]],
    )
    assert sides(together.narrative_html) == ("\n\n".join(old_paragraphs), "\n\n".join(new_paragraphs))


def test_a_point_of_two_repeating_words_is_still_marked_word_by_word():
    """Too long for difflib at once and nothing unique to split at, not even a pair of words: short enough
    for difflib after all."""
    rng = random.Random(11)
    old = [rng.choice(["ja", "nej"]) for _ in range(40)]
    new = ["Ny", *old[:20], "kanske", *old[20:], "slut"]
    result = words_diff(" ".join(old), " ".join(new))
    gone, came = marks(result)
    assert gone == [] and "".join(came).split() == ["Ny", "kanske", "slut"]
    assert sides(result) == (" ".join(old), " ".join(new))


def test_line_endings_are_not_changes():
    long = "\n\n".join(paragraphs(10, length=30_000)) + "\nrad ett\nrad två"
    for text in ("Kort text.\nAndra raden.", long):
        assert words_diff(text, text.replace("\n", "\r\n")) == html.escape(text)
        assert words_diff(text.replace("\n", "\r\n"), text) == html.escape(text)
    before = Document(title="Titel", narrative=long)
    after = Document(title="Titel", narrative=long.replace("\n", "\r\n"))
    assert document_diff(before, after).narrative_changed is False


def test_short_texts_are_marked_as_before():
    assert words_diff("Läxhjälp på alla skolor", "Läxhjälp på alla grundskolor varje dag") == (
        "Läxhjälp på alla " + removed("skolor") + added("grundskolor varje dag")
    )
    assert words_diff("<b>&", "<b>& mer") == "&lt;b&gt;&amp;" + added(" mer")
    assert words_diff("", "Ny") == added("Ny") and words_diff("Gammal", "") == removed("Gammal")


TEXTS = st.lists(
    st.sampled_from(["ja", "nej", "kanske", " ", "  ", "\n", "\n\n", "\r\n", "<&>"]), max_size=60
)


@settings(max_examples=300, deadline=None)
@given(old=TEXTS.map("".join), new=TEXTS.map("".join), limit=st.sampled_from([0, 1, 4, 2_500]))
def test_the_marked_text_is_always_exactly_both_versions(old, new, limit):
    """Whichever way a stretch is compared (difflib, split at unique runs, replaced whole), leaving out the
    added text gives the old version and leaving out the removed text gives the new one."""
    with mock.patch.object(diff, "STRETCH_LIMIT", limit):
        result = words_diff(old, new)
    assert sides(result) == (old.replace("\r\n", "\n"), new.replace("\r\n", "\n"))
