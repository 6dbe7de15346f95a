from django.conf import settings
from django.utils import timezone, translation

from .timezones import get_zone

TIME_ZONE_COOKIE = "street_tz"


class UserPreferencesMiddleware:
    """Activate the viewer's time zone, and a signed-in user's preferred language.

    A language chosen with the switcher (cookie) wins for anonymous visitors; for users the
    switcher also saves the choice on their profile, so the profile is the single source.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            zone_name = user.time_zone
            if user.preferred_language and not request.path.startswith("/i18n/"):
                translation.activate(user.preferred_language)
                request.LANGUAGE_CODE = translation.get_language()
        else:
            zone_name = request.COOKIES.get(TIME_ZONE_COOKIE, settings.DEFAULT_USER_TIME_ZONE)
        request.time_zone = get_zone(zone_name)
        timezone.activate(request.time_zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class ContentSecurityPolicyMiddleware:
    """A strict CSP: no inline script or style anywhere in the product."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/v1/docs"):
            return response  # the interactive API docs page ships its own inline bootstrap
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


class RequestSizeLimitMiddleware:
    """Refuse a body larger than the largest upload from its Content-Length, before anything
    (the CSRF check included) reads it: a 300 MB upload is never streamed in to be refused."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.ATTACHMENT_MAX_BYTES + settings.REQUEST_OVERHEAD_BYTES
        if length > limit:
            from django.http import HttpResponse, JsonResponse
            from django.utils.translation import gettext as _

            message = _("The request is larger than %(limit)d MB.") % {
                "limit": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)
            }
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=413)
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
