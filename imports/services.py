"""Every write of the import: a job from an uploaded file, its column mapping and dry run, queueing it, and the
import itself (run by the task worker)."""

import logging
from functools import partial
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from taggit.models import Tag, TaggedItem

from proposals.models import Proposal, ProposalRevision, StatusChange
from proposals.search import search_vector_update
from reformbank.errors import UserError
from reformbank.submissions import submission_claim

from .files import Table
from .models import ImportedIdea, ImportJob, ImportMapping, ImportRowResult
from .rows import RowPlan, header_key, mapping_guess, rows_plan, tag_slug

logger = logging.getLogger(__name__)
# Rows written per round of bulk statements; the progress bar moves after each.
WRITE_BATCH = 500
Outcome = ImportRowResult.Outcome


def batched(items, size):
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class ImportStateError(UserError):
    """The job has moved on meanwhile (another tab, another editor): the message says where it stands."""

    status = 409


@transaction.atomic
def import_job_create(*, editor, district, file_name: str, table: Table, submission_key=None) -> ImportJob:
    """Keep the rows of an uploaded file (read by files.table_read) on a new job, with the columns mapped as
    remembered for this header row in the district, or as guessed from it. The same form sent again
    (`submission_key`) returns the job it made."""
    earlier, submission_key = submission_claim(
        ImportJob,
        owner_field="created_by",
        owner=editor,
        key=submission_key,
        same=lambda row: row.file_name == file_name[:255],
    )
    if earlier is not None:
        return earlier
    remembered = (
        ImportMapping.objects.filter(district=district, header_key=header_key(table.header))
        .values_list("mapping", flat=True)
        .first()
    )
    job = ImportJob(
        district=district,
        created_by=editor,
        file_name=file_name[:255],
        file_format=table.file_format,
        encoding=table.encoding,
        header=table.header,
        rows=table.rows,
        mapping=mapping_guess(table.header, remembered),
        total=len(table.rows),
        submission_key=submission_key,
    )
    # files.table_read made the header and rows (a file of only a header has none: an empty list is no error).
    job.full_clean(exclude=["rows", "header"])
    job.save()
    return job


def _locked(job: ImportJob) -> ImportJob:
    return ImportJob.objects.select_for_update().get(pk=job.pk)


@transaction.atomic
def import_job_map(*, job: ImportJob, editor, mapping: dict[str, int]) -> ImportJob:
    """Map the file's columns to the idea's fields and run the dry run: per row, what the import would do and
    why not. The mapping is remembered for the next file with the same header row in the district."""
    locked = _locked(job)
    if locked.state not in {ImportJob.State.UPLOADED, ImportJob.State.CHECKED, ImportJob.State.FAILED}:
        raise ImportStateError(_("Importen har redan startats; kolumnerna kan inte längre ändras."))
    locked.mapping = mapping
    ImportMapping.objects.update_or_create(
        district_id=locked.district_id,
        header_key=header_key(locked.header),
        defaults={"mapping": mapping, "updated_by": editor},
    )
    plans = rows_plan(job=locked)
    _results_store(locked, plans)
    locked.state = ImportJob.State.CHECKED
    locked.processed = 0
    locked.error = ""
    locked.save(
        update_fields=[
            "mapping",
            "state",
            "processed",
            "error",
            "created_count",
            "updated_count",
            "unchanged_count",
            "refused_count",
        ]
    )
    return locked


@transaction.atomic
def import_job_start(*, job: ImportJob) -> bool:
    """Queue the import of a dry-run job for the task worker. False when it was already started (the same
    button pressed twice, or by two editors): it runs once."""
    started = ImportJob.objects.filter(pk=job.pk, state=ImportJob.State.CHECKED).update(
        state=ImportJob.State.QUEUED, processed=0, error=""
    )
    if not started:
        state = ImportJob.objects.values_list("state", flat=True).get(pk=job.pk)
        if state in {ImportJob.State.UPLOADED, ImportJob.State.FAILED}:
            raise ImportStateError(_("Koppla kolumnerna och provkör först."))
        return False
    from .tasks import import_run  # here, as the task module imports this one

    transaction.on_commit(partial(import_run.enqueue, job_id=job.pk))
    return True


def import_job_execute(*, job_id: int) -> None:
    """Import a queued job's rows into the bank, all or nothing, in one transaction (see _job_write). The
    progress is written as it goes on a connection of its own, so the job page sees it before the end. A
    failure leaves the bank as it was and the job marked failed."""
    claimed = ImportJob.objects.filter(pk=job_id, state=ImportJob.State.QUEUED).update(
        state=ImportJob.State.RUNNING, processed=0
    )
    if not claimed:
        return
    progress = _Progress(job_id)
    try:
        with transaction.atomic():
            _job_write(ImportJob.objects.select_related("district", "created_by").get(pk=job_id), progress)
    except Exception as error:
        logger.exception("Import %s failed", job_id)
        # The cause for the operator (the admin and the log); the editor's page says only that nothing changed.
        ImportJob.objects.filter(pk=job_id).update(
            state=ImportJob.State.FAILED,
            processed=0,
            finished_at=timezone.now(),
            error=f"{type(error).__name__}: {error}"[:2000],
        )
    finally:
        progress.close()


class _Progress:
    """Writes the number of rows handled to the job on a connection of its own (autocommit), so that the job
    page sees it while the import's transaction is still open. The import never locks the job row before its
    last statement, so these updates never wait for it."""

    def __init__(self, job_id: int):
        self.job_id = job_id
        self.connection = connections.create_connection(DEFAULT_DB_ALIAS)

    def __call__(self, processed: int) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(
                "UPDATE imports_importjob SET processed = LEAST(%s, total) WHERE id = %s AND state = %s",
                [processed, self.job_id, ImportJob.State.RUNNING],
            )

    def close(self) -> None:
        self.connection.close()


def _job_write(job: ImportJob, progress) -> None:
    # One import per district at a time: each plans against the bank as the one before left it.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [f"imports:{job.district_id}"]
        )
    plans = rows_plan(job=job)
    creates = [plan for plan in plans if plan.outcome == Outcome.CREATE]
    updates = [plan for plan in plans if plan.outcome == Outcome.UPDATE]
    processed = len(plans) - len(creates) - len(updates)
    progress(processed)
    tags = _tags_ensure({name for plan in creates + updates for name in plan.values["tags"]})
    content_type = ContentType.objects.get_for_model(Proposal)
    for batch in batched(creates, WRITE_BATCH):
        _ideas_create(job, batch, tags, content_type)
        processed += len(batch)
        progress(processed)
    for batch in batched(updates, WRITE_BATCH):
        _ideas_update(job, batch, tags, content_type)
        processed += len(batch)
        progress(processed)
    _results_store(job, plans)
    job.state = ImportJob.State.DONE
    job.processed = job.total
    job.finished_at = timezone.now()
    job.save(
        update_fields=[
            "state",
            "processed",
            "finished_at",
            "created_count",
            "updated_count",
            "unchanged_count",
            "refused_count",
        ]
    )


def _tags_ensure(names: set[str]) -> dict[str, Tag]:
    """The tags by name, made where missing (rows_plan already gave each the existing name of its slug)."""
    existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    missing = [Tag(name=name, slug=tag_slug(name)) for name in names if name not in existing]
    if missing:
        Tag.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    return existing


def _ideas_create(job: ImportJob, plans: list[RowPlan], tags: dict, content_type) -> None:
    now = timezone.now()
    proposals = []
    for plan in plans:
        values = plan.values
        created_at = values["created_at"] or now
        proposals.append(
            Proposal(
                author_id=job.created_by_id,
                title=values["title"],
                summary=values["summary"],
                body=values["body"],
                problem=values["problem"],
                policy_area=values["policy_area"],
                status=values["status"],
                answer=values["answer"],
                created_at=created_at,
                last_activity_at=created_at,
            )
        )
    Proposal.objects.bulk_create(proposals)
    for plan, proposal in zip(plans, proposals):
        plan.values["proposal"] = proposal
    _links_store(plans, tags, content_type)
    StatusChange.objects.bulk_create(
        StatusChange(
            proposal=plan.values["proposal"],
            from_status=Proposal.Status.NEW,
            to_status=plan.values["status"],
            changed_by_id=job.created_by_id,
            reason=plan.values["answer"],
        )
        for plan in plans
        if plan.values["status"] != Proposal.Status.NEW
    )
    ImportedIdea.objects.bulk_create(
        ImportedIdea(
            proposal=plan.values["proposal"],
            district_id=job.district_id,
            external_id=plan.key,
            source_key=job.file_name,
            job=job,
            author_name=plan.values["author_name"],
        )
        for plan in plans
    )
    search_vector_update((plan.values["proposal"], [tags[n] for n in plan.values["tags"]]) for plan in plans)


def _links_store(plans: list[RowPlan], tags: dict, content_type) -> None:
    """The places and tags of the rows' ideas, as the rows say (any earlier ones removed first)."""
    ids = [plan.values["proposal"].pk for plan in plans]
    through = Proposal.places.through
    through.objects.filter(proposal_id__in=ids).delete()
    TaggedItem.objects.filter(content_type=content_type, object_id__in=ids).delete()
    through.objects.bulk_create(
        through(proposal_id=plan.values["proposal"].pk, place_id=place.pk)
        for plan in plans
        for place in plan.values["places"]
    )
    TaggedItem.objects.bulk_create(
        TaggedItem(content_type=content_type, object_id=plan.values["proposal"].pk, tag=tags[name])
        for plan in plans
        for name in plan.values["tags"]
    )


def _ideas_update(job: ImportJob, plans: list[RowPlan], tags: dict, content_type) -> None:
    now = timezone.now()
    revisions, changes, proposals = [], [], []
    for plan in plans:
        proposal, values = plan.record.proposal, plan.values
        text = (values["title"], values["summary"], values["body"], values["problem"])
        if (proposal.title, proposal.summary, proposal.body, proposal.problem) != text:
            revisions.append(
                ProposalRevision(
                    proposal=proposal,
                    title=proposal.title,
                    summary=proposal.summary,
                    body=proposal.body,
                    problem=proposal.problem,
                    edited_by_id=job.created_by_id,
                )
            )
        if proposal.status != values["status"]:
            changes.append(
                StatusChange(
                    proposal=proposal,
                    from_status=proposal.status,
                    to_status=values["status"],
                    changed_by_id=job.created_by_id,
                    reason=values["answer"],
                )
            )
        proposal.title, proposal.summary, proposal.body, proposal.problem = text
        proposal.policy_area = values["policy_area"]
        proposal.status, proposal.answer = values["status"], values["answer"]
        proposal.created_at = values["created_at"] or proposal.created_at
        proposal.updated_at = proposal.last_activity_at = now
        values["proposal"] = proposal
        plan.record.author_name, plan.record.job = values["author_name"], job
        plan.record.source_key = job.file_name
        proposals.append(proposal)
    ProposalRevision.objects.bulk_create(revisions)
    StatusChange.objects.bulk_create(changes)
    Proposal.objects.bulk_update(
        proposals,
        [
            "title",
            "summary",
            "body",
            "problem",
            "policy_area",
            "status",
            "answer",
            "created_at",
            "updated_at",
            "last_activity_at",
        ],
    )
    ImportedIdea.objects.bulk_update([plan.record for plan in plans], ["author_name", "job", "source_key"])
    _links_store(plans, tags, content_type)
    search_vector_update((plan.values["proposal"], [tags[n] for n in plan.values["tags"]]) for plan in plans)


def _results_store(job: ImportJob, plans: list[RowPlan]) -> None:
    """Replace the job's per-row report with these plans' outcomes, and count them on the job."""
    job.results.all().delete()
    ImportRowResult.objects.bulk_create(
        (
            ImportRowResult(
                job=job,
                row_number=plan.number,
                title=plan.title,
                outcome=plan.outcome,
                message=plan.message[:2000],
                proposal=plan.values.get("proposal") or (plan.record.proposal if plan.record else None),
            )
            for plan in plans
        ),
        batch_size=2000,
    )
    counts = {outcome: 0 for outcome in Outcome.values}
    for plan in plans:
        counts[plan.outcome] += 1
    job.created_count = counts[Outcome.CREATE]
    job.updated_count = counts[Outcome.UPDATE]
    job.unchanged_count = counts[Outcome.UNCHANGED]
    job.refused_count = counts[Outcome.REFUSED]
