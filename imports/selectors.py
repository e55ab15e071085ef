"""Read queries of the import pages: jobs without their rows (large, read only by the import itself)."""

from django.core.paginator import Paginator
from django.http import Http404

from . import permissions
from .models import ImportJob, ImportRowResult

RESULTS_PER_PAGE = 50
RECENT_JOBS = 20


def _jobs():
    return ImportJob.objects.defer("rows").select_related("district", "created_by")


def job_for_viewer(pk: int, viewer) -> ImportJob:
    """The job, or 404 for a viewer who may not see it (never saying whether it exists)."""
    job = _jobs().filter(pk=pk).first()
    if job is None or not permissions.can_view_job(viewer, job):
        raise Http404
    return job


def job_progress(pk: int, viewer) -> dict:
    """What the progress bar needs, in one small query."""
    job = ImportJob.objects.only("district_id", "state", "processed", "total").filter(pk=pk).first()
    if job is None or not permissions.can_view_job(viewer, job):
        raise Http404
    return {"state": job.state, "processed": job.processed, "total": job.total, "percent": job.percent}


def jobs_recent(viewer) -> list[ImportJob]:
    districts = permissions.import_districts(viewer)
    return list(_jobs().defer("rows", "header", "mapping").filter(district__in=districts)[:RECENT_JOBS])


def results_page(job: ImportJob, *, page_number, refused_only: bool):
    results = job.results.select_related("proposal").only(
        "job", "row_number", "title", "outcome", "message", "proposal__id", "proposal__title"
    )
    if refused_only:
        results = results.filter(outcome=ImportRowResult.Outcome.REFUSED)
    return Paginator(results, RESULTS_PER_PAGE).get_page(page_number)


def results_all(job: ImportJob):
    """Every row's result for the downloadable report, streamed from the database in chunks."""
    return job.results.values_list("row_number", "title", "outcome", "message", "proposal_id").iterator(
        chunk_size=2000
    )
