from django.urls import path

from . import views
from .api import api

app_name = "api"

urlpatterns = [
    path("v1/docs", views.docs, name="docs"),
    path("v1/", api.urls),
]
