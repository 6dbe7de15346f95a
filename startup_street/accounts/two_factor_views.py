"""Two-factor pages: set up (QR code, key, first code, recovery codes), give a code after the
password, new recovery codes, and turn it off. See ``two_factor`` for the rules."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from startup_street.core.ratelimit import client_address, hit

from . import two_factor
from .forms import TwoFactorCodeForm

WINDOW = 15 * 60


def _verified_or_new(request) -> bool:
    """Changing two-factor settings needs a session that gave a code, once enrolled."""
    return not request.two_factor_enrolled or request.user.is_verified()


@login_required
def two_factor_page(request):
    context = {
        "enrolled": request.two_factor_enrolled,
        "codes_left": two_factor.recovery_codes_left(request.user),
        "form": TwoFactorCodeForm(),
    }
    return render(request, "accounts/two_factor.html", context)


@login_required
@require_POST
def two_factor_setup(request):
    """Start (``start``) or confirm (a code) the authenticator; POST only, as it writes."""
    if not _verified_or_new(request):
        return redirect("accounts:two_factor_verify")
    form = TwoFactorCodeForm(request.POST if "code" in request.POST else None)
    device = two_factor.pending_device(request.user)
    if device is None or "start" in request.POST:
        device = two_factor.start_enrolment(user=request.user)
    elif form.is_valid() and _allowed(request):
        codes = two_factor.confirm_enrolment(request=request, token=form.cleaned_data["code"])
        if codes is not None:
            messages.success(request, _("Two-factor sign-in is on."))
            return render(request, "accounts/two_factor_codes.html", {"codes": codes})
        form.add_error("code", _("That code is not right. Try the newest code in the app."))
    elif form.is_valid():
        form.add_error(None, _("Too many codes tried. Wait a quarter of an hour."))
    context = {
        "form": form,
        "qr": two_factor.qr_svg(device),
        "secret": two_factor.secret_of(device),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    target = request.POST.get("next") or request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse(settings.LOGIN_REDIRECT_URL)
    form = TwoFactorCodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if not _allowed(request):
            form.add_error(None, _("Too many codes tried. Wait a quarter of an hour."))
            status = 429
        elif two_factor.verify(request=request, token=form.cleaned_data["code"]):
            return redirect(target)
        else:
            form.add_error("code", _("That code is not right."))
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": target}, status=status
    )


@login_required
@require_POST
def two_factor_recovery_codes(request):
    if not request.two_factor_enrolled or not request.user.is_verified():
        return redirect("accounts:two_factor")
    codes = two_factor.new_recovery_codes(user=request.user)
    return render(request, "accounts/two_factor_codes.html", {"codes": codes})


@login_required
@require_POST
def two_factor_disable(request):
    """Turning it off takes a fresh code, so a session left open cannot do it alone."""
    form = TwoFactorCodeForm(request.POST)
    if not request.two_factor_enrolled:
        return redirect("accounts:two_factor")
    if not (form.is_valid() and _allowed(request)) or not two_factor.verify(
        request=request, token=form.cleaned_data["code"]
    ):
        messages.error(request, _("Two-factor sign-in stays on: the code was not right."))
        return redirect("accounts:two_factor")
    two_factor.disable(request=request)
    messages.success(request, _("Two-factor sign-in is off."))
    return redirect("accounts:two_factor")


def _allowed(request) -> bool:
    limit = settings.TWO_FACTOR_RATE_LIMIT
    by_user = hit(scope="otp", key=str(request.user.pk), limit=limit, period=WINDOW)
    by_client = hit(scope="otp-ip", key=client_address(request), limit=limit * 4, period=WINDOW)
    return by_user and by_client
