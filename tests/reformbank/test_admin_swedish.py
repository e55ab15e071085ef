"""The Swedish admin speaks Swedish: column headers, labels and the sections of third-party apps."""

import re

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    "url",
    [
        "admin:proposals_proposal_changelist",
        "admin:places_district_changelist",
        "admin:members_user_changelist",
    ],
)
def test_admin_headers_and_sections_are_swedish(client, admin_user, url):
    client.force_login(admin_user)
    html = client.get(reverse(url), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    headers = re.findall(r'<th scope="col"[^>]*>.*?(?:<a [^>]*>|<span>)([^<]+)<', html, re.S)
    assert headers
    for english in ("Tags", "Task Results", "Title", "Author", "Name", "Display name", "Short name"):
        assert english not in headers, english
    assert "Taggar" in html and "Bakgrundsjobb" in html
