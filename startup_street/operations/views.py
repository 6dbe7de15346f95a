from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .health import FAILED, run_checks


@require_safe
@never_cache
def healthz(request):
    """The process manager's and load balancer's probe: 200 while the process can serve (``ok``
    or ``degraded``), 503 with the failed check named otherwise."""
    report = run_checks()
    return JsonResponse(report.as_dict(), status=503 if report.status == FAILED else 200)
