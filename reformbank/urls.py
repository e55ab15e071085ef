from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from members.views import language_set
from proposals.views import home

urlpatterns = [
    path("", home, name="home"),
    path("ideer/", include("proposals.urls")),
    path("agenda/", include("agenda.urls")),
    path("ideinsamlingar/", include("rounds.urls")),
    path("import/", include("imports.urls")),
    path("moderering/", include("moderation.urls")),
    path("i-praktiken/", include("practice.urls")),
    path("moten/", include("meetings.urls")),
    path("api/", include("api.urls")),
    path("integritet/", include("privacy.urls")),
    path("forankring/", include("anchoring.urls")),
    path("medlem/", include("members.urls")),
    path("konto/", include("allauth.urls")),
    path("i18n/setlang/", language_set, name="set_language"),  # also keeps a member's choice for their emails
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # Browsers and crawlers ask for /favicon.ico whatever the pages link; the static file has a hashed name.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("favicon.svg"))),
]
