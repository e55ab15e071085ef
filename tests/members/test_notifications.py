"""Notifications: reading the page changes nothing; the member marks them read with a POST."""

import re

from django.urls import reverse

from members.models import Notification
from members.services import notification_create


def unread_count(user):
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def shown_ids(html):
    return [int(pk) for pk in re.findall(r'name="notifications" value="(\d+)"', html)]


def test_opening_the_pages_marks_nothing_read(client, member):
    for i in range(45):
        notification_create(user=member, kind="legacy", params={"text": f"Notis {i}"}, url="/agenda/")
    client.force_login(member)
    first = client.get(reverse("members:notifications")).content.decode()
    second = client.get(reverse("members:notifications"), {"page": 2}).content.decode()
    assert first.count('class="badge"') == 30 and second.count('class="badge"') == 15
    assert unread_count(member) == 45


def test_mark_all_shown_read_marks_only_that_page(client, member):
    for i in range(45):
        notification_create(user=member, kind="legacy", params={"text": f"Notis {i}"})
    client.force_login(member)
    html = client.get(reverse("members:notifications"), {"page": 2}).content.decode()
    form = html.split('action="/medlem/notiser/lasta/"')[1].split("</form>")[0]
    ids = shown_ids(form)
    assert len(ids) == 15
    response = client.post(reverse("members:notifications_read"), {"notifications": ids, "page": 2})
    assert response.url == reverse("members:notifications") + "?page=2"
    assert unread_count(member) == 30
    assert not Notification.objects.filter(pk__in=ids, read_at__isnull=True).exists()


def test_mark_one_read(client, member):
    keep = notification_create(user=member, kind="legacy", params={"text": "Ligger kvar"})
    read = notification_create(user=member, kind="legacy", params={"text": "Läst"})
    client.force_login(member)
    client.post(reverse("members:notifications_read"), {"notifications": [read.pk]})
    html = client.get(reverse("members:notifications")).content.decode()
    assert html.count('class="badge"') == 1 and shown_ids(html).count(keep.pk) == 2  # all + its own form
    assert Notification.objects.get(pk=read.pk).read_at is not None


def test_nobody_marks_another_members_notifications(client, member, other_member):
    theirs = notification_create(user=other_member, kind="legacy", params={"text": "Inte din"})
    client.force_login(member)
    response = client.post(reverse("members:notifications_read"), {"notifications": [theirs.pk]}, follow=True)
    assert "kunde inte markeras som lästa" in response.content.decode()
    assert unread_count(other_member) == 1


def test_marking_read_needs_a_post_and_a_login(client, member):
    notification_create(user=member, kind="legacy", params={"text": "Notis"})
    assert client.get(reverse("members:notifications_read")).status_code in (302, 405)
    client.force_login(member)
    assert client.get(reverse("members:notifications_read")).status_code == 405
    assert unread_count(member) == 1
