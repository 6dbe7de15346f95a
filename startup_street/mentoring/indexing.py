"""Mentors' search entries for the staff search, written through the search engine's services
in the transaction that changes the profile (``connect()``, from ``MentoringConfig.ready``)."""

from collections.abc import Callable

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from startup_street.search import services
from startup_street.search.kinds import Kind, register
from startup_street.search.models import SearchEntry, SearchTerm
from startup_street.search.services import MENTOR
from startup_street.text.analysers import tokenize

from .models import MentorProfile


def index_mentor(profile: MentorProfile) -> SearchEntry:
    """A mentor's entry: name, headline, biography, expertise, languages."""
    parts = [profile.user.display_name, *(profile.headline or {}).values()]
    parts += [*(profile.bio or {}).values(), *profile.languages]
    parts += [text for sector in profile.expertise.all() for text in sector.name.values()]
    tokens = tokenize("\n".join(filter(None, parts)))
    return services.write_entries(MENTOR, [profile.pk], [tokens], [{}])[0]


def reindex_mentors(progress: Callable[[int], None] | None = None) -> int:
    done = 0
    with transaction.atomic():
        SearchEntry.objects.filter(kind=MENTOR).delete()
        SearchTerm.objects.filter(kind=MENTOR).delete()
        profiles = MentorProfile.objects.select_related("user").prefetch_related("expertise")
        for profile in profiles.iterator(chunk_size=500):
            index_mentor(profile)
            done += 1
    if progress:
        progress(done)
    return done


def active_mentors(user, ids: list[int]) -> dict[int, MentorProfile]:
    """The staff search's mentors: active profiles, by id."""
    rows = MentorProfile.objects.filter(pk__in=ids, is_active=True).select_related("user")
    return rows.in_bulk()


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_mentor(instance)


def _expertise_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, MentorProfile):
        index_mentor(instance)


def _deleted(sender, instance, **kwargs):
    services.remove_entry(MENTOR, instance.pk)


def connect() -> None:
    uid = "mentoring.search"
    post_save.connect(_saved, sender=MentorProfile, dispatch_uid=f"{uid}.saved")
    m2m_changed.connect(
        _expertise_changed, sender=MentorProfile.expertise.through, dispatch_uid=f"{uid}.expertise"
    )
    post_delete.connect(_deleted, sender=MentorProfile, dispatch_uid=f"{uid}.deleted")
    register(Kind(MENTOR, "mentors", reindex_mentors, visible=active_mentors))
