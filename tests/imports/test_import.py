"""The whole import through the pages: upload, guessed mapping, dry run, the import by the task worker, and what
it leaves in the bank (authors, places, tags, statuses, search); importing the same file again changes nothing."""

import pytest
from django.urls import reverse
from django.utils import timezone

from imports.models import ImportedIdea, ImportJob, ImportRowResult
from proposals.models import Proposal, StatusChange

from .conftest import CLEAN_CSV, EXCEL_CSV, check, mapping_data, newest_job, run, sample, upload

pytestmark = pytest.mark.django_db(transaction=True)


def import_file(client, run_tasks, name, content=None):
    upload(client, name, content or sample(name))
    job = newest_job()
    check(client, job)
    run(client, job)
    run_tasks()
    job.refresh_from_db()
    return job


def test_sample_is_imported_with_its_authors_places_tags_and_statuses(client, editor_lan, run_tasks):
    client.force_login(editor_lan)
    response = upload(client, CLEAN_CSV, sample(CLEAN_CSV))
    job = newest_job()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    assert job.mapping == {
        "external_id": 0,
        "created_at": 1,
        "title": 2,
        "summary": 3,
        "body": 4,
        "places": 5,
        "policy_area": 6,
        "tags": 7,
        "author_name": 8,
        "status": 9,
        "answer": 10,
    }
    check(client, job)
    job.refresh_from_db()
    assert (job.state, job.created_count, job.refused_count) == ("checked", 30, 0)
    assert not Proposal.objects.exists()

    run(client, job)
    assert ImportJob.objects.get(pk=job.pk).state == "queued"
    run_tasks()
    job.refresh_from_db()
    assert (job.state, job.processed, job.total, job.created_count) == ("done", 30, 30, 30)
    assert Proposal.objects.count() == 30
    idea = Proposal.objects.get(title="Nattbuss mellan Norrtälje och Stockholm")
    assert idea.author == editor_lan
    assert [p.name for p in idea.places.all()] == ["Norrtälje"]
    assert sorted(t.name for t in idea.tags.all()) == ["landsbygd", "nattbuss"]
    assert idea.status == "under_review"
    assert timezone.localdate(idea.created_at).isoformat() == "2025-01-20"
    assert idea.import_record.author_name == "Per Lindqvist"
    assert idea.import_record.external_id == "LAN-2025-002"
    answered = Proposal.objects.get(title="Gratis simskola för alla sexåringar")
    assert answered.status == "answered" and answered.answer.startswith("Styrelsen tar med")
    assert StatusChange.objects.filter(
        proposal=answered, to_status="answered", changed_by=editor_lan
    ).exists()

    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Idén lämnades av Per Lindqvist och importerades från ideer-lansdistriktet.csv." in page
    found = client.get(reverse("proposals:list"), {"q": "nattbuss"}).context["page"]
    assert "Nattbuss mellan Norrtälje och Stockholm" in {proposal.title for proposal in found}


def test_the_same_file_again_changes_nothing_and_an_edited_row_updates(client, editor_lan, run_tasks):
    client.force_login(editor_lan)
    first = import_file(client, run_tasks, CLEAN_CSV)
    ideas = {p.pk: (p.title, p.updated_at) for p in Proposal.objects.all()}

    # The same rows from Excel's semicolon file in Windows-1252: the same ideas, found by their ids.
    again = import_file(client, run_tasks, EXCEL_CSV)
    assert again.pk != first.pk
    assert (again.state, again.unchanged_count, again.created_count, again.updated_count) == (
        "done",
        30,
        0,
        0,
    )
    assert {p.pk: (p.title, p.updated_at) for p in Proposal.objects.all()} == ideas

    edited = (
        sample(CLEAN_CSV)
        .decode("utf-8-sig")
        .replace("Nattbuss mellan Norrtälje", "Nattbussar mellan Norrtälje")
    )
    upload(client, "andra-versionen.csv", edited.encode())
    job = newest_job()
    check(client, job)
    job.refresh_from_db()
    assert (job.updated_count, job.unchanged_count, job.created_count) == (1, 29, 0)
    run(client, job)
    run_tasks()
    idea = ImportedIdea.objects.get(external_id="LAN-2025-002").proposal
    assert idea.title == "Nattbussar mellan Norrtälje och Stockholm"
    assert idea.revisions.get().title == "Nattbuss mellan Norrtälje och Stockholm"
    assert Proposal.objects.count() == 30
    assert ImportRowResult.objects.get(job=job, outcome="update").proposal == idea


def test_remembered_mapping_is_guessed_for_the_next_file_with_that_header(client, editor_lan):
    client.force_login(editor_lan)
    upload(client, CLEAN_CSV, sample(CLEAN_CSV))
    job = newest_job()
    data = mapping_data(job)
    data["problem"] = data.pop("summary")  # this district keeps the problem in that column
    check(client, job, data)
    upload(client, EXCEL_CSV, sample(EXCEL_CSV))
    assert newest_job().mapping == {name: int(index) for name, index in data.items()}
