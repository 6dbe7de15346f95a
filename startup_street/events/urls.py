from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("outcomes/<slug:startup_slug>/", views.startup_outcomes, name="outcomes"),
    path("steps/<int:pk>/", views.entry_step, name="entry_step"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/participants/", views.participants, name="participants"),
    path("<slug:slug>/participants/<int:pk>/ask/", views.send_request, name="send_request"),
    path("<slug:slug>/requests/", views.requests, name="requests"),
    path("<slug:slug>/requests/<int:pk>/answer/", views.answer, name="answer"),
    path("<slug:slug>/agenda/", views.agenda, name="agenda"),
    path("<slug:slug>/agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("<slug:slug>/agenda.pdf", views.agenda_pdf, name="agenda_pdf"),
    path("<slug:slug>/manage/", views.manage, name="manage"),
    path("<slug:slug>/manage/solve/", views.solve, name="solve"),
    path("<slug:slug>/manage/publish/", views.publish, name="publish"),
    path("<slug:slug>/manage/rules/", views.set_rule, name="set_rule"),
    path("<slug:slug>/manage/rules/<int:pk>/remove/", views.remove_rule, name="remove_rule"),
    path("<slug:slug>/registrations/<int:pk>/decide/", views.decide, name="decide"),
    path("<slug:slug>/meetings/<int:pk>/move/", views.move, name="move"),
    path("<slug:slug>/meetings/<int:pk>/unpin/", views.unpin, name="unpin"),
]
