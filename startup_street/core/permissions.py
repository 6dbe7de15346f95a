"""The one access helper services call: ``require(user, "app.perm", obj)``.

Permissions are ``rules`` predicates registered as named permissions (``rules_permissions`` on a
model, or ``rules.add_perm`` in an app's ``rules.py``); a service asks for one by name and a refusal
is always the same translated ``PermissionDenied``, whichever door it came through."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def denied() -> PermissionDenied:
    return PermissionDenied(_("You are not allowed to do this."))


def require(user, perm: str, obj=None) -> None:
    """Raise ``PermissionDenied`` unless ``user`` has ``perm`` (on ``obj``)."""
    if user is None or not user.has_perm(perm, obj):
        raise denied()
