from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("i18n/language/", views.switch_language, name="switch_language"),
    path("i18n/time-zone/", views.switch_time_zone, name="switch_time_zone"),
]
