from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, django_auth

from startup_street.accounts.services import user_for_token


class PersonalToken(HttpBearer):
    """``Authorization: Bearer ss_...``: a personal token made on the profile page."""

    def authenticate(self, request, token):
        user = user_for_token(token)
        if user is None:
            raise AuthenticationError(401, _("The token is unknown, revoked or expired."))
        request.user = user
        return user


def anonymous(request):
    return AnonymousUser()


token_auth = PersonalToken()
SIGNED_IN = [token_auth, django_auth]
ANYONE = [token_auth, django_auth, anonymous]
