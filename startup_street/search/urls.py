from django.urls import path

from . import views

app_name = "search"
urlpatterns = [path("people/", views.people_search, name="people")]
