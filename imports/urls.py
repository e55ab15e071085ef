from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.job_detail, name="job"),
    path("<int:pk>/kolumner/", views.job_map, name="map"),
    path("<int:pk>/importera/", views.job_run, name="run"),
    path("<int:pk>/status/", views.job_progress, name="progress"),
    path("<int:pk>/rapport.csv", views.job_report, name="report"),
]
