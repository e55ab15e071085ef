"""Searches that forgive: typos, half-typed words, synonyms, everyday phrasing, unknown compounds, and marks
that show why an idea was found. Driven through the results page as a member types."""

import pytest
from django.urls import reverse

from proposals.models import SearchWord, SynonymSet
from proposals.search import bank_lexicon
from tests.parallel import parallel

NEUTRAL = {"summary": "Kort.", "problem": "Inget.", "body": "Text.", "tags": []}

PERSONA = {"member": "member", "editor": "editor_lan", "admin": "admin_user"}
ROLES = ["anonymous", "member", "editor", "admin"]


@pytest.fixture(autouse=True)
def fresh_vocabulary(monkeypatch):
    """The server process's vocabulary must not remember ideas that other tests rolled back, and must read
    the words of an idea saved a moment ago (in service, a second later at most)."""
    bank_lexicon.reset()
    monkeypatch.setattr(bank_lexicon, "refresh_seconds", 0)


def page(client, q, **params):
    return client.get(reverse("proposals:list"), {"q": q, **params})


def titles(response):
    return [p.title for p in response.context["page"]]


# Typos ---------------------------------------------------------------------------------------------------


def test_a_typo_is_corrected_to_the_banks_own_word_and_the_typed_word_is_offered(
    client, member, make_proposal
):
    make_proposal(member, title="Fler lekplatser med skugga", **NEUTRAL)
    response = page(client, "lekplatsr")
    assert titles(response) == ["Fler lekplatser med skugga"]
    html = response.content.decode()
    assert "Visar träffar för <strong>lekplats" in html  # the closest: lekplats or lekplatser
    assert "exakt=1" in html and "Sök i stället på lekplatsr" in html
    # The typed word, as typed: nothing has it.
    assert titles(page(client, "lekplatsr", exakt="1")) == []


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("gymnaiset", "Gratis busskort för gymnasiet"),  # two letters swapped: one edit
        ("ungdomsgårdr", "Ungdomsgårdarna ska ha öppet i sommar"),  # compound, one letter missing
        ("snöröjnig", "Snöröjning av gångvägar först"),
        ("sommarjobbb", "Sommarjobb till alla ungdomar"),  # 11 letters: one extra letter
        ("ungdomsgrdarn", "Ungdomsgårdarna ska ha öppet i sommar"),  # long: up to two edits
    ],
)
def test_typos_in_words_and_compounds_are_corrected(client, member, make_proposal, typed, title):
    for text in [
        "Gratis busskort för gymnasiet",
        "Ungdomsgårdarna ska ha öppet i sommar",
        "Snöröjning av gångvägar först",
        "Sommarjobb till alla ungdomar",
    ]:
        make_proposal(member, title=text, **NEUTRAL)
    assert titles(page(client, typed)) == [title]


def test_short_words_and_far_typos_are_not_corrected(client, member, make_proposal):
    make_proposal(member, title="Bättre bad för barn", **NEUTRAL)
    assert titles(page(client, "bda")) == []  # three letters: too short to guess
    assert titles(page(client, "bibliotek")) == []  # no word of the bank is one edit away


def test_a_word_that_is_in_the_bank_is_never_corrected(client, member, make_proposal):
    make_proposal(member, title="Fler skolor", **NEUTRAL)
    response = page(client, "skolr")
    assert titles(response) == ["Fler skolor"]
    make_proposal(member, title="Skolr är ett ord här", **NEUTRAL)
    response = page(client, "skolr")
    assert titles(response) == ["Skolr är ett ord här"]
    assert "Visar träffar för" not in response.content.decode()


# Half-typed words ----------------------------------------------------------------------------------------


def test_the_half_typed_last_word_finds_what_the_suggestions_offer(client, member, make_proposal):
    make_proposal(member, title="Fler lekplatser med skugga", **NEUTRAL)
    make_proposal(member, title="Gratis busskort för gymnasieelever", **NEUTRAL)
    suggested = client.get(reverse("proposals:suggest"), {"q": "lekpl"}).json()["suggestions"]
    assert [s["title"] for s in suggested] == ["Fler lekplatser med skugga"]
    assert titles(page(client, "lekpl")) == ["Fler lekplatser med skugga"]
    assert titles(page(client, "gratis gymnas")) == ["Gratis busskort för gymnasieelever"]


def test_a_complete_word_is_not_taken_as_a_prefix(client, member, make_proposal):
    make_proposal(member, title="En ny hall", **NEUTRAL)
    make_proposal(member, title="Hallonodling i parken", **NEUTRAL)
    assert titles(page(client, "hall")) == ["En ny hall"]


# Synonyms ------------------------------------------------------------------------------------------------


def test_starter_synonyms_find_abbreviations_and_everyday_words(client, member, make_proposal):
    assert SynonymSet.objects.count() >= 100
    make_proposal(member, title="Fler barnavårdscentraler i Botkyrka", **NEUTRAL)
    make_proposal(member, title="Längre öppettider på fritidshemmet", **NEUTRAL)
    assert titles(page(client, "bvc")) == ["Fler barnavårdscentraler i Botkyrka"]
    assert titles(page(client, "fritids")) == ["Längre öppettider på fritidshemmet"]


def test_a_word_ranks_above_its_synonym(client, member, make_proposal):
    make_proposal(member, title="Fritidsgårdar öppna på fredagar", **NEUTRAL)
    make_proposal(member, title="Ungdomsgårdar öppna på lördagar", **NEUTRAL)
    assert titles(page(client, "ungdomsgård")) == [
        "Ungdomsgårdar öppna på lördagar",
        "Fritidsgårdar öppna på fredagar",
    ]
    assert titles(page(client, "fritidsgård")) == [
        "Fritidsgårdar öppna på fredagar",
        "Ungdomsgårdar öppna på lördagar",
    ]


def test_a_one_way_synonym_finds_only_in_its_direction(client, member, make_proposal):
    make_proposal(member, title="Snöröjning av gångvägar först", **NEUTRAL)
    make_proposal(member, title="Snöskottning på skolgården", **NEUTRAL)
    assert sorted(titles(page(client, "snöskottning"))) == [
        "Snöröjning av gångvägar först",
        "Snöskottning på skolgården",
    ]
    assert titles(page(client, "snöröjning")) == ["Snöröjning av gångvägar först"]


def test_a_synonym_set_saved_in_the_admin_counts_from_the_next_search(
    admin_client, client, member, make_proposal
):
    make_proposal(member, title="Gungor och rutschkanor i parken", **NEUTRAL)
    assert titles(page(client, "lekredskap")) == []
    response = admin_client.post(
        reverse("admin:proposals_synonymset_add"), {"terms": " Lekredskap ,gungor", "note": "Parker"}
    )
    assert response.status_code == 302
    assert SynonymSet.objects.get(note="Parker").terms == ["lekredskap", "gungor"]
    assert titles(page(client, "lekredskap")) == ["Gungor och rutschkanor i parken"]


def test_a_synonym_set_needs_two_terms(admin_client):
    before = SynonymSet.objects.count()
    response = admin_client.post(reverse("admin:proposals_synonymset_add"), {"terms": "gungor, Gungor"})
    assert response.status_code == 200
    assert "Skriv minst två ord" in response.content.decode()
    assert SynonymSet.objects.count() == before


@pytest.mark.parametrize(
    ("role", "expected"), list({"anonymous": 302, "member": 302, "editor": 200, "admin": 200}.items())
)
def test_editors_and_admins_keep_the_synonym_sets(act_as, client, role, expected):
    act_as(role)
    before = SynonymSet.objects.count()
    listing = client.get(reverse("admin:proposals_synonymset_changelist"))
    added = client.post(reverse("admin:proposals_synonymset_add"), {"terms": "gunga,gungbräda"})
    assert listing.status_code == expected
    assert added.status_code == 302
    assert SynonymSet.objects.count() == before + (1 if role in {"editor", "admin"} else 0)


def test_a_synonym_set_saved_twice_is_one_set(admin_client):
    """A double-click on Save (or two editors at once): the second is refused with a message, not a second set
    and not an error page."""
    data = {"terms": "gunga, gungbräda", "note": "Lekplatser"}
    first = admin_client.post(reverse("admin:proposals_synonymset_add"), data)
    again = admin_client.post(
        reverse("admin:proposals_synonymset_add"), {**data, "terms": "Gunga ,gungbräda"}
    )
    assert first.status_code == 302
    assert again.status_code == 200
    assert "De här synonymerna finns redan." in again.content.decode()
    assert SynonymSet.objects.filter(terms=["gunga", "gungbräda"]).count() == 1


def test_an_editor_in_the_admin_sees_the_synonyms_and_nothing_else(act_as, client):
    editor = act_as("editor")
    assert not editor.is_staff
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    assert reverse("admin:proposals_synonymset_changelist") in index.text
    assert reverse("admin:members_user_changelist") not in index.text
    assert reverse("admin:proposals_proposal_changelist") not in index.text
    assert client.get(reverse("admin:members_user_changelist")).status_code == 403
    assert client.get(reverse("admin:places_place_changelist")).status_code == 403


# Everyday phrasing ---------------------------------------------------------------------------------------


def test_ideas_with_every_word_rank_above_those_lacking_one(client, member, make_proposal):
    make_proposal(member, title="Mer pengar till skolan", **NEUTRAL)
    make_proposal(
        member,
        title="Anställ fler ungdomsledare",
        summary="Fritidsgårdarna behöver pengar.",
        **{k: v for k, v in NEUTRAL.items() if k != "summary"},
    )
    make_proposal(member, title="Mer pengar till fritidsgårdarna", **NEUTRAL)
    response = page(client, "mer pengar till fritidsgårdar")
    assert titles(response)[0] == "Mer pengar till fritidsgårdarna"
    assert sorted(titles(response)[1:]) == ["Anställ fler ungdomsledare", "Mer pengar till skolan"]
    assert response.context["hits"].complete == 1


def test_a_municipality_named_in_the_search_counts_for_the_ideas_places(
    client, member, make_proposal, place, stockholm
):
    make_proposal(member, title="Fler lekplatser med skugga", places=[stockholm], **NEUTRAL)
    make_proposal(member, title="Nya lekplatser vid skolorna", places=[place], **NEUTRAL)  # Nacka
    assert titles(page(client, "lekplatser i nacka"))[0] == "Nya lekplatser vid skolorna"
    assert titles(page(client, "nacka lekplatser"))[0] == "Nya lekplatser vid skolorna"


def test_a_hyphenated_word_is_found_written_as_one_and_two_typed_words_as_one(client, member, make_proposal):
    make_proposal(member, title="E-hälsa för äldre", **NEUTRAL)
    make_proposal(member, title="Bygg ut tunnelbanan", **NEUTRAL)
    assert titles(page(client, "ehälsa")) == ["E-hälsa för äldre"]
    assert titles(page(client, "e-hälsa")) == ["E-hälsa för äldre"]
    assert titles(page(client, "tunnel bana")) == ["Bygg ut tunnelbanan"]


# Unknown compounds ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "title"),
    [
        ("pendelbåtarna", "Fler pendelbåtar till Värmdö"),
        ("klimatväxlingen", "Inför klimatväxling för tjänsteresor"),
        ("vinterväghållningen", "Väghållningen på vintern"),
    ],
)
def test_an_unknown_compound_is_split_and_lemmatised_through_its_parts(
    client, member, make_proposal, q, title
):
    for text in [
        "Fler pendelbåtar till Värmdö",
        "Inför klimatväxling för tjänsteresor",
        "Väghållningen på vintern",
    ]:
        make_proposal(member, title=text, **NEUTRAL)
    assert titles(page(client, q)) == [title]


# Marks and snippets --------------------------------------------------------------------------------------


def test_titles_and_every_matched_form_are_marked(client, member, make_proposal):
    make_proposal(
        member,
        title="Säkra cykelparkeringar vid stationerna",
        summary="Cyklar blir stulna. Låsbara cykelgarage behövs.",
        problem="Inget.",
        body="Text.",
        tags=[],
    )
    html = page(client, "cyklar").content.decode()
    assert "Säkra <mark>cykelparkeringar</mark> vid stationerna" in html
    assert "<mark>Cyklar</mark> blir stulna" in html
    assert "Låsbara <mark>cykelgarage</mark> behövs" in html
    # A synonym or a correction is marked too: it is why the idea was found.
    html = page(client, "cykelparkeringr").content.decode()
    assert "Säkra <mark>cykelparkeringar</mark>" in html


def test_a_snippet_never_repeats_a_sentence(client, member, make_proposal):
    make_proposal(
        member,
        title="Läxhjälp",
        summary="Alla elever ska få läxhjälp efter skolan.",
        problem="Inget.",
        body="Alla elever ska få läxhjälp efter skolan. Lärarstudenter leder den.",
        tags=[],
    )
    response = page(client, "elever")
    headline = response.context["page"][0].headline
    assert headline.count("ska få läxhjälp") == 1
    assert "Lärarstudenter" in headline


# The vocabulary ------------------------------------------------------------------------------------------


def test_saving_an_idea_adds_its_words_to_the_vocabulary(member, make_proposal):
    make_proposal(member, title="Billiga bostäder åt unga", **NEUTRAL)
    words = dict(SearchWord.objects.filter(word__startswith="bost").values_list("word", "written"))
    assert words["bostäder"] is True  # as written
    assert words["bostad"] is True  # its base form: a typo may be corrected to it too
    assert words["bost"] is False  # a stem: known to the index, never offered as a correction
    assert SearchWord.objects.get(word="bostader").written is False  # folded, likewise


@pytest.mark.django_db(transaction=True)
def test_ideas_saved_at_once_with_the_same_new_words_all_land(client, member, make_proposal):
    results = parallel(
        [
            lambda i=i: make_proposal(member, title=f"Kvarterslekplatser nummer {i}", **NEUTRAL)
            for i in range(6)
        ]
    )
    assert not [r for r in results if isinstance(r, BaseException)]
    assert SearchWord.objects.filter(word="kvarterslekplatser", written=True).count() == 1
    assert len(titles(page(client, "kvarterslekplatsr"))) == 6
