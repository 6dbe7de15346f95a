from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from startup_street.core.ratelimit import client_address, hit

from . import services, verification
from .forms import ApiTokenForm, LoginForm, ProfileForm, SignupForm
from .lockout import normalise_email

HOUR = 3600


def _too_many(form):
    form.add_error(None, _("Too many attempts from here. Wait an hour and try again."))


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


def signup(request):
    """The same answer whether or not the address has an account (see ``verification``)."""
    if request.user.is_authenticated:
        return redirect("core:home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and not hit(
        scope="signup", key=client_address(request), limit=settings.SIGNUP_RATE_LIMIT, period=HOUR
    ):
        _too_many(form)
        return render(request, "accounts/signup.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        verification.sign_up(
            email=data["email"],
            password=data["password1"],
            display_name=data["display_name"],
            preferred_language=data["preferred_language"],
            time_zone=data["time_zone"],
            verify_url=partial(_absolute, request, "accounts:verify_email"),
            login_url=request.build_absolute_uri(reverse("accounts:login")),
        )
        return redirect("accounts:signup_sent")
    return render(request, "accounts/signup.html", {"form": form})


def signup_sent(request):
    return render(request, "accounts/signup_sent.html")


def _absolute(request, name: str, *args) -> str:
    return request.build_absolute_uri(reverse(name, args=args))


@require_http_methods(["GET", "POST"])
def verify_email(request, uidb64: str, token: str):
    """GET shows the address and a button (GET never writes); POST confirms it."""
    link_user = verification.user_for_link(uidb64, token)
    if request.method == "POST" and link_user is not None:
        verification.verify_email(user=link_user)
        messages.success(request, _("Your e-mail address is confirmed."))
        return redirect("core:home" if request.user.is_authenticated else "accounts:login")
    status = 200 if link_user else 404
    return render(request, "accounts/verify_email.html", {"link_user": link_user}, status=status)


@login_required
@require_POST
def resend_verification(request):
    user = request.user
    if user.email_verified:
        messages.info(request, _("Your e-mail address is already confirmed."))
    elif not hit(scope="verify-resend", key=str(user.pk), limit=3, period=HOUR):
        messages.error(request, _("Too many attempts from here. Wait an hour and try again."))
    else:
        verification.send_verification(
            user=user, verify_url=partial(_absolute, request, "accounts:verify_email")
        )
        messages.success(request, _("We sent the link again to %(email)s.") % {"email": user.email})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("accounts:profile")
    return redirect(target)


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_profile(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile was saved."))
        return redirect("accounts:profile")
    tokens = services.tokens_of(request.user)
    context = {
        "form": form,
        "tokens": tokens,
        "token_form": ApiTokenForm(),
        "follows": request.user.program_follows.select_related("program"),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def token_create(request):
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("Give the token a name of at most 80 characters, a scope and a lifetime.")
        )
        return redirect("accounts:profile")
    token, raw = services.create_api_token(user=request.user, **form.cleaned_data)
    return render(request, "accounts/token_created.html", {"token": token, "raw": raw})


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(request.user.api_tokens, pk=pk, revoked_at__isnull=True)
    services.revoke_api_token(token=token)
    messages.success(request, _("The token was revoked."))
    return redirect("accounts:profile")


class PasswordResetView(auth_views.PasswordResetView):
    """At most PASSWORD_RESET_RATE_LIMIT requests an hour per client and per address."""

    def form_valid(self, form):
        limit = settings.PASSWORD_RESET_RATE_LIMIT
        email = normalise_email(form.cleaned_data["email"])
        by_client = hit(scope="reset", key=client_address(self.request), limit=limit, period=HOUR)
        by_address = hit(scope="reset-email", key=email, limit=limit, period=HOUR)
        if not (by_client and by_address):
            _too_many(form)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


password_reset = PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    email_template_name="accounts/email/password_reset.txt",
    subject_template_name="accounts/email/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
