"""The site's frame in chromium: the footer at the bottom of a short page, tables and filters that fit a phone."""

import pytest
from django.urls import reverse

from agenda import services as agenda_services
from places.models import District

from .conftest import DESKTOP, PHONE


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


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_footer_sits_at_the_bottom_of_a_short_page(page, size):
    page.set_viewport_size(size)
    page.goto("/finns-inte/")
    footer = page.locator(".site-footer").bounding_box()
    assert footer["y"] + footer["height"] == pytest.approx(size["height"], abs=1)


def test_agenda_history_fits_a_phone(page, log_in, editor_lan):
    agenda = make_agenda(editor_lan)
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


def test_filters_fold_on_a_phone_and_say_how_many_are_on(page, member, make_proposal, place, area):
    make_proposal(member)
    page.set_viewport_size(PHONE)
    page.goto(f"{reverse('proposals:list')}?place={place.code}&area={area.slug}&sort=newest")
    summary = page.locator("summary.filter-summary")
    assert summary.inner_text().split() == ["Filtrera", "(2)"]
    assert not page.get_by_label("Kommun", exact=True).is_visible()
    assert page.locator(".proposal-card").first.bounding_box()["y"] < PHONE["height"]
    summary.click()
    assert page.get_by_label("Kommun", exact=True).is_visible()


def test_filters_stay_open_on_a_desktop(page):
    page.goto(reverse("proposals:list"))
    assert page.get_by_label("Kommun", exact=True).is_visible()
    assert not page.locator("summary.filter-summary").is_visible()


def test_search_field_becomes_a_valid_combobox(page):
    # The Nu HTML Checker refuses role=combobox on <input type=search>: the enhanced field is a text field.
    page.goto(reverse("proposals:list"))
    field = page.get_by_role("combobox", name="Sök")
    assert field.get_attribute("type") == "text"
    assert field.get_attribute("enterkeyhint") == "search"
