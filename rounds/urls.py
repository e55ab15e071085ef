from django.urls import path

from . import views
from .feeds import RoundFeed

app_name = "rounds"

urlpatterns = [
    path("", views.round_list, name="list"),
    path("ny/", views.round_create, name="create"),
    path("<slug:slug>/", views.round_detail, name="detail"),
    path("<slug:slug>/redigera/", views.round_edit, name="edit"),
    path("<slug:slug>/stang/", views.round_close, name="close"),
    path("<slug:slug>/skicka-in/", views.round_submit, name="submit"),
    path("<slug:slug>/flode/", RoundFeed(), name="feed"),
    path("<slug:slug>/bevaka/", views.round_follow, name="follow"),
]
