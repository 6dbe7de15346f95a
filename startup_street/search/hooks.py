from django.db.models.signals import m2m_changed, post_delete, post_save

from startup_street.mentoring.models import MentorProfile
from startup_street.programs.models import Call, Program
from startup_street.startups.models import Startup

from . import services


def _follow(model, many, index, kind: str) -> None:
    """Re-index an object of ``model`` when it is saved or its ``many`` relation changes, and
    remove its entry when it is deleted (inside the writing transaction)."""
    label = model._meta.label_lower

    def saved(sender, instance, raw=False, **kwargs):
        if not raw:
            index(instance)

    def related(sender, instance, action, **kwargs):
        if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, model):
            index(instance)

    def deleted(sender, instance, **kwargs):
        services.remove_entry(kind, instance.pk)

    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"search.{label}.saved")
    m2m_changed.connect(
        related, sender=many.through, weak=False, dispatch_uid=f"search.{label}.related"
    )
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"search.{label}.deleted")


_follow(Program, Program.sectors, services.index_program, services.PROGRAM)
_follow(Startup, Startup.sectors, services.index_startup, services.STARTUP)
_follow(MentorProfile, MentorProfile.expertise, services.index_mentor, services.MENTOR)


def call_changed(sender, instance, raw=False, **kwargs):
    # A call's title is searched as part of its program's entry.
    if not raw and Program.objects.filter(pk=instance.program_id).exists():
        services.index_program(instance.program)


def call_deleted(sender, instance, origin=None, **kwargs):
    # Deleting a program (or its organisation) deletes its calls first, while the program row
    # is still there: its entry goes with it, so only a deletion of calls themselves re-indexes.
    if origin is None or isinstance(origin, Call) or getattr(origin, "model", None) is Call:
        call_changed(sender, instance)


post_save.connect(call_changed, sender=Call, dispatch_uid="search.call_saved")
post_delete.connect(call_deleted, sender=Call, dispatch_uid="search.call_deleted")
