"""No two confirmed bookings of one space overlap: on PostgreSQL an exclusion constraint over
(space, tstzrange(starts_at, ends_at, '[)')) through btree_gist. SQLite has no such constraint;
there the booking service's serialised check (BEGIN IMMEDIATE) keeps the rule. The operations
do nothing on other databases, so the same migrations apply everywhere."""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations, models

CONSTRAINT = "spaces_booking_no_overlap"


def _constraint():
    from django.contrib.postgres.constraints import ExclusionConstraint
    from django.contrib.postgres.fields import RangeBoundary, RangeOperators
    from django.db.models import Func

    class TsTzRange(Func):
        function = "TSTZRANGE"
        output_field = models.DateTimeField()

    return ExclusionConstraint(
        name=CONSTRAINT,
        expressions=[
            ("space", RangeOperators.EQUAL),
            (TsTzRange("starts_at", "ends_at", RangeBoundary()), RangeOperators.OVERLAPS),
        ],
        condition=models.Q(status="confirmed"),
    )


class AddExclusionOnPostgres(migrations.operations.base.Operation):
    """Adds the exclusion constraint on PostgreSQL only; the model state is left alone."""

    reduces_to_sql = False
    reversible = True

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = to_state.apps.get_model(app_label, "booking")
            schema_editor.add_constraint(model, _constraint())

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = from_state.apps.get_model(app_label, "booking")
            schema_editor.remove_constraint(model, _constraint())

    def describe(self):
        return "Exclusion constraint: no overlapping confirmed bookings (PostgreSQL)"


class Migration(migrations.Migration):
    dependencies = [("spaces", "0001_initial")]

    operations = [BtreeGistExtension(), AddExclusionOnPostgres()]
