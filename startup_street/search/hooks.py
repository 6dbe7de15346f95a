"""The staff search follows startups (the one searchable model below search)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from startup_street.startups.models import Startup
from startup_street.startups.selectors import startups_visible_to

from . import services
from .kinds import Kind, register


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        services.index_startup(instance)


def _sectors_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Startup):
        services.index_startup(instance)


def _deleted(sender, instance, **kwargs):
    services.remove_entry(services.STARTUP, instance.pk)


def _visible_startups(user, ids: list[int]) -> dict:
    return startups_visible_to(user).filter(pk__in=ids).in_bulk()


def connect() -> None:
    uid = "search.startup"
    post_save.connect(_saved, sender=Startup, dispatch_uid=f"{uid}.saved")
    m2m_changed.connect(
        _sectors_changed, sender=Startup.sectors.through, dispatch_uid=f"{uid}.sectors"
    )
    post_delete.connect(_deleted, sender=Startup, dispatch_uid=f"{uid}.deleted")
    register(
        Kind(
            services.STARTUP,
            "startups",
            services.reindex_startups,
            count=Startup.objects.count,
            visible=_visible_startups,
        )
    )
