"""The site's frame: the favicon, and the list's filters served open inside their fold (the geometry, footer and
phone layout, is measured in chromium in tests/browser/test_layout.py)."""

from django.templatetags.static import static
from django.urls import reverse


def test_favicon_ico_leads_to_the_site_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response.url == static("favicon.svg")
    assert f'<link rel="icon" href="{static("favicon.svg")}"' in client.get(reverse("home")).content.decode()


def test_filters_are_served_open_with_their_fold(client, db):
    html = client.get(reverse("proposals:list") + "?area=skola-och-utbildning").content.decode()
    assert '<details class="filter-panel" open' in html
    assert '<summary class="filter-summary">Filtrera' in html
