from .models import ActivityLog

# The code of a ``ValidationError`` that refuses an action because of an object's state (a
# closed call, a booking that has started), not because of its input: the API answers 409.
CONFLICT = "conflict"


def record_activity(*, actor, verb: str, target, **data) -> ActivityLog:
    """Append one entry to the audit trail; call it inside the service's transaction."""
    return ActivityLog.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        data=data,
    )


def refuse_unknown_fields(fields, editable) -> None:
    """A service takes only the model's editable fields (its one field list); any other name is
    a caller's mistake, refused before anything is written."""
    unknown = set(fields) - set(editable)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
