"""Who may see and change an application, as questions."""

import rules

from startup_street.programs.rules import is_call_staff
from startup_street.startups.rules import is_startup_member


@rules.predicate
def is_applicant(user, application) -> bool:
    return application is not None and is_startup_member(user, application.startup)


@rules.predicate
def is_call_organization_staff(user, application) -> bool:
    return application is not None and is_call_staff(user, application.call)


can_view_application = is_applicant | is_call_organization_staff | rules.is_superuser
can_edit_application = is_applicant
can_decide_application = is_call_organization_staff | rules.is_superuser

# Applying for a startup: its team only.
rules.add_perm("applications.apply_for_startup", is_startup_member)
