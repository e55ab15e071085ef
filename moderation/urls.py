from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("anmal/ide/<int:pk>/", views.report_proposal, name="report_proposal"),
    path("anmal/kommentar/<int:pk>/", views.report_comment, name="report_comment"),
    path("anmalningar/<int:pk>/", views.report_detail, name="report"),
    path("anmalningar/<int:pk>/avfarda/", views.report_dismiss, name="dismiss"),
    path("anmalningar/<int:pk>/dolj/", views.report_hide, name="hide"),
    path("anmalningar/<int:pk>/be-om-andring/", views.report_ask_change, name="ask_change"),
    path("ideer/<int:pk>/visa/", views.proposal_unhide, name="proposal_unhide"),
    path("kommentarer/<int:pk>/visa/", views.comment_unhide, name="comment_unhide"),
    path("logg/", views.audit_log, name="log"),
    path("logg/csv/", views.audit_log_csv, name="log_csv"),
]
