import csv
import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from reformbank.spreadsheets import spreadsheet_safe
from reformbank.views import form_submit

from . import permissions, selectors, services
from .forms import DeleteAccountForm


@require_GET
def privacy_page(request):
    return render(request, "privacy/page.html", {"audit_years": settings.AUDIT_RETENTION_YEARS})


@require_GET
@login_required
def data_download(request):
    data = selectors.member_data(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mina-uppgifter.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def account_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        submission = form_submit(form, lambda data: services.member_delete(user=request.user))
        if submission:
            logout(request)
            messages.success(request, _("Ditt konto är raderat. Tack för din tid i Reformbanken."))
            return redirect("privacy:page")
        return render(request, "privacy/delete.html", {"form": form}, status=submission.status)
    return render(request, "privacy/delete.html", {"form": form})


REGISTER_COLUMNS = [
    "id",
    "namn",
    "e-post",
    "hemkommun",
    "verifierad",
    "roller",
    "medlem sedan",
    "senast inloggad",
]


@require_GET
@login_required
def register_export(request):
    if not permissions.can_export_register(request.viewer):
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="medlemsregister-{timezone.localdate().isoformat()}.csv"'
    )
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # so that Excel reads the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(REGISTER_COLUMNS)
    for user in selectors.register_rows():
        roles = [_("administratör")] if user.is_superuser else []
        roles += [
            _("redaktör, %(district)s") % {"district": role.district.name} for role in user.editor_roles.all()
        ]
        writer.writerow(
            [
                user.pk,
                spreadsheet_safe(user.display_name),
                spreadsheet_safe(user.email),
                user.home_place.name if user.home_place_id else "",
                _("ja") if user.verified else _("nej"),
                spreadsheet_safe("; ".join(roles)),
                timezone.localtime(user.date_joined).strftime("%Y-%m-%d %H:%M"),
                timezone.localtime(user.last_login).strftime("%Y-%m-%d %H:%M") if user.last_login else "",
            ]
        )
    return response
