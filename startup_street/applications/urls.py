from django.urls import path

from . import views

app_name = "applications"
urlpatterns = [
    path("", views.my_applications, name="mine"),
    path("apply/<int:call_id>/", views.apply, name="apply"),
    path("<int:pk>/", views.application_detail, name="detail"),
    path("<int:pk>/autosave/", views.autosave, name="autosave"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/files/<int:question_id>/", views.upload, name="upload"),
    path("<int:pk>/attachments/<int:attachment_id>/", views.download, name="download"),
    path("calls/<int:call_id>/", views.call_applications, name="call_applications"),
    path("calls/<int:call_id>/form/", views.form_builder, name="form_builder"),
    path(
        "calls/<int:call_id>/form/<int:question_id>/",
        views.question_edit,
        name="question_edit",
    ),
    path(
        "calls/<int:call_id>/form/<int:question_id>/delete/",
        views.question_delete,
        name="question_delete",
    ),
    path(
        "calls/<int:call_id>/form/<int:question_id>/move/",
        views.question_move,
        name="question_move",
    ),
]
