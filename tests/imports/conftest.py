"""Helpers for the import tests: the sample files, and the steps an editor takes through the pages."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports.models import ImportJob
from places.models import District

SAMPLES = Path(__file__).resolve().parents[2] / "imports" / "samples"
CLEAN_CSV = "ideer-lansdistriktet.csv"
EXCEL_CSV = "ideer-lansdistriktet-excel.csv"
WITH_ERRORS_XLSX = "ideer-med-fel.xlsx"
HEADER = "Id,Inkom,Rubrik,Sammanfattning,Förslaget,Kommun,Sakområde,Taggar,Inlämnad av,Status,Styrelsens svar"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def lan() -> District:
    return District.objects.get(code="lan")


def upload(client, name: str, content: bytes, *, district=None):
    """Post a file to the upload form, as the editor's browser would."""
    return client.post(
        reverse("imports:upload"),
        {"district": (district or lan()).pk, "file": SimpleUploadedFile(name, content)},
    )


def mapping_data(job: ImportJob) -> dict:
    """The mapping form as the page offers it (the guessed columns), ready to post."""
    return {name: str(index) for name, index in job.mapping.items()}


def check(client, job: ImportJob, data=None):
    """Post the mapping form: the dry run."""
    return client.post(reverse("imports:map", args=[job.pk]), data if data is not None else mapping_data(job))


def run(client, job: ImportJob):
    return client.post(reverse("imports:run", args=[job.pk]))


def csv_file(*rows: str) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode()


def newest_job() -> ImportJob:
    return ImportJob.objects.latest("id")


@pytest.fixture
def checked_job(client, editor_lan):
    """The clean sample uploaded and dry-run by the county district's editor."""
    client.force_login(editor_lan)
    upload(client, CLEAN_CSV, sample(CLEAN_CSV))
    job = newest_job()
    check(client, job)
    job.refresh_from_db()
    return job
