from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from startup_street.text.analysers import MAX_QUERY_CHARS

from .selectors import can_search_people, search_people


@login_required
def people_search(request):
    """Staff search for startups and mentors, in any of the three languages."""
    if not can_search_people(request.user):
        raise PermissionDenied
    query = request.GET.get("q", "")[:MAX_QUERY_CHARS]
    people = search_people(request.user, query) if query.strip() else None
    template = "search/_people_results.html" if request.htmx else "search/people_search.html"
    return render(request, template, {"query": query, "people": people})
