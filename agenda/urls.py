from django.urls import path

from . import views

app_name = "agenda"

urlpatterns = [
    path("", views.agenda_list, name="list"),
    path("ny/", views.agenda_create, name="create"),
    path("fora-in/<int:proposal_pk>/", views.promote, name="promote"),
    path("<int:pk>/", views.agenda_detail, name="detail"),
    path("<int:pk>/berattelse/", views.narrative_edit, name="narrative"),
    path("<int:pk>/riktningar/ny/", views.section_edit, name="section_add"),
    path("<int:pk>/riktningar/<uuid:key>/", views.section_edit, name="section_edit"),
    path("<int:pk>/punkter/ny/", views.point_edit, name="point_add"),
    path("<int:pk>/punkter/<uuid:key>/", views.point_edit, name="point_edit"),
    path("<int:pk>/punkter/<uuid:key>/sla-ihop/", views.point_merge, name="point_merge"),
    path("<int:pk>/punkter/<uuid:key>/dela/", views.point_split, name="point_split"),
    path("<int:pk>/<str:kind>/<uuid:key>/<str:action>/", views.structure_change, name="structure"),
    path("<int:pk>/versioner/", views.history, name="history"),
    path("<int:pk>/versioner/<int:number>/", views.version_detail, name="version"),
    path("<int:pk>/versioner/<int:number>/aterstall/", views.restore, name="restore"),
    path("<int:pk>/versioner/<int:number>/<str:fmt>/", views.export, name="export"),
    path("<int:pk>/jamfor/", views.compare, name="compare"),
    path("<int:pk>/process/<str:action>/", views.process, name="process"),
    path("<int:pk>/yrkanden/", views.amendments, name="amendments"),
    path("<int:pk>/yrkanden/<int:amendment_pk>/", views.amendment_answer, name="amendment_answer"),
]
