"""Every shape of the import pages is valid HTML (Nu HTML Checker, as tests/reformbank/test_html_valid.py checks
the other pages): the upload form with its errors and the recent imports, a job to map (with the file's first
rows), a mapping with errors, the dry run, the progress, the report and a failed import."""

from django.urls import reverse

from imports import services
from imports.models import ImportJob
from tests.reformbank.test_html_valid import nu_checker_errors

from .conftest import CLEAN_CSV, WITH_ERRORS_XLSX, check, mapping_data, newest_job, run, sample, upload


def test_import_pages_are_valid_html(client, editor_lan, tmp_path):
    client.force_login(editor_lan)
    pages = {"upload-error": upload(client, "ideer.csv", b"\x00")}
    upload(client, WITH_ERRORS_XLSX, sample(WITH_ERRORS_XLSX))
    job = newest_job()
    pages["mapping"] = client.get(job.get_absolute_url())
    pages["mapping-error"] = check(client, job, {**mapping_data(job), "title": ""})
    check(client, job)
    pages["dry-run"] = client.get(job.get_absolute_url())
    pages["dry-run-refused"] = client.get(job.get_absolute_url() + "?visa=nekade")
    run(client, job)
    pages["progress"] = client.get(job.get_absolute_url())
    services.import_job_execute(job_id=job.pk)
    pages["report"] = client.get(job.get_absolute_url())

    upload(client, CLEAN_CSV, sample(CLEAN_CSV))
    failed = newest_job()
    ImportJob.objects.filter(pk=failed.pk).update(state="failed", error="Importen avbröts av ett fel.")
    pages["failed"] = client.get(failed.get_absolute_url())
    pages["upload-with-jobs"] = client.get(reverse("imports:upload"))

    assert [pages[name].status_code for name in ("upload-error", "mapping-error")] == [400, 400]
    assert "Resultat av importen" in pages["report"].content.decode()
    assert "LAN-2025-003" in pages["mapping"].content.decode()  # the file's first three rows
    assert "LAN-2025-004" not in pages["mapping"].content.decode()
    files = []
    for name, response in pages.items():
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(path)
    errors = nu_checker_errors(files)
    assert not errors, "\n".join(f"{e.get('url')} line {e.get('lastLine')}: {e['message']}" for e in errors)
