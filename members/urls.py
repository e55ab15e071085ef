from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("notiser/", views.notifications, name="notifications"),
    path("notiser/lasta/", views.notifications_read, name="notifications_read"),
    path("bevakningar/", views.follows, name="follows"),
    path("bevakningar/sluta/", views.follow_remove, name="follow_remove"),
    path("e-post/<str:token>/", views.email_settings, name="email_settings"),
    path("roller/", views.roles, name="roles"),
    path("roller/<int:pk>/", views.roles_update, name="roles_update"),
]
