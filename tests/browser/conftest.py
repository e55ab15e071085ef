"""Browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Every test in this folder is marked `browser` (deselect with `-m "not browser"`) and runs on a transactional
database, because the live server answers from another thread with its own connection. The flush after each
test would also empty the county and policy areas that migrations load, so the database is restored from its
serialized copy (`serialized_rollback`) for the tests that follow.
"""

import os
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
# Quiet, sandbox-free chromium: CI containers run as root and have no GPU; nothing may phone home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SIZES = {"desktop": DESKTOP, "phone": PHONE}
# Loaded from the site's own static files: the Content-Security-Policy allows no inline script, not even a test's.
AXE_JS = "/static/vendor/axe-core/axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
BLOCKING_IMPACTS = {"serious", "critical"}
HERE = Path(__file__).resolve().parent


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives a real browser against the live server")


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        message = f"Browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)

    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # Playwright's sync API keeps an asyncio loop running in this thread, and Django refuses ORM calls
        # from a thread with a running loop; the tests' database work is ordinary blocking code, so allow it.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser, live_server):
    """Open a page in a fresh browser context (own cookies: one per person) on the live server."""
    contexts = []

    def open_page():
        context = browser.new_context(locale="sv-SE", viewport=DESKTOP, base_url=live_server.url)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def log_in():
    """Log in through the login form, as a member would."""

    def log_in(page, email, password=PASSWORD):
        page.goto("/konto/login/")
        page.get_by_label("E-postadress").fill(email)
        page.get_by_label("Lösenord").fill(password)
        page.locator("main").get_by_role("button", name="Logga in").click()
        page.get_by_role("button", name="Logga ut").wait_for()

    return log_in


def _describe(violation) -> str:
    # A target is a list of selectors: one per frame or shadow root on the way to the node.
    nodes = "\n".join(f"      {' >> '.join(map(str, node['target']))}" for node in violation["nodes"])
    heading = f"  {violation['id']} ({violation['impact']}): {violation['help']}"
    return f"{heading}\n    {violation['helpUrl']}\n{nodes}"


@pytest.fixture
def assert_accessible():
    """Run axe-core on the page as it is now; fail on serious or critical violations, naming each."""

    def check(page):
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.add_script_tag(url=AXE_JS)
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
        width = page.viewport_size["width"]
        assert not blocking, (
            f"axe-core found serious or critical violations on {page.url} at {width}px:\n"
            + "\n".join(_describe(v) for v in blocking)
        )

    return check


@pytest.fixture
def screenshot():
    """Save full-page screenshots at desktop and phone width into test-artifacts/ (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name, sizes=("desktop", "phone")):
        original = page.viewport_size
        for label in sizes:
            page.set_viewport_size(SIZES[label])
            page.screenshot(path=ARTIFACTS / f"{name}-{label}.png", full_page=True)
        page.set_viewport_size(original)

    return take
