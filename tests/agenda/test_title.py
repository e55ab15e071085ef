"""The agenda's title is one fact: the title of its newest version. Renamed in the narrative edit, it is the
new title in the list, the back links, the promote message and notifications; restored, the old one again."""

from django.urls import reverse

from agenda import services
from agenda.models import Agenda

from .helpers import fresh, message_texts, to_adopted, to_board_proposal, to_consultation

OLD, NEW = "Reformagenda för länet", "Reformagenda för länet 2026–2030"


def rename(client, agenda, title=NEW):
    response = client.post(
        reverse("agenda:narrative", args=[agenda.pk]),
        {"title": title, "narrative": "", "message": "Ny titel", "base_number": fresh(agenda).head_number},
    )
    assert response.status_code == 302


def test_a_renamed_agenda_has_its_new_title_everywhere(
    client, editor_lan, agenda, section_key, selected_proposal
):
    client.force_login(editor_lan)
    rename(client, agenda)
    assert Agenda.objects.get(pk=agenda.pk).title == NEW

    listing = client.get(reverse("agenda:list")).content.decode()
    assert NEW in listing and f">{OLD}<" not in listing
    back_link = f'<a href="{agenda.get_absolute_url()}">← {NEW}</a>'
    assert back_link in client.get(reverse("agenda:history", args=[agenda.pk])).content.decode()
    assert back_link in client.get(reverse("agenda:section_add", args=[agenda.pk])).content.decode()

    response = client.post(
        reverse("agenda:promote", args=[selected_proposal.pk]),
        {"target": f"{agenda.pk}:{section_key}", "text": "Läxhjälp"},
    )
    assert message_texts(response) == [f"Idén är införd i ”{NEW}”."]


def test_an_answered_amendment_names_the_new_title(client, editor_lan, member, agenda, section_key):
    client.force_login(editor_lan)
    rename(client, agenda)
    consultation = to_consultation(agenda, editor_lan)
    amendment = services.amendment_create(
        agenda=consultation,
        author=member,
        kind="replace",
        section_key=section_key,
        text="Alla barn ska lyckas i skolan.",
        motivation="Tydligare.",
    )
    services.amendment_answer(amendment=amendment, editor=editor_lan, decision="rejected", answer="Nej.")
    client.force_login(member)
    assert f"”{NEW}”" in client.get(reverse("members:notifications")).content.decode()


def test_restoring_an_old_version_restores_its_title(client, editor_lan, agenda):
    client.force_login(editor_lan)
    rename(client, agenda)
    number = fresh(agenda).head_number
    client.post(reverse("agenda:restore", args=[agenda.pk, number - 1]), {"base_number": number})
    assert fresh(agenda).title == OLD
    assert fresh(agenda).versions.get(number=number + 1).title == OLD


def test_members_see_the_adopted_title_while_the_next_draft_is_renamed(
    client, editor_lan, member, agenda, django_assert_max_num_queries
):
    adopted = to_adopted(to_board_proposal(agenda, editor_lan), editor_lan)
    services.agenda_new_draft(agenda=adopted, editor=editor_lan)
    client.force_login(editor_lan)
    rename(client, agenda)
    assert NEW in client.get(reverse("agenda:list")).content.decode()
    client.force_login(member)
    # session, user, editor roles, agendas, the titles of the versions members see
    with django_assert_max_num_queries(5):
        html = client.get(reverse("agenda:list")).content.decode()
    assert f">{OLD}</a>" in html and NEW not in html
