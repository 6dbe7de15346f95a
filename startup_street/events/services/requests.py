from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..enums import Interest, RegistrationStatus, RequestStatus
from ..models import Meeting, MeetingRequest, MeetingRule, Registration


def allowed_rule(sender: Registration, recipient: Registration) -> MeetingRule | None:
    """The rule letting ``sender`` ask ``recipient``; a bare rule-less event lets anyone."""
    rules = list(MeetingRule.objects.filter(event_id=sender.event_id))
    if not rules:
        return MeetingRule(
            event_id=sender.event_id,
            requester_kind=sender.kind,
            recipient_kind=recipient.kind,
            max_requests=MeetingRule._meta.get_field("max_requests").default,
        )
    for rule in rules:
        if rule.requester_kind == sender.kind and rule.recipient_kind == recipient.kind:
            return rule
    return None


def request_refusal(sender: Registration, recipient: Registration) -> str | None:
    """Why ``sender`` may not ask ``recipient`` now, in words; None when they may."""
    if sender.pk == recipient.pk:
        return _("You cannot ask yourself for a meeting.")
    if sender.event_id != recipient.event_id:
        return _("Both must be registered for the same event.")
    approved = RegistrationStatus.APPROVED
    if sender.status != approved or recipient.status != approved:
        return _("Only approved participants can ask for or be asked for meetings.")
    rule = allowed_rule(sender, recipient)
    if rule is None:
        return _("At this event, a %(who)s may not ask a %(whom)s for a meeting.") % {
            "who": sender.get_kind_display(),
            "whom": recipient.get_kind_display(),
        }
    pair = MeetingRequest.objects.filter(sender=recipient, recipient=sender)
    if MeetingRequest.objects.filter(sender=sender, recipient=recipient).exists():
        return _("You have already asked them.")
    if pair.exists():
        return _("They have already asked you: answer their request instead.")
    sent = MeetingRequest.objects.filter(sender=sender, recipient__kind=recipient.kind).count()
    if sent >= rule.max_requests:
        return _(
            "You have used your %(quota)d requests to participants of this kind (%(whom)s)."
        ) % {"quota": rule.max_requests, "whom": recipient.get_kind_display()}
    return None


@transaction.atomic
def send_request(
    *, sender: Registration, recipient: Registration, actor, interest: str, message: str = ""
) -> MeetingRequest:
    if sender.user_id != actor.pk:
        raise PermissionDenied
    # one sender's requests are counted one at a time, so two at once cannot pass the quota
    sender = Registration.objects.select_for_update().get(pk=sender.pk)
    if interest not in (Interest.MUST, Interest.WOULD):
        raise ValidationError({"interest": [_("Choose “must meet” or “would meet”.")]})
    refusal = request_refusal(sender, recipient)
    if refusal:
        raise ValidationError(refusal)
    request = MeetingRequest(
        event_id=sender.event_id, sender=sender, recipient=recipient,
        sender_interest=interest, message=message,
    )  # fmt: skip
    request.full_clean()
    request.save()
    return request


@transaction.atomic
def answer_request(*, request: MeetingRequest, actor, interest: str) -> MeetingRequest:
    """The recipient answers: must / would meet accepts (the meeting joins the schedule's
    input), no thanks declines."""
    request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    if request.recipient.user_id != actor.pk:
        raise PermissionDenied
    if interest not in Interest.values:
        raise ValidationError({"interest": [_("Choose must meet, would meet or no thanks.")]})
    published = Meeting.objects.filter(request=request, published_slot__isnull=False)
    if interest == Interest.NO and published.exists():
        raise ValidationError(_("This meeting is on the published schedule: ask the organisers."))
    request.recipient_interest = interest
    request.status = RequestStatus.DECLINED if interest == Interest.NO else RequestStatus.ACCEPTED
    request.save(update_fields=["recipient_interest", "status", "updated_at"])
    if request.status == RequestStatus.ACCEPTED:
        Meeting.objects.get_or_create(request=request, defaults={"event_id": request.event_id})
    else:
        Meeting.objects.filter(request=request).delete()
    return request
