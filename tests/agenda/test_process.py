"""The agenda's process, driven through HTTP: draft → consultation (amendments) → board proposal → adopted →
a new draft. A joint agenda needs both boards' approval of the current version before it can be proposed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from agenda import services
from agenda.models import Adoption, Agenda, AgendaVersion, Amendment, BoardApproval, Transition
from members.models import Notification
from places.models import District

from .conftest import head
from .helpers import add_points, agenda_data, approve_all, fresh, in_two_weeks, process_url, to_consultation


@pytest.fixture
def draft(agenda, editor_lan, section_key):
    """The county district's draft: "Jämlik skola" with two points (version 4)."""
    return add_points(agenda, editor_lan, section_key, "Läxhjälp på alla skolor", "Fler speciallärare")


def process(client, agenda, action, data=None):
    return client.post(process_url(agenda, action), data or {}, follow=True)


def adoption_data(body, minutes="Kongressprotokoll 2026-03-14, § 14"):
    return {"body": body, "decided_on": "2026-03-14", "minutes_reference": minutes}


# --- A district agenda, start to end -------------------------------------------------------------------


def test_district_agenda_from_draft_to_adoption_and_a_new_draft(client, editor_lan, draft):
    client.force_login(editor_lan)
    ends_on = in_two_weeks()

    response = process(client, draft, "remiss", {"ends_on": ends_on.isoformat()})
    assert "Agendans läge: På remiss." in response.content.decode()
    agenda = fresh(draft)
    assert (agenda.state, agenda.consultation_ends_on) == ("consultation", ends_on)
    assert "Agendan är på remiss till och med" in client.get(agenda.get_absolute_url()).content.decode()

    # Editing goes on during the consultation.
    point = next(head(agenda).points())
    client.post(
        reverse("agenda:point_edit", args=[agenda.pk, point.key]),
        {"text": "Läxhjälp varje dag", "message": "Efter remissen", "base_number": 4},
    )
    assert fresh(agenda).head_number == 5

    process(client, agenda, "forslag")
    assert fresh(agenda).state == "board_proposal"
    # The proposal is frozen: no edits until it is withdrawn or adopted and a new draft started.
    response = client.post(
        reverse("agenda:narrative", args=[agenda.pk]),
        {"title": "X", "narrative": "", "message": "m", "base_number": 5},
    )
    assert response.status_code == 409
    assert "Agendan kan inte ändras i det här läget." in response.content.decode()

    response = process(client, agenda, "anta", adoption_data("congress"))
    assert "Agendans läge: Antagen." in response.content.decode()
    agenda = fresh(agenda)
    adoption = Adoption.objects.get(agenda=agenda)
    assert (agenda.state, agenda.last_adopted_number) == ("adopted", 5)
    assert (
        adoption.version.number,
        adoption.body,
        adoption.decided_on.isoformat(),
        adoption.minutes_reference,
        adoption.by,
    ) == (5, "congress", "2026-03-14", "Kongressprotokoll 2026-03-14, § 14", editor_lan)
    html = client.get(agenda.get_absolute_url()).content.decode()
    assert (
        "Antagen av Distriktskongress 14 mars 2026, version 5 (Kongressprotokoll 2026-03-14, § 14)."
    ) in html

    process(client, agenda, "nytt-utkast")
    agenda = fresh(agenda)
    assert (agenda.state, agenda.head_number, agenda.last_adopted_number) == ("draft", 6, 5)
    new = AgendaVersion.objects.get(agenda=agenda, number=6)
    assert (new.restored_from.number, new.message) == (5, "Nytt utkast från den antagna version 5")
    assert head(agenda) == head_of(agenda, 5)
    # Work goes on in the new draft; the adopted version stays as it was.
    client.post(
        reverse("agenda:narrative", args=[agenda.pk]),
        {"title": "Reformagenda för länet", "narrative": "Nästa steg.", "message": "m", "base_number": 6},
    )
    assert fresh(agenda).head_number == 7
    assert AgendaVersion.objects.get(agenda=agenda, number=5).narrative == ""

    steps = list(
        Transition.objects.filter(agenda=agenda).values_list("from_state", "to_state", "version_number", "by")
    )
    assert steps == [
        ("draft", "consultation", 4, editor_lan.pk),
        ("consultation", "board_proposal", 5, editor_lan.pk),
        ("board_proposal", "adopted", 5, editor_lan.pk),
        ("adopted", "draft", 5, editor_lan.pk),
    ]
    assert Transition.objects.get(to_state="adopted").note == "Kongressprotokoll 2026-03-14, § 14"
    html = client.get(agenda.get_absolute_url()).content.decode()
    assert "På remiss (version 4) – Lena Länsredaktör" in html
    assert "Styrelsens förslag (version 5) – Lena Länsredaktör" in html
    assert "Antagen (version 5) – Lena Länsredaktör" in html


def head_of(agenda, number):
    from agenda.document import document_load

    return document_load(AgendaVersion.objects.get(agenda=agenda, number=number))


def test_a_district_agenda_may_be_adopted_by_its_council(client, editor_lan, draft):
    client.force_login(editor_lan)
    process(client, draft, "forslag")
    process(client, draft, "anta", adoption_data("council", "Representantskapet § 3"))
    assert (fresh(draft).state, Adoption.objects.get().body) == ("adopted", "council")


def test_a_district_agenda_is_not_adopted_by_the_joint_assembly(client, editor_lan, draft):
    client.force_login(editor_lan)
    process(client, draft, "forslag")
    before = agenda_data()
    response = process(client, draft, "anta", adoption_data("joint_assembly"))
    assert "En gemensam agenda antas av den gemensamma samlingen" in response.content.decode()
    assert agenda_data() == before


def test_adoption_needs_body_date_and_minutes(client, editor_lan, draft):
    client.force_login(editor_lan)
    process(client, draft, "forslag")
    before = agenda_data()
    response = client.post(
        process_url(draft, "anta"),
        {"body": "congress", "decided_on": "", "minutes_reference": ""},
    )
    assert response.status_code == 400
    assert response.context["form"].errors.keys() == {"decided_on", "minutes_reference"}
    assert agenda_data() == before


def test_only_a_board_proposal_can_be_adopted(client, editor_lan, draft):
    client.force_login(editor_lan)
    before = agenda_data()
    response = process(client, draft, "anta", adoption_data("congress"))
    assert "Bara styrelsens förslag kan antas." in response.content.decode()
    assert agenda_data() == before


def test_withdrawn_proposal_is_a_draft_again(client, editor_lan, draft):
    client.force_login(editor_lan)
    process(client, draft, "forslag")
    response = process(client, draft, "utkast")
    assert "Agendans läge: Utkast." in response.content.decode()
    assert fresh(draft).state == "draft"
    response = client.post(
        reverse("agenda:narrative", args=[draft.pk]),
        {"title": "Omarbetad", "narrative": "", "message": "m", "base_number": 4},
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("action", "message"),
    [
        ("utkast", "Agendan är redan ett utkast."),
        ("nytt-utkast", "Bara en antagen agenda kan få ett nytt utkast."),
    ],
)
def test_steps_out_of_order_are_refused_with_a_message(client, editor_lan, draft, action, message):
    client.force_login(editor_lan)
    before = agenda_data()
    assert message in process(client, draft, action).content.decode()
    assert agenda_data() == before


# --- Consultation --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ends_on", "message"),
    [
        (lambda today: today - timedelta(days=1), "Remissen måste sluta ett senare datum än i dag."),
        (lambda today: today, "Remissen måste sluta ett senare datum än i dag."),
        (lambda today: "nästa vecka", "Ange ett giltigt slutdatum för remissen."),
    ],
)
def test_consultation_must_end_in_the_future(client, editor_lan, draft, ends_on, message):
    client.force_login(editor_lan)
    before = agenda_data()
    value = ends_on(timezone.localdate())
    response = process(client, draft, "remiss", {"ends_on": str(value)})
    assert message in response.content.decode()
    assert 'class="message message-error"' in response.content.decode()
    assert agenda_data() == before


def test_consultation_cannot_start_twice(client, editor_lan, draft):
    client.force_login(editor_lan)
    process(client, draft, "remiss", {"ends_on": in_two_weeks().isoformat()})
    before = agenda_data()
    response = process(client, draft, "remiss", {"ends_on": (in_two_weeks() + timedelta(days=7)).isoformat()})
    assert "Bara ett utkast kan skickas på remiss." in response.content.decode()
    assert agenda_data() == before


def test_closing_the_consultation_keeps_the_amendments(client, editor_lan, member, draft):
    agenda = to_consultation(draft, editor_lan)
    section = head(agenda).sections[0]
    services.amendment_create(
        agenda=agenda,
        author=member,
        kind="add",
        section_key=section.key,
        text="Mer idrott",
        motivation="Rörelse",
    )
    client.force_login(editor_lan)
    process(client, agenda, "utkast")
    assert fresh(agenda).state == "draft"
    assert Amendment.objects.get().decision == "pending"


# --- Amendments ----------------------------------------------------------------------------------------


@pytest.fixture
def consultation(draft, editor_lan):
    return to_consultation(draft, editor_lan)


def file_amendment(client, agenda, target, kind, text, motivation="Därför."):
    return client.post(
        reverse("agenda:amendments", args=[agenda.pk]),
        {"target": target, "kind": kind, "text": text, "motivation": motivation},
    )


def test_members_file_amendments_and_everyone_reads_them(client, member, other_member, consultation):
    document = head(consultation)
    section = document.sections[0]
    first, second = section.points
    client.force_login(member)
    assert file_amendment(
        client,
        consultation,
        f"p:{section.key}:{first.key}",
        "replace",
        "Läxhjälp varje skoldag",
        "Varje dag räknas.",
    ).url == reverse("agenda:amendments", args=[consultation.pk])
    file_amendment(client, consultation, f"s:{section.key}", "add", "Mindre klasser", "Fler vuxna per barn.")
    client.force_login(other_member)
    file_amendment(client, consultation, f"p:{section.key}:{second.key}", "delete", "", "Ryms inte.")
    amendments = list(
        Amendment.objects.values_list("author", "kind", "section_key", "point_key", "text", "version_number")
    )
    assert amendments == [
        (member.pk, "replace", section.key, first.key, "Läxhjälp varje skoldag", 4),
        (member.pk, "add", section.key, None, "Mindre klasser", 4),
        (other_member.pk, "delete", section.key, second.key, "", 4),
    ]
    client.logout()
    html = client.get(reverse("agenda:amendments", args=[consultation.pk])).content.decode()
    for text in (
        "Läxhjälp varje skoldag",
        "Varje dag räknas.",
        "Mindre klasser",
        "Ryms inte.",
        "Maria Medlem",
        "Anders Annan",
    ):
        assert text in html
    assert html.count("Inte besvarat") == 3
    assert "Logga in för att lämna ett ändringsyrkande" in html


@pytest.mark.parametrize(
    ("kind", "text", "error"),
    [
        ("replace", "", "Skriv den text du föreslår."),
        ("add", "  ", "Skriv den text du föreslår."),
    ],
)
def test_amendment_needs_its_text(client, member, consultation, kind, text, error):
    section = head(consultation).sections[0]
    client.force_login(member)
    response = file_amendment(client, consultation, f"s:{section.key}", kind, text, "Min motivering")
    assert response.status_code == 400
    assert error in response.content.decode()
    assert "Min motivering" in response.content.decode()  # the member's text is kept
    assert not Amendment.objects.exists()


def test_amendment_needs_a_motivation(client, member, consultation):
    section = head(consultation).sections[0]
    client.force_login(member)
    response = file_amendment(client, consultation, f"s:{section.key}", "add", "Mer idrott", "")
    assert response.status_code == 400
    assert "Mer idrott" in response.content.decode()
    assert not Amendment.objects.exists()


def test_amendment_after_the_consultation_ended_is_refused(client, member, consultation):
    yesterday = timezone.localdate() - timedelta(days=1)
    Agenda.objects.filter(pk=consultation.pk).update(consultation_ends_on=yesterday)
    section = head(consultation).sections[0]
    client.force_login(member)
    response = file_amendment(client, consultation, f"s:{section.key}", "add", "Mer idrott")
    assert response.status_code == 409  # the consultation moved on: a conflict, the text kept
    assert "Remisstiden har gått ut." in response.content.decode()
    assert not Amendment.objects.exists()


@pytest.fixture
def amendments(consultation, member, other_member):
    """Three amendments on version 4: replace point 1, add a point, delete point 2."""
    document = head(consultation)
    section = document.sections[0]
    first, second = section.points
    agenda = fresh(consultation)
    make = services.amendment_create
    return [
        make(
            agenda=agenda,
            author=member,
            kind="replace",
            section_key=section.key,
            point_key=first.key,
            text="Läxhjälp varje skoldag",
            motivation="Varje dag räknas.",
        ),
        make(
            agenda=agenda,
            author=member,
            kind="add",
            section_key=section.key,
            text="Mindre klasser",
            motivation="Fler vuxna per barn.",
        ),
        make(
            agenda=agenda,
            author=other_member,
            kind="delete",
            section_key=section.key,
            point_key=second.key,
            motivation="Ryms inte.",
        ),
    ]


def answer(client, amendment, decision, motivation, text=""):
    return client.post(
        reverse("agenda:amendment_answer", args=[amendment.agenda_id, amendment.pk]),
        {"decision": decision, "answer": motivation, "text": text},
    )


def test_editors_answer_amendments_in_all_three_ways(
    client, editor_lan, member, other_member, consultation, amendments
):
    replace, add, delete = amendments
    client.force_login(editor_lan)
    form = client.get(reverse("agenda:amendment_answer", args=[consultation.pk, add.pk]))
    assert form.context["form"]["text"].value() == "Mindre klasser"  # ready to be changed

    assert answer(client, replace, "accepted", "Bra skärpning.").status_code == 302
    assert (
        answer(
            client, add, "accepted_modified", "Vi säger det tydligare.", "Högst 20 elever per klass"
        ).status_code
        == 302
    )
    assert answer(client, delete, "rejected", "Speciallärarna behövs.").status_code == 302

    for amendment in amendments:
        amendment.refresh_from_db()
    assert (replace.decision, replace.applied_in.number, replace.answered_by) == ("accepted", 5, editor_lan)
    assert (add.decision, add.applied_in.number) == ("accepted_modified", 6)
    assert (delete.decision, delete.applied_in) == ("rejected", None)
    assert fresh(consultation).head_number == 6
    assert AgendaVersion.objects.get(agenda=consultation, number=5).message == (
        f"Ändringsyrkande {replace.pk} bifallet"
    )
    assert [p.text for p in head(consultation).points()] == [
        "Läxhjälp varje skoldag",
        "Fler speciallärare",
        "Högst 20 elever per klass",
    ]

    # Everyone sees the answers, with their public motivation and where they were applied.
    client.logout()
    html = client.get(reverse("agenda:amendments", args=[consultation.pk])).content.decode()
    for text in (
        "Bifallet",
        "Bifallet i ändrad form",
        "Avslaget",
        "Bra skärpning.",
        "Vi säger det tydligare.",
        "Speciallärarna behövs.",
    ):
        assert text in html
    assert f'href="{reverse("agenda:version", args=[consultation.pk, 5])}">Infört i version 5' in html
    assert f'href="{reverse("agenda:version", args=[consultation.pk, 6])}">Infört i version 6' in html

    # Each author is told on the site.
    notifications = [(n.user_id, n.text, n.url) for n in Notification.objects.order_by("id")]
    url = f"/agenda/{consultation.pk}/yrkanden/#yrkande-"
    said = "Ditt ändringsyrkande på ”Reformagenda för länet” är besvarat: "
    assert notifications == [
        (member.pk, f"{said}Bifallet", f"{url}{replace.pk}"),
        (member.pk, f"{said}Bifallet i ändrad form", f"{url}{add.pk}"),
        (other_member.pk, f"{said}Avslaget", f"{url}{delete.pk}"),
    ]
    client.force_login(other_member)
    page = client.get(reverse("members:notifications")).content.decode()
    assert "är besvarat: Avslaget" in page and f"#yrkande-{delete.pk}" in page
    assert "Bifallet" not in page


def test_answer_needs_a_public_motivation(client, editor_lan, amendments):
    client.force_login(editor_lan)
    before = agenda_data()
    response = answer(client, amendments[0], "rejected", "")
    assert response.status_code == 400
    assert "answer" in response.context["form"].errors
    response = answer(client, amendments[1], "accepted_modified", "Ändrat", "")
    assert "Skriv texten i den ändrade formen." in response.content.decode()
    assert agenda_data() == before


def test_an_amendment_is_answered_once(client, editor_lan, amendments):
    client.force_login(editor_lan)
    answer(client, amendments[0], "accepted", "Ja.")
    before = agenda_data()
    response = answer(client, amendments[0], "rejected", "Nej.")
    assert "Yrkandet är redan besvarat." in response.content.decode()
    assert agenda_data() == before


def test_accepting_an_amendment_whose_point_is_gone_is_refused(client, editor_lan, amendments):
    replace = amendments[0]
    agenda = fresh(replace.agenda)
    services.agenda_edit(
        agenda=agenda,
        editor=editor_lan,
        base_number=4,
        message="Bort",
        change=lambda document: document.point_remove(replace.point_key),
    )
    client.force_login(editor_lan)
    before = agenda_data()
    response = answer(client, replace, "accepted", "Ja.")
    assert "Texten som yrkandet gäller finns inte längre i agendan." in response.content.decode()
    assert agenda_data() == before


@pytest.mark.parametrize(
    ("target", "kind", "expected"),
    [
        ("section", "replace", lambda doc: doc.sections[0].intro == "Ny inledning"),
        ("section", "add", lambda doc: [p.text for p in doc.points()][-1] == "Ny inledning"),
        ("section", "delete", lambda doc: doc.sections == []),
        ("point", "add", lambda doc: len(list(doc.points())) == 3),
        ("point", "delete", lambda doc: [p.text for p in doc.points()] == ["Fler speciallärare"]),
    ],
)
def test_accepted_amendment_is_applied(client, editor_lan, member, consultation, target, kind, expected):
    section = head(consultation).sections[0]
    point = section.points[0]
    client.force_login(member)
    value = f"s:{section.key}" if target == "section" else f"p:{section.key}:{point.key}"
    file_amendment(client, consultation, value, kind, "" if kind == "delete" else "Ny inledning")
    client.force_login(editor_lan)
    answer(client, Amendment.objects.get(), "accepted", "Ja.")
    assert expected(head(consultation))
    assert Amendment.objects.get().applied_in.number == fresh(consultation).head_number == 5


def test_agenda_page_query_count_for_a_member(
    client, member, consultation, editor_lan, selected_proposal, django_assert_max_num_queries
):
    key = head(consultation).sections[0].key
    for i in range(20):
        add_points(consultation, editor_lan, key, f"Punkt {i}", source_ids=[selected_proposal.pk])
    client.force_login(member)
    # agenda, session, user, editor roles, version (+author), sections, points, point sources, source ideas,
    # verified email (may amend), amendment count, transitions (+by), adoptions, the source ideas'
    # implementations (practice), whether the member follows the agenda
    with django_assert_max_num_queries(15):
        response = client.get(consultation.get_absolute_url())
    assert response.content.decode().count('class="point-number"') == 22


# --- A joint agenda ------------------------------------------------------------------------------------


@pytest.fixture
def joint(joint_agenda, editor_lan):
    services.agenda_edit(
        agenda=joint_agenda,
        editor=editor_lan,
        base_number=1,
        message="Riktning",
        change=lambda document: document.section_add("Bostäder för alla"),
    )
    return fresh(joint_agenda)


def approve(client, agenda, code):
    return process(client, agenda, "godkann", {"district": District.objects.get(code=code).pk})


def test_joint_agenda_needs_both_boards_approval(client, editor_lan, editor_stad, joint):
    from django.test import Client

    client.force_login(editor_lan)
    stad_client = Client()
    stad_client.force_login(editor_stad)

    html = approve(client, joint, "lan").content.decode()
    assert "Stockholms läns partidistrikt: godkänd version 2 (Lena Länsredaktör)" in html
    assert "Stockholms stads partidistrikt: inte godkänd" in html
    assert "Godkänn version 2 för Länsdistriktet" not in html  # already done

    before = agenda_data()
    html = process(client, joint, "forslag").content.decode()
    assert (
        "Båda styrelserna måste godkänna den här versionen först. Saknas: Stockholms stads partidistrikt"
    ) in html
    assert agenda_data() == before

    html = stad_client.get(joint.get_absolute_url()).content.decode()
    assert "Godkänn version 2 för Stadsdistriktet" in html
    assert "Godkänn version 2 för Länsdistriktet" not in html  # not the city editor's board
    approve(stad_client, joint, "stad")
    approvals = list(
        BoardApproval.objects.order_by("id").values_list("district__code", "version_number", "by")
    )
    assert approvals == [("lan", 2, editor_lan.pk), ("stad", 2, editor_stad.pk)]

    process(stad_client, joint, "forslag")
    assert fresh(joint).state == "board_proposal"
    assert Transition.objects.get().by == editor_stad


def test_approval_of_an_older_version_does_not_count(client, editor_lan, editor_stad, joint):
    client.force_login(editor_lan)
    approve(client, joint, "lan")  # version 2
    client.post(
        reverse("agenda:narrative", args=[joint.pk]),
        {"title": joint.title, "narrative": "Ändrad efteråt.", "message": "m", "base_number": 2},
    )
    client.force_login(editor_stad)
    approve(client, joint, "stad")  # version 3
    before = agenda_data()
    html = process(client, joint, "forslag").content.decode()
    assert "Saknas: Stockholms läns partidistrikt" in html
    assert agenda_data() == before
    client.force_login(editor_lan)
    html = approve(client, joint, "lan").content.decode()
    assert "Stockholms läns partidistrikt: godkänd version 3" in html
    process(client, joint, "forslag")
    agenda = fresh(joint)
    assert agenda.state == "board_proposal"
    assert Transition.objects.get().version_number == 3


def test_approving_twice_records_one_approval(client, editor_lan, joint):
    client.force_login(editor_lan)
    approve(client, joint, "lan")
    approve(client, joint, "lan")
    assert BoardApproval.objects.count() == 1


def test_joint_agenda_is_adopted_only_by_the_joint_assembly(client, editor_lan, editor_stad, joint):
    approve_all(joint, editor_lan, editor_stad)
    client.force_login(editor_stad)
    process(client, joint, "forslag")
    before = agenda_data()
    for body in ("congress", "council"):
        html = process(client, joint, "anta", adoption_data(body)).content.decode()
        assert "En gemensam agenda antas av den gemensamma samlingen" in html
        assert agenda_data() == before
    response = process(client, joint, "anta", adoption_data("joint_assembly", "Gemensam samling § 2"))
    html = response.content.decode()
    assert "Antagen av Gemensam samling 14 mars 2026, version 2 (Gemensam samling § 2)." in html
    assert (fresh(joint).state, Adoption.objects.get().by) == ("adopted", editor_stad)


def test_no_approval_once_proposed(client, editor_lan, editor_stad, joint):
    approve_all(joint, editor_lan, editor_stad)
    services.agenda_propose(agenda=fresh(joint), editor=editor_lan)
    client.force_login(editor_lan)
    before = agenda_data()
    html = approve(client, joint, "lan").content.decode()
    assert "Agendan kan inte godkännas i det här läget." in html
    assert agenda_data() == before
