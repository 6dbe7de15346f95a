import rules

from startup_street.organizations.rules import is_org_staff


@rules.predicate
def is_program_staff(user, program) -> bool:
    return program is not None and is_org_staff(user, program.organization)


@rules.predicate
def is_published_program(user, program) -> bool:
    return program is not None and program.is_published and program.organization.is_active


@rules.predicate
def is_call_staff(user, call) -> bool:
    return call is not None and is_program_staff(user, call.program)


@rules.predicate
def is_published_call(user, call) -> bool:
    return call is not None and is_published_program(user, call.program)


can_view_program = is_published_program | is_program_staff | rules.is_superuser
can_manage_program = is_program_staff | rules.is_superuser
can_view_call = is_published_call | is_call_staff | rules.is_superuser
can_manage_call = is_call_staff | rules.is_superuser
