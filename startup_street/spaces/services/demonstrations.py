"""Testbed runs: a plan (robot, scenario, safety officer) staff approve, and the result after."""

import os

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from startup_street.core.services import CONFLICT, record_activity

from ..enums import HOLDING, Outcome, PlanStatus, SpaceKind
from ..models import Booking, DemonstrationFile, DemonstrationPlan, DemonstrationResult
from ..rules import is_booking_space_staff, is_booking_team_member

ALLOWED_EXTENSIONS = {".pdf", ".png", ".jpg", ".jpeg", ".mp4", ".csv", ".txt", ".zip"}
MAX_FILES = 5


@transaction.atomic
def submit_plan(
    *,
    booking: Booking,
    user,
    robot: str,
    scenario: str,
    safety_officer: str,
    safety_officer_phone: str,
) -> DemonstrationPlan:
    """Submit (or change, which asks for approval again) the plan of a testbed booking."""
    booking = Booking.objects.select_for_update().select_related("space").get(pk=booking.pk)
    if not is_booking_team_member(user, booking):
        raise PermissionDenied(_("Only the team that booked can write its plan."))
    if booking.space.kind != SpaceKind.TESTBED:
        raise ValidationError(
            _("Only a testbed booking carries a demonstration plan."), code=CONFLICT
        )
    if booking.status not in HOLDING or booking.starts_at <= timezone.now():
        raise ValidationError(_("A plan is written for a booking still to come."), code=CONFLICT)
    plan = DemonstrationPlan.objects.filter(booking=booking).first() or DemonstrationPlan(
        booking=booking
    )
    plan.robot, plan.scenario = robot.strip(), scenario.strip()
    plan.safety_officer, plan.safety_officer_phone = safety_officer.strip(), safety_officer_phone
    plan.status, plan.decided_by, plan.decided_at, plan.note = PlanStatus.SUBMITTED, None, None, ""
    plan.full_clean()
    plan.save()
    record_activity(actor=user, verb="plan.submitted", target=plan)
    return plan


@transaction.atomic
def decide_plan(
    *, plan: DemonstrationPlan, actor, approve: bool, note: str = ""
) -> DemonstrationPlan:
    plan = (
        DemonstrationPlan.objects.select_for_update()
        .select_related("booking__space")
        .get(pk=plan.pk)
    )
    if not is_booking_space_staff(actor, plan.booking):
        raise PermissionDenied(_("Only the testbed's staff can decide on a plan."))
    if plan.status != PlanStatus.SUBMITTED:
        raise ValidationError(_("This plan was already decided."), code=CONFLICT)
    if not approve and not note.strip():
        raise ValidationError({"note": [_("Say why the plan is rejected.")]})
    plan.status = PlanStatus.APPROVED if approve else PlanStatus.REJECTED
    plan.decided_by, plan.decided_at, plan.note = actor, timezone.now(), note[:500]
    plan.save()
    record_activity(actor=actor, verb=f"plan.{plan.status}", target=plan)
    from .bookings import notify

    notify(plan.booking, f"plan_{plan.status}")
    return plan


def _check_file(upload) -> None:
    extension = os.path.splitext(upload.name)[1].lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError({"files": [_("Upload PDF, image, video, CSV, text or ZIP files.")]})
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError({"files": [_("A file is too large.")]})


@transaction.atomic
def record_result(
    *, plan: DemonstrationPlan, user, outcome: str, notes: str = "", files=()
) -> DemonstrationResult:
    """How the run went, after it started: by the team or the testbed's staff."""
    plan = (
        DemonstrationPlan.objects.select_for_update()
        .select_related("booking__space")
        .get(pk=plan.pk)
    )
    booking = plan.booking
    if not (is_booking_team_member(user, booking) or is_booking_space_staff(user, booking)):
        raise PermissionDenied(_("Only the team or the testbed's staff can record the result."))
    if plan.status != PlanStatus.APPROVED:
        raise ValidationError(_("Only an approved plan has a result."), code=CONFLICT)
    if booking.starts_at > timezone.now():
        raise ValidationError(_("A result is recorded once the run has started."))
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": [_("Choose how the run went.")]})
    files = list(files)
    if len(files) > MAX_FILES:
        raise ValidationError(
            {"files": [_("Attach at most %(count)d files.") % {"count": MAX_FILES}]}
        )
    for upload in files:
        _check_file(upload)
    result = DemonstrationResult.objects.filter(plan=plan).first() or DemonstrationResult(plan=plan)
    result.outcome, result.notes, result.recorded_by = outcome, notes[:5000], user
    result.full_clean()
    result.save()
    for upload in files:
        DemonstrationFile.objects.create(result=result, file=upload, name=upload.name[:200])
    record_activity(actor=user, verb="plan.result", target=plan, outcome=outcome)
    return result
