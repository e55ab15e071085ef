"""An editor reads the anchoring dashboard on a phone: the places, a chart's numbers, nothing sideways."""

from tests.anchoring.conftest import known_data  # noqa: F401 - a fixture

from .conftest import ARTIFACTS, DESKTOP, PHONE


def test_editor_reads_the_dashboard_on_a_phone(page, log_in, editor_lan, known_data, assert_accessible):  # noqa: F811
    log_in(page, editor_lan.email)
    page.set_viewport_size(PHONE)
    page.goto("/forankring/")
    nacka = page.locator(".anchoring-place", has_text="Nacka")
    assert nacka.is_visible()
    assert "2 aktiva medlemmar" in " ".join(nacka.inner_text().split())
    chart = page.locator("#chart-ideas")
    assert chart.get_by_role("img", name="Idéer inskickade").is_visible()
    chart.get_by_text("Siffrorna som tabell").click()
    assert chart.locator("table").is_visible()
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the dashboard scrolls sideways by {overflow}px on a phone"
    assert_accessible(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "anchoring-phone.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=ARTIFACTS / "anchoring-desktop.png", full_page=True)
