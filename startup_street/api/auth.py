from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, django_auth

from startup_street.accounts.models import TokenScope
from startup_street.accounts.services import live_token

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class PersonalToken(HttpBearer):
    """``Authorization: Bearer ss_...``: a personal token made on the profile page."""

    def authenticate(self, request, token):
        found = live_token(token)
        if found is None:
            raise AuthenticationError(401, _("The token is unknown, revoked or expired."))
        if found.scope != TokenScope.WRITE and request.method not in SAFE_METHODS:
            raise PermissionDenied(_("This token may only read."))
        request.user = found.user
        return found.user


def anonymous(request):
    return AnonymousUser()


token_auth = PersonalToken()
SIGNED_IN = [token_auth, django_auth]
ANYONE = [token_auth, django_auth, anonymous]
