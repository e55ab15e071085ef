"""Editors promote selected ideas into the agenda straight from their queue."""

from django.urls import reverse

from .conftest import head


def test_editor_promotes_from_the_queue(
    client, editor_lan, agenda, section_key, selected_proposal, django_assert_max_num_queries
):
    client.force_login(editor_lan)
    queue_url = reverse("proposals:queue") + "?status=selected"
    with django_assert_max_num_queries(12):
        html = client.get(queue_url).content.decode()
    assert f'value="{agenda.pk}:{section_key}"' in html
    response = client.post(
        reverse("agenda:promote", args=[selected_proposal.pk]),
        {"target": f"{agenda.pk}:{section_key}", "next": queue_url},
    )
    assert response.url == queue_url
    points = list(head(agenda).points())
    assert [(p.source_ids, p.text) for p in points] == [
        ([selected_proposal.pk], f"{selected_proposal.title}. {selected_proposal.summary}")
    ]


def test_queue_shows_no_promote_form_without_an_agenda(client, editor_lan, selected_proposal):
    client.force_login(editor_lan)
    html = client.get(reverse("proposals:queue") + "?status=selected").content.decode()
    assert selected_proposal.title in html
    assert "För in som reformpunkt" not in html
