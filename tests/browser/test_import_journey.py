"""The import's journey in a browser: a county editor uploads the sample with errors, keeps the guessed column
mapping, reads the dry run's refusals, starts the import and watches the progress bar reach 100 % without
reloading the page (the task worker runs meanwhile), then opens the report. Each page shape is checked with
axe-core at desktop and phone width and saved to test-artifacts/."""

from playwright.sync_api import expect

from proposals.models import Proposal
from tests.browser.test_agenda_journey import both_sizes_accessible
from tests.imports.conftest import SAMPLES, WITH_ERRORS_XLSX


def test_editor_imports_a_spreadsheet_and_watches_its_progress(
    page, log_in, editor_lan, run_tasks, assert_accessible, screenshot
):
    log_in(page, editor_lan.email)
    page.get_by_role("link", name="Import", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Importera idéer")
    both_sizes_accessible(page, assert_accessible, screenshot, "import-upload")
    page.get_by_label("Fil", exact=True).set_input_files(SAMPLES / WITH_ERRORS_XLSX)
    page.get_by_role("button", name="Ladda upp").click()

    expect(page.get_by_role("heading", level=2, name="Koppla kolumnerna")).to_be_visible()
    expect(page.get_by_label("Rubrik", exact=True)).to_have_value("2")  # guessed from the header "Rubrik"
    expect(page.get_by_label("Kommun (namn eller kod)")).to_have_value("5")
    both_sizes_accessible(page, assert_accessible, screenshot, "import-mapping")
    page.get_by_role("button", name="Provkör").click()

    expect(page.get_by_role("status")).to_contain_text("Provkörningen är klar.")
    expect(page.get_by_text("Okänd kommun ”Botkyrca” – menade du Botkyrka?")).to_be_visible()
    both_sizes_accessible(page, assert_accessible, screenshot, "import-dry-run")
    assert not Proposal.objects.exists()
    page.get_by_role("button", name="Importera 25 idéer").click()

    bar = page.locator("progress#import-progress-bar")
    expect(bar).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Importen pågår")).to_be_visible()
    assert_accessible(page)
    expect(page.get_by_role("link", name="Visa rapporten")).to_be_hidden()  # until the import is done
    screenshot(page, "import-progress", sizes=("desktop",))
    url = page.url
    run_tasks()
    expect(bar).to_have_attribute("value", "100")  # set by the page's script from the status it polls
    expect(page.locator("#import-progress-text")).to_have_text("Klart! Alla rader är behandlade.")
    assert page.url == url
    page.get_by_role("link", name="Visa rapporten").click()

    expect(page.get_by_role("heading", level=2, name="Resultat av importen")).to_be_visible()
    expect(page.get_by_role("link", name="Ladda ner rapporten (CSV)")).to_be_visible()
    both_sizes_accessible(page, assert_accessible, screenshot, "import-report")
    assert Proposal.objects.count() == 25
    page.get_by_role("link", name="Läxhjälp på biblioteken varje vardag").click()
    expect(
        page.get_by_text("Idén lämnades av Amira Hassan och importerades från ideer-med-fel.xlsx.")
    ).to_be_visible()
