"""The idea page, the build-on form and the lists' cards as a reader sees them."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from proposals import services
from proposals.models import Proposal


def change_status(proposal, editor, status, text=""):
    services.proposal_status_change(proposal=proposal, editor=editor, status=status, text=text)


def section(html, start_marker, end_marker):
    start = html.index(start_marker)
    return html[start : html.index(end_marker, start)]


def test_status_history_renders_markdown(client, proposal, editor_lan):
    change_status(proposal, editor_lan, "declined", "Ligger **utanför** kommunens ansvar.")
    html = client.get(proposal.get_absolute_url()).content.decode()
    answer = section(html, 'id="svar"', "</section>")
    assert "<strong>utanför</strong>" in answer
    assert "**" not in html


def test_answer_replaced_by_a_later_status_shows_as_earlier(client, proposal, editor_lan):
    change_status(proposal, editor_lan, "answered", "Vi tar med den **nästa år**.")
    change_status(proposal, editor_lan, "under_review")
    html = client.get(proposal.get_absolute_url()).content.decode()
    assert "Styrelsens svar" not in html
    history = section(html, 'id="history-heading"', "</section>")
    assert "Tidigare svar" in history
    assert "<strong>nästa år</strong>" in history


def test_current_answer_is_shown_once_and_the_history_links_to_it(client, proposal, editor_lan):
    change_status(proposal, editor_lan, "declined", "Nej, inte **nu**.")
    change_status(proposal, editor_lan, "under_review")
    change_status(proposal, editor_lan, "answered", "Ja, **nu**.")
    html = client.get(proposal.get_absolute_url()).content.decode()
    assert "Styrelsens svar" in section(html, 'id="svar"', "</section>")
    history = section(html, 'id="history-heading"', "</section>")
    assert history.count("Tidigare svar") == 1
    assert "Nej, inte <strong>nu</strong>" in history
    assert 'href="#svar"' in history
    assert html.count("Ja, <strong>nu</strong>") == 1


class FormValues(HTMLParser):
    """What a browser would send for the main form of a page, as it comes."""

    def __init__(self, action):
        super().__init__()
        self.action, self.in_form, self.data = action, False, []
        self.textarea = self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("action", "") in ("", self.action) and attrs.get("method") == "post"
        if not self.in_form:
            return
        if tag == "input" and attrs.get("name"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.data.append((attrs["name"], attrs.get("value", "")))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.append((self.select, attrs.get("value", "")))

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea:
            self.data.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False


def form_values(html, action):
    parser = FormValues(action)
    parser.feed(html)
    data = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    return data


def test_build_on_form_submits_as_it_comes(client, other_member, proposal):
    client.force_login(other_member)
    url = reverse("proposals:derive", args=[proposal.pk])
    html = client.get(url).content.decode()
    data = form_values(html, url)
    assert data["body"][0].strip().startswith(f"Bygger vidare på ”{proposal.title}”.")

    response = client.post(url, data)

    assert response.status_code == 302
    child = Proposal.objects.exclude(pk=proposal.pk).get()
    assert response.url == child.get_absolute_url()
    assert child.derived_from == proposal
    assert proposal.body in child.body
    assert list(child.places.all()) == list(proposal.places.all())


@pytest.mark.parametrize("url_name", ["proposals:queue"])
def test_queue_cards_show_the_submission_date(client, editor_lan, proposal, url_name):
    client.force_login(editor_lan)
    html = client.get(reverse(url_name)).content.decode()
    card = section(html, 'class="card proposal-card"', "</article>")
    # The date in the site's time zone (Stockholm), which is a day ahead of UTC in the hour before midnight UTC.
    assert f'datetime="{timezone.localtime(proposal.created_at):%Y-%m-%d}"' in card


def test_retired_municipality_is_marked_in_the_filter(client, place, django_assert_max_num_queries):
    place.is_active = False
    place.save(update_fields=["is_active"])
    # filter options (places, districts, areas), the page's ideas, their places, their tags, the count
    with django_assert_max_num_queries(7):
        html = client.get(reverse("proposals:list")).content.decode()
    assert f'<option value="{place.code}">{place.name} (avvecklad)</option>' in html
