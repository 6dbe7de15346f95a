"""Who may see and change an application, as questions."""

import rules

from startup_street.organizations.rules import is_org_staff
from startup_street.programs.rules import can_manage_call
from startup_street.startups.rules import is_startup_member


@rules.predicate
def is_applicant(user, application) -> bool:
    return application is not None and is_startup_member(user, application.startup)


@rules.predicate
def is_call_organization_staff(user, application) -> bool:
    return application is not None and is_org_staff(user, application.call.program.organization)


can_view_application = is_applicant | is_call_organization_staff | rules.is_superuser
can_edit_application = is_applicant
can_decide_application = is_call_organization_staff | rules.is_superuser
can_decide_call = can_manage_call  # decisions, quotas, cohorts and notices of a whole call
