"""The site's frame as a visitor sees it: the favicon, the footer at the bottom of a short page, and tables that
fit a phone. The geometry is measured in Debian's chromium (the browser tests' fixtures)."""

import pytest
from django.templatetags.static import static
from django.urls import reverse

from agenda import services as agenda_services
from places.models import District
from tests.browser import conftest as browser_conftest
from tests.browser.conftest import PHONE

# The browser tests' fixtures: chromium, a page on the live server, the login form.
browser, new_page, log_in = browser_conftest.browser, browser_conftest.new_page, browser_conftest.log_in


def test_favicon_ico_leads_to_the_site_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response.url == static("favicon.svg")
    assert f'<link rel="icon" href="{static("favicon.svg")}"' in client.get(reverse("home")).content.decode()


def make_agenda(editor):
    agenda = agenda_services.agenda_create(
        title="Reformagenda för länet", district=District.objects.get(code="lan"), editor=editor
    )
    for number in range(1, 4):
        agenda_services.agenda_edit(
            agenda=agenda,
            editor=editor,
            base_number=number,
            message=f"Riktning {number}: en längre beskrivning av vad som ändrades i den här versionen",
            change=lambda document, number=number: document.section_add(f"Riktning {number}", "Text."),
        )
    return agenda


browser_test = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@browser_test
@pytest.mark.parametrize("size", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_footer_sits_at_the_bottom_of_a_short_page(new_page, size):
    page = new_page()
    page.set_viewport_size(size)
    page.goto("/finns-inte/")
    footer = page.locator(".site-footer").bounding_box()
    assert footer["y"] + footer["height"] == pytest.approx(size["height"], abs=1)


@browser_test
def test_agenda_history_fits_a_phone(new_page, log_in, editor_lan):
    agenda = make_agenda(editor_lan)
    page = new_page()
    log_in(page, editor_lan.email)
    page.set_viewport_size(PHONE)
    page.goto(reverse("agenda:history", args=[agenda.pk]))
    assert page.locator("table").is_visible()
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.querySelector('.table-wrap').scrollWidth,"
        " document.querySelector('.table-wrap').clientWidth]"
    )
    assert widths[0] <= PHONE["width"]
    assert widths[1] <= widths[2], "the history table scrolls sideways"
