from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .i18n import content_languages
from .middleware import TIME_ZONE_COOKIE
from .timezones import known_time_zones

COOKIE_AGE = 365 * 24 * 3600


def _next_url(request) -> str:
    target = request.POST.get("next") or request.headers.get("referer") or "/"
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else "/"


@require_POST
def switch_language(request):
    """Language switcher: a cookie for everyone, and the profile for signed-in users."""
    language = request.POST.get("language", "")
    response = HttpResponseRedirect(_next_url(request))
    if language not in content_languages():
        return response
    if request.user.is_authenticated and request.user.preferred_language != language:
        request.user.preferred_language = language
        request.user.save(update_fields=["preferred_language"])
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=COOKIE_AGE,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
    )
    return response


@require_POST
def switch_time_zone(request):
    zone = request.POST.get("time_zone", "")
    response = HttpResponseRedirect(_next_url(request))
    if zone not in known_time_zones():
        return response
    if request.user.is_authenticated:
        request.user.time_zone = zone
        request.user.save(update_fields=["time_zone"])
    response.set_cookie(TIME_ZONE_COOKIE, zone, max_age=COOKIE_AGE, samesite="Lax")
    return response
