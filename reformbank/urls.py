from django.contrib import admin
from django.urls import include, path

from members.views import language_set
from proposals.views import home

urlpatterns = [
    path("", home, name="home"),
    path("ideer/", include("proposals.urls")),
    path("agenda/", include("agenda.urls")),
    path("medlem/", include("members.urls")),
    path("konto/", include("allauth.urls")),
    path("i18n/setlang/", language_set, name="set_language"),  # also keeps a member's choice for their emails
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
