from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import two_factor

# Doors a signed-in person needs before giving their code (or to leave).
OPEN_PREFIXES = ("/accounts/two-factor/verify/", "/accounts/logout/", "/static/", "/i18n/")


class TwoFactorMiddleware:
    """A password alone opens nothing for an enrolled account: until the session gives a code,
    pages answer with the code form and the API through the session with 401. With
    ``TWO_FACTOR_REQUIRED_FOR_ADMIN`` the admin also waits for enrolment itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        request.two_factor_enrolled = False
        if not user.is_authenticated or request.path.startswith(OPEN_PREFIXES):
            return self.get_response(request)
        enrolled = two_factor.enrolled_in_session(request.session, user)
        request.two_factor_enrolled = enrolled
        if enrolled and not user.is_verified():
            refusal = self._ask_for_code(request)
            if refusal is not None:
                return refusal
        if not enrolled and self._admin_needs_enrolment(request):
            return redirect("accounts:two_factor")
        return self.get_response(request)

    @staticmethod
    def _ask_for_code(request):
        if request.path.startswith("/api/"):
            if "HTTP_AUTHORIZATION" in request.META:
                return None  # a personal token is its own credential
            detail = _("Give your two-factor code first.")
            return JsonResponse({"detail": detail}, status=401)
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('accounts:two_factor_verify')}?{query}")

    @staticmethod
    def _admin_needs_enrolment(request) -> bool:
        return (
            settings.TWO_FACTOR_REQUIRED_FOR_ADMIN
            and request.path.startswith("/admin/")
            and request.user.is_staff
        )
