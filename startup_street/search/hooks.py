from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from startup_street.mentoring.models import MentorProfile
from startup_street.programs.models import Call, Program
from startup_street.startups.models import Startup

from . import services


@receiver(post_save, sender=Program, dispatch_uid="search.program_saved")
def program_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        services.index_program(instance)


@receiver(m2m_changed, sender=Program.sectors.through, dispatch_uid="search.program_sectors")
def program_sectors_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Program):
        services.index_program(instance)


@receiver(post_delete, sender=Program, dispatch_uid="search.program_deleted")
def program_deleted(sender, instance, **kwargs):
    services.remove_program(instance.pk)


@receiver(post_save, sender=Call, dispatch_uid="search.call_saved")
@receiver(post_delete, sender=Call, dispatch_uid="search.call_deleted")
def call_changed(sender, instance, raw=False, **kwargs):
    # A call's title is searched as part of its program's entry.
    if not raw and Program.objects.filter(pk=instance.program_id).exists():
        services.index_program(instance.program)


@receiver(post_save, sender=Startup, dispatch_uid="search.startup_saved")
def startup_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        services.index_startup(instance)


@receiver(m2m_changed, sender=Startup.sectors.through, dispatch_uid="search.startup_sectors")
def startup_sectors_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Startup):
        services.index_startup(instance)


@receiver(post_delete, sender=Startup, dispatch_uid="search.startup_deleted")
def startup_deleted(sender, instance, **kwargs):
    services.remove_entry(services.STARTUP, instance.pk)


@receiver(post_save, sender=MentorProfile, dispatch_uid="search.mentor_saved")
def mentor_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        services.index_mentor(instance)


@receiver(
    m2m_changed, sender=MentorProfile.expertise.through, dispatch_uid="search.mentor_expertise"
)
def mentor_expertise_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, MentorProfile):
        services.index_mentor(instance)


@receiver(post_delete, sender=MentorProfile, dispatch_uid="search.mentor_deleted")
def mentor_deleted(sender, instance, **kwargs):
    services.remove_entry(services.MENTOR, instance.pk)
