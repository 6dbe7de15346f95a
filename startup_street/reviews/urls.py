from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("", views.my_reviews, name="mine"),
    path("<int:pk>/", views.review_detail, name="detail"),
    path("<int:pk>/conflict/", views.declare_conflict, name="declare_conflict"),
    path("<int:pk>/attachments/<int:attachment_id>/", views.review_attachment, name="attachment"),
    path("calls/<int:call_id>/", views.manage, name="manage"),
    path("calls/<int:call_id>/settings/", views.rubric_settings, name="rubric"),
    path("calls/<int:call_id>/auto-assign/", views.run_auto_assign, name="auto_assign"),
    path("calls/<int:call_id>/assign/", views.manual_assign, name="assign"),
    path("calls/<int:call_id>/assignments/<int:pk>/remove/", views.unassign, name="unassign"),
    path("calls/<int:call_id>/stakes/", views.record_stake, name="stake"),
    path("calls/<int:call_id>/export/", views.export_reviews, name="export"),
    path("applications/<int:pk>/history/", views.application_history, name="history"),
]
