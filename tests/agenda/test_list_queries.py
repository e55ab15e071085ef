"""Pages that list many things run a fixed number of queries, however many things there are."""

from django.urls import reverse

from agenda import services
from members.services import notification_create

from .helpers import add_points, to_consultation


def test_agenda_list_queries(client, member, editor_lan, lan, django_assert_max_num_queries):
    for i in range(6):
        agenda = services.agenda_create(title=f"Agenda {i}", district=lan, editor=editor_lan)
        to_consultation(agenda, editor_lan)
    client.force_login(member)
    # session, user, editor roles, agendas
    with django_assert_max_num_queries(4):
        html = client.get(reverse("agenda:list")).content.decode()
    assert html.count('class="card"') == 6


def test_amendments_page_queries(
    client, member, other_member, editor_lan, agenda, section_key, django_assert_max_num_queries
):
    add_points(agenda, editor_lan, section_key, "Läxhjälp på alla skolor")
    agenda = to_consultation(agenda, editor_lan)
    for i in range(8):
        services.amendment_create(
            agenda=agenda,
            author=other_member,
            kind="add",
            section_key=section_key,
            text=f"Ny punkt {i}",
            motivation="Behövs.",
        )
    client.force_login(member)
    # session, user, verified email, editor roles, agenda, head version, its sections, points and sources,
    # amendments with authors and answers
    with django_assert_max_num_queries(10):
        html = client.get(reverse("agenda:amendments", args=[agenda.pk])).content.decode()
    assert html.count('class="card amendment"') == 8


def test_notifications_page_queries(client, member, django_assert_max_num_queries):
    for i in range(12):
        notification_create(user=member, kind="legacy", params={"text": f"Notis {i}"}, url="/agenda/")
    client.force_login(member)
    # session, user, count, page of notifications, editor roles (menu); reading it writes nothing
    with django_assert_max_num_queries(5):
        html = client.get(reverse("members:notifications")).content.decode()
    assert html.count('class="badge"') == 12
    assert client.get(reverse("members:notifications")).content.decode().count('class="badge"') == 12
