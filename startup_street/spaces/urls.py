from django.urls import path

from . import views

app_name = "spaces"
urlpatterns = [
    path("", views.space_list, name="list"),
    path("mine/", views.my_bookings, name="mine"),
    path("manage/", views.manage, name="manage"),
    path("bookings/<int:pk>/", views.booking_detail, name="booking"),
    path("bookings/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("bookings/<int:pk>/approve/", views.approve, name="approve"),
    path("bookings/<int:pk>/decline/", views.decline, name="decline"),
    path("bookings/<int:pk>/plan/", views.submit_plan, name="plan"),
    path("plans/<int:pk>/decide/", views.decide_plan, name="decide_plan"),
    path("plans/<int:pk>/result/", views.record_result, name="result"),
    path("files/<int:pk>/", views.download, name="download"),
    path("series/<int:pk>/reconfirm/", views.reconfirm, name="reconfirm"),
    path("waitlist/<int:pk>/accept/", views.accept_offer, name="accept_offer"),
    path("waitlist/<int:pk>/leave/", views.leave_waitlist, name="leave_waitlist"),
    path("entitlements/<int:pk>/top-up/", views.top_up, name="top_up"),
    path("entitlements/<int:pk>/revoke/", views.revoke, name="revoke"),
    path("blocks/<int:pk>/remove/", views.unblock, name="unblock"),
    path("<slug:slug>/", views.space_detail, name="detail"),
    path("<slug:slug>/availability/", views.availability, name="availability"),
    path("<slug:slug>/book/", views.book, name="book"),
    path("<slug:slug>/waitlist/", views.join_waitlist, name="waitlist"),
    path("<slug:slug>/block/", views.block, name="block"),
]
