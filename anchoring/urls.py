from django.urls import path

from . import views

app_name = "anchoring"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("csv/", views.dashboard_csv, name="csv"),
]
