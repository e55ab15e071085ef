from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.privacy_page, name="page"),
    path("mina-uppgifter.json", views.data_download, name="download"),
    path("radera-konto/", views.account_delete, name="delete"),
    path("register.csv", views.register_export, name="register"),
]
