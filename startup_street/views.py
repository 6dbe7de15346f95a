"""Project-level pages that bring several apps together."""

from django.shortcuts import render

from startup_street import home as sections
from startup_street.navigation import roles_of
from startup_street.programs.selectors import calls_visible_to, open_calls


def home(request):
    """Everyone sees the calls closing soon; a signed-in person also sees, first, the work of each
    role they have: founder, reviewer, organisation staff, mentor, city analyst, admin."""
    user = request.user
    roles = roles_of(user)
    calls = open_calls(calls_visible_to(user)).select_related("program__organization")
    context = {"roles": roles, "closing_soon": calls.order_by("closes_at")[:6]}
    if roles.founder:
        context.update(sections.founder_home(user))
    if roles.reviewer:
        context.update(sections.reviewer_home(user))
    if roles.staff:
        context.update(sections.staff_home(user))
    if roles.founder or roles.staff:
        context.update(sections.spaces_home(user, founder=roles.founder, staff=roles.staff))
    if roles.mentor:
        context.update(sections.mentor_home(user))
    if roles.analyst or roles.admin:
        context["figures"] = sections.city_figures()
    if roles.admin:
        context.update(sections.admin_home(user))
    return render(request, "home.html", context)
