"""Who may decide, as named permissions over the programs' predicates (defined once there)."""

import rules

from startup_street.programs.rules import can_manage_call

# Decisions, quotas, the cohort, notices, the hold setting and release of a whole call.
can_decide_call = can_manage_call

rules.add_perm("decisions.decide_call", can_decide_call)
