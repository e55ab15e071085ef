from django_tasks import task

from .services import import_job_execute


@task()
def import_run(*, job_id: int) -> None:
    """Import a queued job's rows into the bank, from the worker (a large file takes seconds)."""
    import_job_execute(job_id=job_id)
