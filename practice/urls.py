from django.urls import path

from . import views

app_name = "practice"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("matris/", views.matrix, name="matrix"),
    path("kommun/<str:code>/", views.place_detail, name="place"),
    path("ide/<int:pk>/registrera/", views.implementation_choose, name="implementation_choose"),
    path("ide/<int:pk>/plats/<str:code>/", views.implementation_detail, name="implementation"),
    path("ide/<int:pk>/driver/", views.proposal_carry, name="carry"),
    path("uppdrag/", views.assignments, name="assignments"),
    path("uppdrag/<int:pk>/bekrafta/", views.assignment_confirm, name="assignment_confirm"),
    path("uppdrag/<int:pk>/ta-bort/", views.assignment_remove, name="assignment_remove"),
    path("fortroendevalda/<int:pk>/", views.representative, name="representative"),
]
