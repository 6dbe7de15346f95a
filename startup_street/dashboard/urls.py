from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("indicators.<str:fmt>", views.export, name="export"),
    path("report.pdf", views.report, name="report"),
    path("open-data.csv", views.open_data, name="open_data"),
    path("outcomes/", views.outcomes_to_verify, name="outcomes"),
]
