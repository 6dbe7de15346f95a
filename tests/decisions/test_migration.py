"""Held decisions from before the decisions app are carried over as pending decisions."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("applications", "0003_hold_decisions"), ("reviews", "0003_hold_decisions")]
AFTER = [("decisions", "0002_carry_held_decisions")]


@pytest.mark.django_db(transaction=True)
def test_held_decisions_become_pending_and_the_hold_moves():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE + [("decisions", "0001_initial")])
    apps = executor.loader.project_state(BEFORE + [("decisions", "0001_initial")]).apps
    organization = apps.get_model("organizations", "Organization").objects.create(
        name="Hub", slug="hub"
    )
    program = apps.get_model("programs", "Program").objects.create(
        organization=organization, slug="p", title={"en": "P"}
    )
    now = timezone.now()
    call = apps.get_model("programs", "Call").objects.create(
        program=program, opens_at=now, closes_at=now + timezone.timedelta(days=1)
    )
    apps.get_model("reviews", "Rubric").objects.create(call=call, hold_decisions=True)
    user = apps.get_model("accounts", "User").objects.create(email="bob@example.org")
    startup = apps.get_model("startups", "Startup").objects.create(name="Robots", slug="r")
    application = apps.get_model("applications", "Application").objects.create(
        call=call, startup=startup, status="accepted", shown_status="under_review", decided_at=now
    )
    changes = apps.get_model("applications", "StatusChange").objects
    changes.create(application=application, from_status="submitted", to_status="under_review")
    changes.create(
        application=application,
        from_status="under_review",
        to_status="accepted",
        actor=user,
        held=True,
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    carried = apps.get_model("applications", "Application").objects.get(pk=application.pk)
    assert carried.status == "under_review" and carried.decided_at is None
    decision = apps.get_model("decisions", "Decision").objects.get(application=application.pk)
    assert decision.value == "accepted" and decision.decided_by_id == user.pk
    assert decision.released_at is None
    assert apps.get_model("decisions", "DecisionSettings").objects.get(call=call.pk).hold
    timeline = apps.get_model("applications", "StatusChange").objects.filter(
        application=application.pk
    )
    assert [c.to_status for c in timeline] == ["under_review"]  # the held step, told on release
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
