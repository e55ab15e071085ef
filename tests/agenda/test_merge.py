"""The three-way merge of agenda texts (agenda/merge.py), on its own: no database."""

from hypothesis import given
from hypothesis import strategies as st

from agenda.merge import Conflict, join, merge_fields, merge_text, paragraphs

BASE = "Första stycket.\n\nAndra stycket.\n\nTredje stycket."


def test_paragraphs_are_separated_by_blank_lines_and_line_endings_are_normalised():
    assert paragraphs("Ett\r\noch en rad till.\r\n\r\nTvå\n  \n\nTre\n") == [
        "Ett\noch en rad till.",
        "Två",
        "Tre",
    ]
    assert paragraphs("") == [] and paragraphs("\n\n") == []


def test_one_side_changed_the_first_paragraph_the_other_added_a_last_one():
    theirs = BASE.replace("Första stycket.", "Första stycket, skärpt.")
    mine = BASE + "\n\nFjärde stycket."
    merged = merge_text(BASE, theirs, mine)
    assert merged.clean
    assert merged.text == "Första stycket, skärpt.\n\nAndra stycket.\n\nTredje stycket.\n\nFjärde stycket."


def test_changes_to_neighbouring_paragraphs_merge():
    theirs = BASE.replace("Första", "Det första")
    mine = BASE.replace("Andra", "Det andra")
    merged = merge_text(BASE, theirs, mine)
    assert merged.clean
    assert paragraphs(merged.text) == ["Det första stycket.", "Det andra stycket.", "Tredje stycket."]


def test_the_same_paragraph_changed_on_both_sides_is_a_conflict_of_that_paragraph_only():
    theirs = BASE.replace("Andra stycket.", "Andra stycket, deras.").replace("Första", "Allra första")
    mine = BASE.replace("Andra stycket.", "Andra stycket, mitt.") + "\n\nMitt sista."
    merged = merge_text(BASE, theirs, mine)
    assert merged.conflicts == [
        Conflict(base="Andra stycket.", theirs="Andra stycket, deras.", mine="Andra stycket, mitt.")
    ]
    # The form is prefilled with everything combined, the editor's own text in the conflict.
    assert paragraphs(merged.text) == [
        "Allra första stycket.",
        "Andra stycket, mitt.",
        "Tredje stycket.",
        "Mitt sista.",
    ]


def test_both_adding_at_the_same_place_is_a_conflict():
    merged = merge_text("", "Länet först: bostäder.", "Staden först: skolan.")
    assert merged.conflicts == [
        Conflict(base="", theirs="Länet först: bostäder.", mine="Staden först: skolan.")
    ]
    assert merged.text == "Staden först: skolan."


def test_the_same_change_on_both_sides_is_no_conflict():
    theirs = mine = BASE.replace("Tredje", "Sista")
    assert merge_text(BASE, theirs, mine + "\r\n").clean
    both = merge_text(BASE, BASE.replace("Första", "1") + "\n\nNy", BASE.replace("Första", "1"))
    assert both.clean and paragraphs(both.text)[0] == "1 stycket."


def test_one_removed_a_paragraph_the_other_changed_another():
    theirs = "Första stycket.\n\nTredje stycket."
    mine = BASE.replace("Tredje", "Sista")
    merged = merge_text(BASE, theirs, mine)
    assert merged.clean and merged.text == "Första stycket.\n\nSista stycket."


def test_one_removed_the_paragraph_the_other_changed_is_a_conflict():
    merged = merge_text(BASE, "Första stycket.\n\nTredje stycket.", BASE.replace("Andra", "Ändrade"))
    assert merged.conflicts == [Conflict(base="Andra stycket.", theirs="", mine="Ändrade stycket.")]


def test_line_endings_alone_are_no_change():
    merged = merge_text(BASE, BASE.replace("Första", "Nya"), BASE.replace("\n", "\r\n"))
    assert merged.clean and merged.text == BASE.replace("Första", "Nya")


def test_fields_the_base_lacks_are_the_editors_own():
    merges = merge_fields(
        {"title": "Skola"}, {"title": "Skolan"}, {"title": "Skola", "intro": "Ny inledning"}
    )
    assert merges["title"].text == "Skolan" and merges["intro"].text == "Ny inledning"


# Properties. Paragraphs are distinct words, so that each change is found where it was made.

paragraph_lists = st.lists(
    st.text(alphabet="abcdefghij åäö.,", min_size=1, max_size=12).map(str.strip).filter(bool),
    min_size=0,
    max_size=12,
    unique=True,
)
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200)


@given(base=texts, changed=texts)
def test_merging_a_change_with_an_unchanged_base_gives_the_change(base, changed):
    assert merge_text(base, changed, base).text == changed.replace("\r\n", "\n").replace("\r", "\n")
    assert merge_text(base, base, changed).text == changed.replace("\r\n", "\n").replace("\r", "\n")


@given(base=paragraph_lists, data=st.data())
def test_edits_that_do_not_overlap_both_survive(base, data):
    indices = list(range(len(base)))
    theirs_changed = set(data.draw(st.lists(st.sampled_from(indices), unique=True)) if indices else [])
    mine_changed = set(
        data.draw(st.lists(st.sampled_from([i for i in indices if i not in theirs_changed]), unique=True))
        if len(theirs_changed) < len(indices)
        else []
    )
    my_addition = data.draw(st.booleans())
    theirs = [f"deras {i}" if i in theirs_changed else p for i, p in enumerate(base)]
    mine = [f"min {i}" if i in mine_changed else p for i, p in enumerate(base)]
    if my_addition:
        mine.append("mitt nya sista stycke")
    merged = merge_text(join(base), join(theirs), join(mine))
    assert merged.clean
    expected = [
        f"deras {i}" if i in theirs_changed else f"min {i}" if i in mine_changed else p
        for i, p in enumerate(base)
    ] + (["mitt nya sista stycke"] if my_addition else [])
    assert paragraphs(merged.text) == expected


def test_long_runs_of_repeated_paragraphs_merge():
    """60,000 characters of two alternating paragraphs, rewritten on both sides (how long it takes is measured
    in `make bench`, bench/agenda_bench.py)."""
    base = join(["a", "b"] * 15_000)
    theirs, mine = join(["b", "a"] * 15_000), join(["a", "c"] * 15_000)
    merged = merge_text(base, theirs, mine)
    assert merged.conflicts  # both rewrote the same paragraphs
    assert merge_text(base, base.replace("a", "x", 1), base + "\n\nsist").text == join(
        ["x", "b"] + ["a", "b"] * 14_999 + ["sist"]
    )
