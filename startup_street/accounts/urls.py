from django.contrib.auth import views as auth_views
from django.urls import path

from . import two_factor_views, views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("signup/", views.signup, name="signup"),
    path("signup/sent/", views.signup_sent, name="signup_sent"),
    path("verify/<uidb64>/<token>/", views.verify_email, name="verify_email"),
    path("verify/again/", views.resend_verification, name="resend_verification"),
    path("profile/", views.profile, name="profile"),
    path("tokens/", views.token_create, name="token_create"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("two-factor/", two_factor_views.two_factor_page, name="two_factor"),
    path("two-factor/setup/", two_factor_views.two_factor_setup, name="two_factor_setup"),
    path("two-factor/verify/", two_factor_views.two_factor_verify, name="two_factor_verify"),
    path(
        "two-factor/recovery-codes/",
        two_factor_views.two_factor_recovery_codes,
        name="two_factor_recovery_codes",
    ),
    path("two-factor/disable/", two_factor_views.two_factor_disable, name="two_factor_disable"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path("password-reset/sent/", views.password_reset_done, name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("password-reset/done/", views.password_reset_complete, name="password_reset_complete"),
]
