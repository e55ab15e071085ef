"""The API's documentation page: what the API offers, in the site's own layout and language. (django-ninja's
Swagger page loads its scripts from a CDN unless ninja is an installed app, and is a whole JavaScript
application to keep valid and accessible.) The routes come from the published schema, so the page lists
exactly what the API answers."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from .api import api
from .paging import MAX_DEPTH, MAX_PAGE_SIZE
from .throttling import rate_limit

# What each route gives, for a Swedish reader (the schema describes them in English for developers).
ROUTE_TEXTS = {
    "/places": _("Kommunerna i Stockholms län och Region Stockholm, med koden som filtret på kommun tar."),
    "/districts": _("De två partidistrikten, med koden som filtret på distrikt tar."),
    "/policy-areas": _("Sakområdena, med kortnamnet som filtret på sakområde tar."),
    "/tags": _("Taggarna på idéerna, med hur många idéer som har var och en."),
    "/ideas": _(
        "Idéerna, med idélistans filter: q (sökord), place, district, area, tag, status, has_supports och sort."
    ),
    "/ideas/{id}": _("En idé med statushistorik och synliga kommentarer."),
    "/agendas": _("De publicerade reformagendorna, var och en i den senaste version som alla får läsa."),
    "/agendas/{id}/versions": _("En reformagendas publicerade versioner, nyast först."),
    "/agendas/{id}/versions/{number}": _(
        "En version av en reformagenda: berättelsen, reformriktningarna och punkterna med sina idéer."
    ),
}


@require_GET
def docs(request):
    schema = api.get_openapi_schema()
    root = api.get_root_path({})
    routes = [
        {
            "path": path.removeprefix(root.rstrip("/")),
            "text": ROUTE_TEXTS.get(path.removeprefix(root.rstrip("/")), ""),
        }
        for path in schema["paths"]
    ]
    return render(
        request,
        "api/docs.html",
        {
            "routes": routes,
            "root": root.rstrip("/"),
            "rate": rate_limit(),
            "max_page_size": MAX_PAGE_SIZE,
            "max_depth": MAX_DEPTH,
        },
    )
