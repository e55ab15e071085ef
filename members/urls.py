from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("notiser/", views.notifications, name="notifications"),
    path("notiser/lasta/", views.notifications_read, name="notifications_read"),
    path("roller/", views.roles, name="roles"),
    path("roller/<int:pk>/", views.roles_update, name="roles_update"),
]
