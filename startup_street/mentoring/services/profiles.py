"""Mentors' profiles and preferences, founders' preferences for mentors; programs' hours."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from startup_street.core.services import record_activity
from startup_street.organizations.rules import is_org_staff
from startup_street.startups.rules import is_startup_member

from ..models import FounderPreference, MentorBid, MentorProfile, ProgramMentoring
from ..selectors import cohort_of, mentors_for


@transaction.atomic
def save_mentor_profile(*, form, hours) -> MentorProfile:
    """Save a validated profile form and its weekly-hours formset together."""
    profile = form.save()
    hours.instance = profile
    hours.save()
    record_activity(actor=profile.user, verb="mentor.profile_saved", target=profile)
    return profile


@transaction.atomic
def place_bid(*, mentor: MentorProfile, actor, startup, value: str) -> MentorBid | None:
    """A mentor says whether they want a startup of their organisation's cohorts ("" clears it)."""
    if mentor.user_id != actor.pk:
        raise PermissionDenied(_("Only the mentor can state their preferences."))
    if not cohort_of(mentor.organization).filter(pk=startup.pk).exists():
        raise ValidationError(
            _("You can only state preferences for startups in your organisation's cohorts.")
        )
    if not value:
        MentorBid.objects.filter(mentor=mentor, startup=startup).delete()
        return None
    bid = MentorBid.objects.filter(mentor=mentor, startup=startup).first() or MentorBid(
        mentor=mentor, startup=startup
    )
    bid.value = value
    bid.full_clean()
    bid.save()
    return bid


@transaction.atomic
def state_founder_preference(
    *, startup, actor, mentor: MentorProfile, value: str
) -> FounderPreference | None:
    """A member of a startup's team says whether they want a mentor ("" clears it): an active
    mentor of an organisation in whose cohorts the startup is (``selectors.mentors_for``)."""
    if not is_startup_member(actor, startup):
        raise PermissionDenied(_("Only the startup's team can state its preferences."))
    if not mentors_for(startup).filter(pk=mentor.pk).exists():
        raise ValidationError(
            _("You can only state preferences for mentors of the programs that accepted you.")
        )
    current = FounderPreference.objects.filter(startup=startup, mentor=mentor)
    if not value:
        current.delete()
        return None
    preference = current.first() or FounderPreference(startup=startup, mentor=mentor)
    preference.value, preference.set_by = value, actor
    preference.full_clean()
    preference.save()
    return preference


@transaction.atomic
def set_program_hours(
    *, program, actor, hours_per_startup: int | None, hours_total: int | None
) -> ProgramMentoring:
    """Staff cap a program's mentoring: each startup's hours and the program's total."""
    if not (actor.is_superuser or is_org_staff(actor, program.organization)):
        raise PermissionDenied(_("Only the organisation's staff can set mentoring hours."))
    caps = ProgramMentoring.objects.filter(program=program).first() or ProgramMentoring(
        program=program
    )
    caps.hours_per_startup, caps.hours_total = hours_per_startup, hours_total
    caps.full_clean()
    caps.save()
    record_activity(actor=actor, verb="mentoring.program_hours", target=program)
    return caps
