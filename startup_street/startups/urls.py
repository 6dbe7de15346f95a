from django.urls import path

from . import views

app_name = "startups"
urlpatterns = [
    path("", views.startup_list, name="list"),
    path("new/", views.startup_create, name="create"),
    path("<slug:slug>/", views.startup_detail, name="detail"),
    path("<slug:slug>/edit/", views.startup_edit, name="edit"),
    path("<slug:slug>/outcomes/", views.outcome_reports, name="outcomes"),
]
