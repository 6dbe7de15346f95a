"""Held decisions become pending Decision records; the hold flag moves from the rubric.

Before, a held application's ``status`` was the decision and ``shown_status`` what its team saw,
with the held steps of its timeline marked ``held``. Now ``status`` is what the team sees and the
decision waits, pending, until staff release it (its timeline step is written then)."""

from django.db import migrations


def carry_over(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    StatusChange = apps.get_model("applications", "StatusChange")
    Decision = apps.get_model("decisions", "Decision")
    DecisionSettings = apps.get_model("decisions", "DecisionSettings")
    Rubric = apps.get_model("reviews", "Rubric")
    decided = {"accepted", "waitlisted", "rejected"}
    for call_id in Rubric.objects.filter(hold_decisions=True).values_list("call_id", flat=True):
        DecisionSettings.objects.update_or_create(call_id=call_id, defaults={"hold": True})
    for application in Application.objects.exclude(shown_status=""):
        held = StatusChange.objects.filter(application=application, held=True).order_by("at", "pk")
        last = held.last()
        if application.status != "withdrawn" and application.status != application.shown_status:
            Decision.objects.create(
                application=application,
                value=application.status,
                decided_by_id=last.actor_id if last else None,
                decided_at=last.at if last else application.decided_at or application.updated_at,
                released_at=None,
            )
        told = StatusChange.objects.filter(
            application=application, held=False, to_status__in=decided
        ).order_by("at", "pk")
        held.delete()
        application.status = application.shown_status
        application.decided_at = told.last().at if told.exists() else None
        application.shown_status = ""
        application.save(update_fields=["status", "decided_at", "shown_status"])


def carry_back(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    StatusChange = apps.get_model("applications", "StatusChange")
    Decision = apps.get_model("decisions", "Decision")
    DecisionSettings = apps.get_model("decisions", "DecisionSettings")
    Rubric = apps.get_model("reviews", "Rubric")
    for settings in DecisionSettings.objects.filter(hold=True):
        Rubric.objects.filter(call_id=settings.call_id).update(hold_decisions=True)
    for decision in Decision.objects.filter(released_at__isnull=True):
        application = Application.objects.get(pk=decision.application_id)
        StatusChange.objects.create(
            application=application,
            from_status=application.status,
            to_status=decision.value,
            actor_id=decision.decided_by_id,
            held=True,
        )
        application.shown_status = application.status
        application.status = decision.value
        application.decided_at = decision.decided_at
        application.save(update_fields=["status", "decided_at", "shown_status"])
    Decision.objects.filter(released_at__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0003_hold_decisions"),
        ("reviews", "0003_hold_decisions"),
        ("decisions", "0001_initial"),
    ]

    operations = [migrations.RunPython(carry_over, carry_back)]
