import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from reformbank.spreadsheets import Echo, spreadsheet_safe
from reformbank.views import form_submit, require

from . import permissions, selectors, services
from .forms import MappingForm, UploadForm
from .models import ImportJob, ImportRowResult

PREVIEW_ROWS = 3
PREVIEW_CHARS = 60


@login_required
def upload(request):
    require(permissions.can_import(request.viewer))
    districts = permissions.import_districts(request.viewer)
    status = 200
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, districts=districts)
        submitted = form_submit(
            form,
            lambda data: services.import_job_create(
                editor=request.user,
                district=data["district"],
                file_name=data["file"].name,
                table=data["table"],
                submission_key=data["submission_key"],
            ),
        )
        if submitted:
            return redirect(submitted.result)
        status = submitted.status
    else:
        form = UploadForm(districts=districts)
    jobs = selectors.jobs_recent(request.viewer)
    return render(request, "imports/upload.html", {"form": form, "jobs": jobs}, status=status)


def _preview(job: ImportJob) -> list[list[str]]:
    """The file's first rows, cut short, picked out of the stored rows by the database (not all of them read)."""
    rows = ImportJob.objects.filter(pk=job.pk).values_list(*(f"rows__{i}" for i in range(PREVIEW_ROWS))).get()
    return [
        [cell if len(cell) <= PREVIEW_CHARS else cell[: PREVIEW_CHARS - 1] + "…" for cell in row[1]]
        for row in rows
        if row
    ]


def _job_page(request, job: ImportJob, *, mapping_form=None, status=200):
    context = {"job": job, "states": ImportJob.State}
    if job.state in {ImportJob.State.UPLOADED, ImportJob.State.CHECKED, ImportJob.State.FAILED}:
        context["mapping_form"] = mapping_form or MappingForm(
            header=job.header, initial={name: str(index) for name, index in job.mapping.items()}
        )
        context["preview"] = _preview(job) if job.state != ImportJob.State.CHECKED or mapping_form else []
    if job.state in {ImportJob.State.CHECKED, ImportJob.State.DONE}:
        refused_only = request.GET.get("visa") == "nekade"
        context["results"] = selectors.results_page(
            job, page_number=request.GET.get("page"), refused_only=refused_only
        )
        context["refused_only"] = refused_only
    return render(request, "imports/job.html", context, status=status)


@login_required
@require_GET
def job_detail(request, pk):
    job = selectors.job_for_viewer(pk, request.viewer)
    return _job_page(request, job)


@login_required
@require_POST
def job_map(request, pk):
    job = selectors.job_for_viewer(pk, request.viewer)
    form = MappingForm(request.POST, header=job.header)
    submitted = form_submit(
        form, lambda data: services.import_job_map(job=job, editor=request.user, mapping=form.mapping())
    )
    if submitted:
        messages.success(request, _("Provkörningen är klar. Inget har ändrats ännu – se resultatet nedan."))
        return redirect(submitted.result)
    if submitted.error is not None:  # the import started meanwhile: its page shows where it stands
        messages.error(request, str(submitted.error))
        return redirect(job)
    return _job_page(request, job, mapping_form=form, status=submitted.status)


@login_required
@require_POST
def job_run(request, pk):
    job = selectors.job_for_viewer(pk, request.viewer)
    try:
        started = services.import_job_start(job=job)
    except services.ImportStateError as error:
        messages.error(request, str(error))
        return redirect(job)
    if started:
        messages.success(request, _("Importen har startat."))
    else:
        messages.info(request, _("Importen är redan startad."))
    return redirect(job)


@login_required
@require_GET
def job_progress(request, pk):
    return JsonResponse(selectors.job_progress(pk, request.viewer))


@login_required
@require_GET
def job_report(request, pk):
    job = selectors.job_for_viewer(pk, request.viewer)
    outcomes = dict(ImportRowResult.Outcome.choices)
    writer = csv.writer(Echo(), delimiter=";")

    def lines():
        yield "\ufeff" + writer.writerow([_("Rad"), _("Rubrik"), _("Resultat"), _("Orsak"), _("Idé")])
        for number, title, outcome, message, proposal_id in selectors.results_all(job):
            link = (
                request.build_absolute_uri(reverse("proposals:detail", args=[proposal_id]))
                if proposal_id
                else ""
            )
            yield writer.writerow(
                [number, spreadsheet_safe(title), str(outcomes[outcome]), spreadsheet_safe(message), link]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="importrapport-{job.pk}.csv"'
    return response
