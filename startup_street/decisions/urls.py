"""Decision pages, at the addresses they always had (under applications/ and reviews/)."""

from django.urls import path

from . import views

app_name = "decisions"
urlpatterns = [
    path("applications/<int:pk>/decide/", views.decide, name="decide"),
    path("reviews/calls/<int:call_id>/decisions/", views.decisions, name="decisions"),
    path("reviews/calls/<int:call_id>/decisions/bulk/", views.decide_many, name="decide_many"),
    path(
        "reviews/calls/<int:call_id>/decisions/waitlist/",
        views.promote_waitlist,
        name="waitlist",
    ),
    path("reviews/calls/<int:call_id>/decisions/hold/", views.hold, name="hold"),
    path("reviews/calls/<int:call_id>/decisions/release/", views.release, name="release"),
    path("reviews/calls/<int:call_id>/quotas/", views.set_quota, name="quota"),
    path("reviews/calls/<int:call_id>/cohort/", views.form_cohort, name="cohort"),
    path("reviews/calls/<int:call_id>/notices/", views.send_notice, name="notice"),
]
