"""The import is all or nothing and runs once: a failure halfway leaves the bank as it was (and says so), the
"Importera" button pressed twice at once queues one import, and the progress is visible while it runs."""

import threading
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django_tasks_db.models import DBTaskResult
from taggit.models import Tag

from imports import services
from imports.models import ImportedIdea, ImportJob
from proposals.models import Proposal, StatusChange
from tests.parallel import parallel_posts

from .conftest import check, csv_file, lan, newest_job, run, upload

pytestmark = pytest.mark.django_db(transaction=True)

ROWS = [f"R-{i},,Förslag nummer {i},Kort.,Text.,Nacka,Trygghet,tagg{i % 7},,,Ny" for i in range(1200)]


@pytest.fixture
def checked(client, editor_lan):
    client.force_login(editor_lan)
    upload(client, "stor.csv", csv_file(*ROWS))
    job = newest_job()
    check(client, job)
    return job


@pytest.fixture
def fail_on_last_row():
    """The database refuses the last row's source record: a failure after two of three batches were written."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            CREATE FUNCTION test_import_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
            CREATE TRIGGER test_import_refuse BEFORE INSERT ON imports_importedidea FOR EACH ROW
            WHEN (NEW.external_id = 'R-1199') EXECUTE FUNCTION test_import_refuse();
            """
        )
    yield
    with connection.cursor() as cursor:
        cursor.execute(
            "DROP TRIGGER test_import_refuse ON imports_importedidea; DROP FUNCTION test_import_refuse();"
        )


def test_a_failed_import_leaves_nothing_half_done(client, checked, run_tasks, fail_on_last_row):
    run(client, checked)
    run_tasks()
    checked.refresh_from_db()
    assert (checked.state, checked.processed) == ("failed", 0)
    assert not Proposal.objects.exists()
    assert not ImportedIdea.objects.exists()
    assert not StatusChange.objects.exists()
    assert not Tag.objects.exists()
    page = client.get(checked.get_absolute_url()).content.decode()
    assert "Importen avbröts av ett fel. Inget har ändrats i reformbanken; koppla kolumnerna" in page
    assert "refused by the test" in checked.error
    # The results of the dry run are still there, and it can be run again once the cause is gone.
    assert checked.results.count() == 1200


def test_run_pressed_twice_at_once_imports_once(checked, editor_lan, run_tasks):
    url = f"/import/{checked.pk}/importera/"
    responses = parallel_posts(editor_lan, url, {}, times=2)
    assert [r.status_code for r in responses] == [302, 302]
    assert DBTaskResult.objects.count() == 1
    run_tasks()
    checked.refresh_from_db()
    assert (checked.state, checked.created_count) == ("done", 1200)
    assert Proposal.objects.count() == 1200
    # A task run again (a worker restarted mid-way) finds the job no longer queued.
    services.import_job_execute(job_id=checked.pk)
    assert Proposal.objects.count() == 1200


def test_progress_is_visible_while_the_import_runs(client, checked, run_tasks):
    """Another connection reads the job while the import's transaction is open: it sees the rows handled so far."""
    seen = []
    stop = threading.Event()

    def watch():
        from django.db import connections

        while not stop.is_set():
            seen.append(ImportJob.objects.values_list("state", "processed").get(pk=checked.pk))
        connections.close_all()

    run(client, checked)
    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        run_tasks()
    finally:
        stop.set()
        watcher.join()
    in_between = {processed for state, processed in seen if state == "running"}
    assert in_between & {500, 1000}, seen[-5:]
    assert seen[-1] == ("done", 1200) or ImportJob.objects.get(pk=checked.pk).state == "done"


def test_upload_sent_twice_at_once_makes_one_job(editor_lan):
    key = str(uuid.uuid4())
    payloads = [
        {
            "district": lan().pk,
            "submission_key": key,
            "file": SimpleUploadedFile("stor.csv", csv_file(*ROWS[:5])),
        }
        for _ in range(2)
    ]
    responses = parallel_posts(editor_lan, "/import/", payloads)
    assert [r.status_code for r in responses] == [302, 302]
    assert responses[0].url == responses[1].url
    assert ImportJob.objects.count() == 1


def test_mapping_changed_after_the_start_is_refused(client, checked):
    run(client, checked)
    response = check(client, checked)
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Importen har redan startats; kolumnerna kan inte längre ändras." in page
    checked.refresh_from_db()
    assert checked.state == "queued"
