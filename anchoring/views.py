import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from places.models import District, Place
from proposals.models import PolicyArea
from reformbank.spreadsheets import spreadsheet_safe

from . import permissions, selectors
from .charts import bar_chart
from .forms import DashboardForm
from .services import MEETING_FIGURES, PLACE_FIGURES


def _figure_names() -> dict[str, str]:
    return {
        "ideas": _("Idéer inskickade"),
        "active_members": _("Aktiva medlemmar"),
        "round_ideas": _("Idéer i idéinsamlingar"),
        "promoted": _("Idéer som lyfts in i en reformagenda"),
        "implementations": _("Genomföranden registrerade"),
        "meeting_members": _("Medlemmar på möten, efter hemkommun"),
        "meetings": _("Möten som hållits"),
        "attendance": _("Anmälda deltagare på mötena"),
    }


def _period_labels(start, kind: str) -> tuple[str, str, int]:
    """The period in full (for tables), in short (under a bar) and its year."""
    if kind == selectors.MONTHS:
        return date_format(start, "F Y"), date_format(start, "M"), start.year
    quarter = (start.month - 1) // 3 + 1
    short = _("K%(quarter)s") % {"quarter": quarter}
    return f"{short} {start.year}", short, start.year


def _scope(request):
    """The form and, when it is valid, what it selects: (form, places, districts, area, period kind)."""
    viewer = request.viewer
    if not permissions.can_view_dashboard(viewer):
        raise Http404
    districts = District.objects.filter(**permissions.visible_district_filter(viewer))
    places = Place.objects.filter(districts__in=districts).distinct()
    form = DashboardForm(
        request.GET or None,
        districts=districts,
        places=places,
        areas=PolicyArea.objects.filter(is_active=True),
    )
    if form.is_bound and not form.is_valid():
        return form, None
    data = form.cleaned_data if form.is_bound else {}
    district, place = data.get("distrikt"), data.get("kommun")
    chosen_districts = [district] if district else list(districts)
    chosen_places = list(places.filter(districts__in=chosen_districts).distinct().order_by("-kind", "name"))
    if place:
        chosen_places = [place]
        chosen_districts = [d for d in chosen_districts if d in set(place.districts.all())]
    return form, {
        "places": chosen_places,
        "districts": chosen_districts,
        "area": data.get("omrade"),
        "kind": data.get("period") or selectors.MONTHS,
    }


def _figures(scope):
    return selectors.dashboard_read(
        place_ids=[place.pk for place in scope["places"]],
        district_ids=[district.pk for district in scope["districts"]],
        area_id=scope["area"].pk if scope["area"] else None,
        kind=scope["kind"],
    )


@login_required
@require_GET
def dashboard(request):
    form, scope = _scope(request)
    if scope is None:
        return render(request, "anchoring/dashboard.html", {"form": form}, status=400)
    figures = _figures(scope)
    if figures is None:
        return render(request, "anchoring/dashboard.html", {"form": form, "scope": scope})
    names = _figure_names()
    periods = [_period_labels(start, scope["kind"]) for start in figures.periods]
    descriptions = {
        "ideas": _("Nya idéer som gäller de valda kommunerna, per period."),
        "active_members": _("Medlemmar som skickat in, stött eller kommenterat en idé, per period."),
        "round_ideas": _("Idéer som skickats in till en idéinsamling, per period."),
        "promoted": _("Idéer som för första gången blivit källa till en reformpunkt, per period."),
        "implementations": _("Motioner, beslut, försök och utvärderingar som registrerats, per period."),
        "meeting_members": _(
            "Medlemmar med en bekräftad plats på ett möte som ägt rum, efter den kommun de bor i, per period."
        ),
        "meetings": _("Möten i distrikten som redan har ägt rum, per period."),
        "attendance": _("Bekräftade anmälningar till mötena som ägt rum, per period."),
    }
    charts = [
        bar_chart(
            slug=figure,
            title=names[figure],
            description=descriptions[figure],
            periods=periods,
            values=figures.series(figure),
        )
        for figure in PLACE_FIGURES
    ] + [
        bar_chart(
            slug=figure,
            title=names[figure],
            description=descriptions[figure],
            periods=periods,
            values=figures.meeting_series(figure),
        )
        for figure in MEETING_FIGURES
    ]
    thin = selectors.thin_place_ids(figures, [place.pk for place in scope["places"]])
    place_rows = [
        {
            "place": place,
            "thin": place.pk in thin,
            "values": [figures.place_total(figure, place.pk) for figure in PLACE_FIGURES],
        }
        for place in scope["places"]
    ]
    return render(
        request,
        "anchoring/dashboard.html",
        {
            "form": form,
            "charts": charts,
            "place_rows": place_rows,
            "place_columns": [names[figure] for figure in PLACE_FIGURES],
            "counted_at": figures.counted_at,
            "scope": scope,
            "query": request.GET.urlencode(),
        },
    )


@login_required
@require_GET
def dashboard_csv(request):
    form, scope = _scope(request)
    if scope is None:
        return HttpResponse(
            "\n".join(f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    figures = _figures(scope)
    names = _figure_names()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="forankring.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Kod"), _("Kommun, region eller distrikt"), _("Period"), _("Mått"), _("Antal")])
    if figures is None:  # not counted yet: the header alone
        return response
    place_rows = [(place.code, place.name, place.pk) for place in scope["places"]]
    for code, name, key in [*place_rows, ("", _("Totalt för de valda kommunerna"), None)]:
        for figure in PLACE_FIGURES:
            counts = figures.by_place[figure].get(key, {})
            for start in figures.periods:
                writer.writerow(
                    [code, spreadsheet_safe(name), start.isoformat(), names[figure], counts.get(start, 0)]
                )
    district_rows = [(district.code, district.display_name, district.pk) for district in scope["districts"]]
    shared = ("", _("Gemensamma möten för båda distrikten"), None)
    for code, name, key in [*district_rows, shared, ("", _("Totalt för mötena"), selectors.ALL)]:
        for figure in MEETING_FIGURES:
            counts = figures.meetings[figure].get(key, {})
            for start in figures.periods:
                writer.writerow(
                    [code, spreadsheet_safe(name), start.isoformat(), names[figure], counts.get(start, 0)]
                )
    return response
