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
    path("<int:pk>/decide/", views.decide, name="decide"),
    path("<int:pk>/files/<int:question_id>/", views.upload, name="upload"),
    path("<int:pk>/attachments/<int:attachment_id>/", views.download, name="download"),
    path("calls/<int:call_id>/", views.call_applications, name="call_applications"),
    path("calls/<int:call_id>/form/", views.form_builder, name="form_builder"),
]
