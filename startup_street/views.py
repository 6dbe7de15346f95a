"""Project-level pages that bring several apps together."""

from django.shortcuts import render

from startup_street.programs.selectors import calls_visible_to, open_calls
from startup_street.startups.selectors import startups_of


def home(request):
    calls = open_calls(calls_visible_to(request.user)).select_related("program")
    context = {
        "closing_soon": calls.order_by("closes_at")[:8],
        "my_startups": startups_of(request.user),
    }
    return render(request, "home.html", context)
