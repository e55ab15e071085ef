"""Property-based: whatever arrives in a list's query string or a posted form, the answer is never a server error,
and a refused write leaves every row as it was.

Each example starts from valid values for every field and replaces some of them with anything: text of any
character but surrogates (control characters included), very long text, numbers far outside any column's range,
unknown choices, or leaves the field out. So both the refusals and the writes behind a valid form are exercised.
"""

import hypothesis
import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import strategies as st
from taggit.models import Tag, TaggedItem

from agenda import services as agenda_services
from agenda.document import document_load
from agenda.models import AgendaVersion
from members.models import User
from places.models import District, Place
from proposals.models import Comment, PolicyArea, Proposal, ProposalRevision, Support
from proposals.services import comment_create
from tests.agenda.helpers import agenda_data, fresh

fuzz = hypothesis.settings(
    max_examples=40,
    deadline=None,
    database=None,  # nothing written into the work tree
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

any_text = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60)
# Without control characters, which the middleware turns away: this gets into the forms and queries.
typed_text = st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=60)
long_text = st.builds(
    lambda text, times: text * times, st.text(min_size=1, max_size=4), st.integers(100, 3000)
)
numbers = st.one_of(
    st.integers(-(10**30), 10**30),
    st.sampled_from([0, -1, 2**31, 2**63, -(2**63) - 1, 10**100]),
).map(str)
digits = st.integers(1, 6000).map(lambda n: "9" * n)  # past Python's 4300-digit limit for int()
# Text with a control character in it for sure (NUL, C0, DEL, C1, and the tab and line breaks that may pass).
controls = st.text(
    alphabet=st.sampled_from("\x00\x01\x08\x0b\x1b\x1f\x7f\x85\x9f\t\n\r"), min_size=1, max_size=3
)
with_control = st.builds(
    lambda before, control, after: before + control + after, typed_text, controls, typed_text
)
junk = st.one_of(
    any_text,
    typed_text,
    with_control,
    long_text,
    numbers,
    digits,
    st.sampled_from(["", " ", "on", "null", "[]"]),
)
submission_keys = st.one_of(st.just(""), st.uuids().map(str))
LEFT_OUT = object()
HEAD = "<the agenda's head version>"


def form_data(valid: dict, *, many=()) -> st.SearchStrategy:
    """A dict of every field with one of its valid values (a list of them: sampled), then some fields replaced by
    junk or left out. Fields named in `many` take a list of values (several checkboxes)."""

    def pick(name, values):
        strategy = st.sampled_from(values) if isinstance(values, list) else values
        return strategy.map(lambda v: [v]) if name in many else strategy

    def spoil(name):
        bad = st.lists(junk, max_size=3) if name in many else junk
        return st.one_of(bad, st.just(LEFT_OUT))

    names = sorted(valid)
    valid_data = st.fixed_dictionaries({name: pick(name, valid[name]) for name in names})
    spoiled = st.sets(st.sampled_from(names), max_size=len(names)).flatmap(
        lambda chosen: st.fixed_dictionaries({name: spoil(name) for name in sorted(chosen)})
    )
    return st.builds(
        lambda data, changes: {k: v for k, v in {**data, **changes}.items() if v is not LEFT_OUT},
        valid_data,
        spoiled,
    )


NUL = "läx\x00hjälp"


def fuzz_form(valid: dict, *, many=()):
    """Run the decorated check on examples from form_data(valid, many=many), one of them always with a NUL in
    every field (PostgreSQL refuses NUL in text: the bug this file was written for)."""

    def decorate(check):
        nul_everywhere = {name: [NUL] if name in many else NUL for name in valid}
        return fuzz(hypothesis.example(nul_everywhere)(given(form_data(valid, many=many))(check)))

    return decorate


def assert_no_server_error(response):
    hypothesis.event("status", response.status_code)  # see --hypothesis-show-statistics
    assert response.status_code < 500, response.status_code


def row_counts() -> dict:
    models = [
        Proposal,
        ProposalRevision,
        Tag,
        TaggedItem,
        Comment,
        Support,
        User,
        EmailAddress,
        AgendaVersion,
    ]
    return {model.__name__: model.objects.count() for model in models}


def check_post(client, url, data):
    """Post the form; no server error, and unless it redirects (the sign of a saved form), nothing written."""
    before = row_counts()
    response = client.post(url, data)
    assert_no_server_error(response)
    if response.status_code != 302:
        assert row_counts() == before
    return response


@pytest.fixture
def choices(db, proposal):
    return {
        "place": list(Place.objects.values_list("code", flat=True)[:5]),
        "place_pk": [str(pk) for pk in Place.objects.values_list("pk", flat=True)[:5]],
        "district": list(District.objects.values_list("code", flat=True)),
        "area": list(PolicyArea.objects.values_list("slug", flat=True)),
        "area_pk": [str(pk) for pk in PolicyArea.objects.values_list("pk", flat=True)],
        "tag": list(Tag.objects.values_list("slug", flat=True)),
        "status": list(Proposal.Status.values),
        "sort": ["", "newest", "supported", "commented", "active"],
        "author": [str(proposal.author_id)],
    }


@pytest.fixture
def agenda(editor_lan):
    """A county-district draft with one reform direction (added as the editor would, through the form)."""
    agenda = agenda_services.agenda_create(
        title="Reformagenda för länet", district=District.objects.get(code="lan"), editor=editor_lan
    )
    editor = Client()
    editor.force_login(editor_lan)
    response = editor.post(
        reverse("agenda:section_add", args=[agenda.pk]),
        {
            "title": "Jämlik skola",
            "intro": "Alla barn ska lyckas.",
            "message": "Första riktningen",
            "base_number": 1,
        },
    )
    assert response.status_code == 302
    return fresh(agenda)


def head_document(agenda):
    agenda = fresh(agenda)
    return document_load(agenda.versions.get(number=agenda.head_number))


# Lists and searches.


def test_idea_list_never_fails(client, choices):
    @fuzz_form(
        {
            "q": ["", "läxhjälp", "skola OR fritids", '"gratis läxhjälp"', "-skola", "läx*"],
            "place": ["", *choices["place"]],
            "district": ["", *choices["district"]],
            "area": ["", *choices["area"]],
            "tag": ["", *choices["tag"]],
            "status": ["", *choices["status"]],
            "supported": ["", "on"],
            "author": ["", *choices["author"]],
            "sort": choices["sort"],
            "page": ["1", "2", "last"],
        }
    )
    def check(params):
        assert_no_server_error(client.get(reverse("proposals:list"), params))

    check()


@pytest.mark.parametrize("name", ["proposals:suggest", "proposals:tag_autocomplete"])
def test_suggestions_never_fail(client, proposal, name):
    @fuzz_form({"q": ["lä", "läxhj", "gratis läx"]})
    def check(params):
        response = client.get(reverse(name), params)
        assert_no_server_error(response)
        if response.status_code == 200:
            response.json()

    check()


def test_agenda_compare_never_fails(client, editor_lan, agenda):
    client.force_login(editor_lan)

    @fuzz_form({"fran": ["1", "2"], "till": ["1", "2"]})
    def check(params):
        assert_no_server_error(client.get(reverse("agenda:compare", args=[agenda.pk]), params))

    check()


# Forms: a refused post writes nothing.


def test_submit_form_never_fails(client, member, choices):
    client.force_login(member)

    @fuzz_form(
        {
            "title": ["Fler cykelbanor"],
            "summary": ["Säkra cykelvägar."],
            "problem": ["Barn cyklar otryggt."],
            "body": ["Bygg cykelbanor."],
            "places": choices["place_pk"],
            "policy_area": choices["area_pk"],
            "tags": ["", "cykel", "cykel, skola x", "ｓｋｏｌａ", "skola-x"],
            "submission_key": submission_keys,
        },
        many={"places"},
    )
    def check(data):
        before = Proposal.objects.count()
        response = check_post(client, reverse("proposals:create"), data)
        if response.status_code == 302:
            assert Proposal.objects.count() in {before, before + 1}  # a key sent again makes no new row

    check()


def test_comment_form_never_fails(client, other_member, proposal):
    client.force_login(other_member)
    parent = comment_create(proposal=proposal, author=other_member, body="Bra idé!")

    @fuzz_form({"body": ["Håller med."], "parent": ["", str(parent.pk)], "submission_key": submission_keys})
    def check(data):
        check_post(client, reverse("proposals:comment_create", args=[proposal.pk]), data)

    check()


def test_support_never_fails(client, other_member, proposal):
    client.force_login(other_member)

    @fuzz_form({"action": ["withdraw", "support"]})
    def check(data):
        # Supporting and withdrawing both answer with a redirect: here the count is what can go wrong.
        check_post(client, reverse("proposals:support", args=[proposal.pk]), data)
        assert Support.objects.filter(proposal=proposal).count() <= 1

    check()


def test_profile_form_never_fails(client, member, choices):
    client.force_login(member)

    @fuzz_form({"display_name": ["Maria Medlem", "Maja"], "home_place": ["", *choices["place_pk"]]})
    def check(data):
        before = User.objects.values_list("display_name", "home_place").get(pk=member.pk)
        response = check_post(client, reverse("members:profile"), data)
        if response.status_code != 302:
            assert User.objects.values_list("display_name", "home_place").get(pk=member.pk) == before

    check()


def test_signup_form_never_fails(db, choices, settings):
    settings.ACCOUNT_RATE_LIMITS = False  # forty sign-ups a minute from one address would be limited
    client = Client()
    password = "ett-bra-lösenord-2026"

    @fuzz_form(
        {
            "email": st.from_regex(r"[a-z]{1,12}@example\.se", fullmatch=True),
            "display_name": ["Nina Ny"],
            "home_place": ["", *choices["place_pk"]],
            "password1": [password],
            "password2": [password],
        }
    )
    def check(data):
        client.cookies.clear()
        check_post(client, reverse("account_signup"), data)

    check()


@pytest.mark.parametrize("form", ["narrative", "point"])
def test_agenda_text_forms_never_fail(client, editor_lan, agenda, form):
    client.force_login(editor_lan)
    versioned = {"message": ["Ändrade agendan"], "base_number": [HEAD, HEAD, "1"]}
    if form == "narrative":
        url = reverse("agenda:narrative", args=[agenda.pk])
        fields = {"title": ["Reformagenda"], "narrative": ["", "Berättelsen."], **versioned}
    else:
        url = reverse("agenda:point_add", args=[agenda.pk])
        section_key = str(head_document(agenda).sections[0].key)
        fields = {"section": [section_key], "text": ["En ny reformpunkt."], **versioned}

    @fuzz_form(fields)
    def check(data):
        head = str(fresh(agenda).head_number)
        data = {name: head if value == HEAD else value for name, value in data.items()}
        before = agenda_data()
        response = check_post(client, url, data)
        if response.status_code != 302:
            assert agenda_data() == before

    check()


def test_feed_of_ideas_never_fails(client, choices):
    @fuzz_form(
        {
            "q": ["", "läxhjälp", "och"],
            "place": ["", *choices["place"]],
            "area": ["", *choices["area"]],
            "status": ["", *choices["status"]],
            "page": ["1", "2"],
        }
    )
    def check(params):
        assert_no_server_error(client.get(reverse("proposals:feed"), params))

    check()


def test_marking_notifications_read_never_fails(client, member):
    from members.models import Notification
    from members.services import notification_create

    mine = notification_create(user=member, kind="legacy", params={"text": "Något hände."})
    client.force_login(member)

    @fuzz_form({"notifications": [str(mine.pk)], "page": ["1", "2"]}, many={"notifications"})
    def check(data):
        response = client.post(reverse("members:notifications_read"), data)
        assert_no_server_error(response)
        assert Notification.objects.count() == 1

    check()


def test_hiding_a_comment_never_fails(client, editor_lan, other_member, proposal):
    client.force_login(editor_lan)

    @fuzz_form({"reason": ["Personangrepp"]})
    def check(data):
        comment = comment_create(proposal=proposal, author=other_member, body="Hårda ord.")
        before = Proposal.objects.values_list("comment_count", flat=True).get(pk=proposal.pk)
        response = client.post(reverse("proposals:comment_hide", args=[comment.pk]), data)
        assert_no_server_error(response)
        comment.refresh_from_db()
        after = Proposal.objects.values_list("comment_count", flat=True).get(pk=proposal.pk)
        assert after == before - (1 if comment.is_hidden else 0)

    check()


def test_promote_and_process_forms_never_fail(client, editor_lan, proposal, agenda):
    from proposals.services import proposal_status_change

    proposal_status_change(proposal=proposal, editor=editor_lan, status="selected")
    client.force_login(editor_lan)
    target = f"{agenda.pk}:{head_document(agenda).sections[0].key}"
    lan = str(District.objects.get(code="lan").pk)

    @fuzz_form({"target": [target], "text": ["", "Läxhjälp överallt."], "next": ["", "/ideer/"]})
    def promote(data):
        before = agenda_data()
        response = client.post(reverse("agenda:promote", args=[proposal.pk]), data)
        assert_no_server_error(response)
        if response.status_code != 302:
            assert agenda_data() == before

    @fuzz_form({"district": [lan], "ends_on": ["2099-01-01"]})
    def process(data):
        for name in ("agenda:approve", "agenda:consultation_start"):
            assert_no_server_error(client.post(reverse(name, args=[agenda.pk]), data))

    promote()
    process()
