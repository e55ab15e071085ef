"""Who may import: the truth table, roles × actions (upload, view a job, dry run, run, progress, report), driven
through HTTP on an import into the county district ("lan"). Editors import into their own district, admins into
any; to everyone else a job does not exist (404) and the upload page is refused (403). Every refused action
leaves the data as it was; every allowed one is checked to have happened."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports import services
from imports.files import table_read
from imports.models import ImportJob
from imports.rows import mapping_guess
from tests.conftest import role_matrix

from .conftest import CLEAN_CSV, lan, mapping_data, sample

ROLES = ["anonymous", "member", "editor_lan", "editor_stad", "admin"]
PERSONA = {
    "member": "member",
    "editor_lan": "editor_lan",
    "editor_stad": "editor_stad",
    "admin": "admin_user",
}


def matrix(**expected):
    return role_matrix(ROLES, **expected)


@pytest.fixture
def job(editor_lan):
    """The clean sample uploaded and dry-run by the county district's editor."""
    table = table_read(SimpleUploadedFile(CLEAN_CSV, sample(CLEAN_CSV)))
    job = services.import_job_create(editor=editor_lan, district=lan(), file_name=CLEAN_CSV, table=table)
    return services.import_job_map(job=job, editor=editor_lan, mapping=mapping_guess(table.header))


def status_of(response) -> int:
    """A redirect to the login page counts as "anonymous is asked to log in" (302 with /konto/login/)."""
    if response.status_code == 302 and "/konto/login/" in response.url:
        return 401
    return response.status_code


@matrix(anonymous=401, member=403, editor_lan=200, editor_stad=200, admin=200)
def test_upload_page(client, act_as, role, expected):
    act_as(role)
    assert status_of(client.get(reverse("imports:upload"))) == expected


@matrix(anonymous=401, member=403, editor_lan=302, editor_stad=400, admin=302)
def test_upload_into_the_county_district(client, act_as, role, expected):
    user = act_as(role)
    response = client.post(
        reverse("imports:upload"),
        {"district": lan().pk, "file": SimpleUploadedFile(CLEAN_CSV, sample(CLEAN_CSV))},
    )
    assert status_of(response) == expected
    jobs = ImportJob.objects.all()
    if expected == 302:
        assert [(j.created_by, j.district, j.total) for j in jobs] == [(user, lan(), 30)]
    else:
        assert not jobs.exists()
    if expected == 400:
        assert "Välj ett av dina partidistrikt." in response.content.decode()


@matrix(anonymous=401, member=404, editor_lan=200, editor_stad=404, admin=200)
def test_view_job(client, act_as, job, role, expected):
    act_as(role)
    response = client.get(job.get_absolute_url())
    assert status_of(response) == expected
    if expected == 200:
        assert "ideer-lansdistriktet.csv" in response.content.decode()


@matrix(anonymous=401, member=404, editor_lan=302, editor_stad=404, admin=302)
def test_dry_run_again(client, act_as, job, role, expected):
    act_as(role)
    data = mapping_data(job)
    data["problem"] = data.pop("summary")
    response = client.post(reverse("imports:map", args=[job.pk]), data)
    assert status_of(response) == expected
    job.refresh_from_db()
    assert ("summary" in job.mapping) is (expected != 302)


@matrix(anonymous=401, member=404, editor_lan=302, editor_stad=404, admin=302)
def test_run(client, act_as, job, role, expected, django_capture_on_commit_callbacks):
    act_as(role)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("imports:run", args=[job.pk]))
    assert status_of(response) == expected
    job.refresh_from_db()
    assert job.state == ("queued" if expected == 302 else "checked")
    assert len(callbacks) == (1 if expected == 302 else 0)


@matrix(anonymous=401, member=404, editor_lan=200, editor_stad=404, admin=200)
def test_progress(client, act_as, job, role, expected):
    act_as(role)
    response = client.get(reverse("imports:progress", args=[job.pk]))
    assert status_of(response) == expected
    if expected == 200:
        assert response.json() == {"state": "checked", "processed": 0, "total": 30, "percent": 0}


@matrix(anonymous=401, member=404, editor_lan=200, editor_stad=404, admin=200)
def test_report(client, act_as, job, role, expected):
    act_as(role)
    response = client.get(reverse("imports:report", args=[job.pk]))
    assert status_of(response) == expected
    if expected == 200:
        lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
        assert lines[0] == "Rad;Rubrik;Resultat;Orsak;Idé"
        assert lines[1] == "2;Läxhjälp på biblioteken varje vardag;Ny idé;;"
        assert len(lines) == 31


@pytest.mark.parametrize("role", ROLES)
def test_unknown_job_is_404_or_login(client, act_as, role):
    act_as(role)
    assert status_of(client.get(reverse("imports:job", args=[987654]))) in (401, 404)


@matrix(anonymous=False, member=False, editor_lan=True, editor_stad=True, admin=True)
def test_navigation_links_import_for_editors_and_admins(client, act_as, role, expected):
    act_as(role)
    assert (reverse("imports:upload") in client.get(reverse("proposals:list")).content.decode()) is expected
