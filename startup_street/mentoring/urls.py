from django.urls import path

from . import views

app_name = "mentoring"
urlpatterns = [
    path("", views.my_mentorships, name="mine"),
    path("profile/", views.mentor_profile, name="profile"),
    path("<int:pk>/", views.mentorship_detail, name="detail"),
    path("sessions/<int:pk>/feedback/", views.feedback, name="feedback"),
    path("sessions/<int:pk>/cancel/", views.cancel_session, name="cancel_session"),
    path("sessions/<int:pk>/invitation.ics", views.session_ics, name="session_ics"),
    path("match/<slug:org_slug>/", views.match, name="match"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/progress/", views.run_progress, name="run_progress"),
    path(
        "runs/<int:pk>/<str:action>/",
        views.run_edit,
        name="run_edit",
    ),
    path("bids/", views.bids, name="bids"),
    path("preferences/<slug:slug>/", views.founder_preferences, name="preferences"),
]
