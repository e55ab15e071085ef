from django.urls import path

from . import views
from .feeds import AgendaVersionFeed

app_name = "agenda"

urlpatterns = [
    path("", views.agenda_list, name="list"),
    path("ny/", views.agenda_create, name="create"),
    path("fora-in/<int:proposal_pk>/", views.promote, name="promote"),
    path("<int:pk>/", views.agenda_detail, name="detail"),
    path("<int:pk>/flode/", AgendaVersionFeed(), name="feed"),
    path("<int:pk>/bevaka/", views.agenda_follow, name="follow"),
    path("<int:pk>/berattelse/", views.narrative_edit, name="narrative"),
    path("<int:pk>/riktningar/ny/", views.section_add, name="section_add"),
    path("<int:pk>/riktningar/<uuid:key>/", views.section_edit, name="section_edit"),
    path("<int:pk>/punkter/ny/", views.point_add, name="point_add"),
    path("<int:pk>/punkter/<uuid:key>/", views.point_edit, name="point_edit"),
    path("<int:pk>/punkter/<uuid:key>/sla-ihop/", views.point_merge, name="point_merge"),
    path("<int:pk>/punkter/<uuid:key>/dela/", views.point_split, name="point_split"),
    path("<int:pk>/section/<uuid:key>/move/", views.section_move, name="section_move"),
    path("<int:pk>/section/<uuid:key>/remove/", views.section_remove, name="section_remove"),
    path("<int:pk>/point/<uuid:key>/move/", views.point_move, name="point_move"),
    path("<int:pk>/point/<uuid:key>/remove/", views.point_remove, name="point_remove"),
    path("<int:pk>/versioner/", views.history, name="history"),
    path("<int:pk>/versioner/<int:number>/", views.version_detail, name="version"),
    path("<int:pk>/versioner/<int:number>/aterstall/", views.restore, name="restore"),
    path("<int:pk>/versioner/<int:number>/<str:fmt>/", views.export, name="export"),
    path("<int:pk>/jamfor/", views.compare, name="compare"),
    path("<int:pk>/process/remiss/", views.consultation_start, name="consultation_start"),
    path("<int:pk>/process/utkast/", views.back_to_draft, name="back_to_draft"),
    path("<int:pk>/process/godkann/", views.approve, name="approve"),
    path("<int:pk>/process/forslag/", views.propose, name="propose"),
    path("<int:pk>/process/anta/", views.adopt, name="adopt"),
    path("<int:pk>/process/nytt-utkast/", views.new_draft, name="new_draft"),
    path("<int:pk>/yrkanden/", views.amendments, name="amendments"),
    path("<int:pk>/yrkanden/<int:amendment_pk>/", views.amendment_answer, name="amendment_answer"),
]
