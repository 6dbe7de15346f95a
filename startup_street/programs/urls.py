from django.urls import path

from . import feeds, views

app_name = "programs"
urlpatterns = [
    path("", views.program_list, name="list"),
    path("eligible/", views.eligible_programs, name="eligible"),
    path("saved-searches/", views.saved_searches, name="saved_searches"),
    path("saved-searches/new/", views.saved_search_create, name="saved_search_create"),
    path("saved-searches/<int:pk>/delete/", views.saved_search_delete, name="saved_search_delete"),
    path("feeds/new-calls.rss", feeds.NewCallsFeed(), name="feed_rss"),
    path("feeds/new-calls.atom", feeds.NewCallsAtomFeed(), name="feed_atom"),
    path("feeds/deadlines/<str:token>.ics", views.deadlines_ics, name="deadlines_ics"),
    path("new/<slug:org_slug>/", views.program_create, name="create"),
    path("<slug:slug>/", views.program_detail, name="detail"),
    path("<slug:slug>/edit/", views.program_edit, name="edit"),
    path("<slug:slug>/follow/", views.follow, name="follow"),
    path("<slug:slug>/calls/new/", views.call_edit, name="call_create"),
    path("<slug:slug>/calls/<int:pk>/edit/", views.call_edit, name="call_edit"),
]
