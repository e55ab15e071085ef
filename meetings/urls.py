from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("ny/", views.meeting_create, name="create"),
    path("kalender/", views.calendar_settings, name="calendar"),
    path("kalender/<str:token>.ics", views.member_calendar, name="member_calendar"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/redigera/", views.meeting_edit, name="edit"),
    path("<int:pk>/anteckningar/", views.meeting_notes, name="notes"),
    path("<int:pk>/anmal/", views.meeting_register, name="register"),
    path("<int:pk>/avanmal/", views.meeting_cancel, name="cancel"),
    path("<int:pk>/kalender.ics", views.meeting_ical, name="ical"),
]
