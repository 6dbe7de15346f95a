from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from startup_street.applications.exports import FORMATS, spreadsheet_response
from startup_street.organizations.selectors import organizations_staffed_by
from startup_street.startups.models import OutcomeReport

from . import selectors, services
from .forms import SliceForm
from .indicators import one_reading
from .report import report_pdf
from .rules import can_view_dashboard, organizations_in_view, startups_accepted_by_staff_of

REPORTS_PER_PAGE = 50


def _form(request) -> SliceForm:
    if not can_view_dashboard(request.user):
        raise PermissionDenied(
            _("The dashboard is for the city's analysts and organisation staff.")
        )
    # Always bound: every field is optional, and an empty query means the default period.
    return SliceForm(request.GET, organizations=organizations_in_view(request.user))


@require_GET
@login_required
def dashboard(request):
    form = _form(request)
    valid = form.is_valid()
    context = {"form": form}
    if valid:
        piece = form.slice()
        with one_reading():  # the table by organisation sums the figures' counts
            figures = selectors.figures(piece)
            by_organization = selectors.by_organization(piece)
        context |= {
            "form": form.showing_period(),
            "slice": piece,
            "figures": figures,
            "groups": selectors.grouped(figures),
            "breakdowns": selectors.breakdowns(piece),
            "charts": [
                (f, selectors.bars(f.series))
                for f in figures
                if f.series and any(f.series.values())
            ],
            "organizations": by_organization,
            "query": request.GET.urlencode(),
            "chart_width": selectors.CHART_WIDTH,
            "chart_height": selectors.CHART_HEIGHT,
        }
    return render(request, "dashboard/dashboard.html", context, status=200 if valid else 400)


@require_GET
@login_required
def export(request, fmt: str):
    form = _form(request)
    if not form.is_valid():
        return HttpResponse(_("Check the period and filters."), status=400)
    rows = _figure_rows(selectors.figures(form.slice()))
    return _download(rows, fmt, "street-indicators")


@require_GET
@login_required
def report(request):
    """The printable report of the slice shown, as a PDF in the reader's language."""
    form = _form(request)
    if not form.is_valid():
        return HttpResponse(_("Check the period and filters."), status=400)
    pdf = report_pdf(form.slice(), described=form.described())
    if pdf is None:
        messages.info(
            request,
            _(
                "A PDF needs a font with Korean and Chinese letters, which this server lacks: "
                "print this page instead."
            ),
        )
        return redirect(f"{reverse('dashboard:dashboard')}?{request.GET.urlencode()}")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="street-report.pdf"'
    return response


@require_GET
def open_data(request):
    """Aggregates anyone may download: no personal data, small cells withheld."""
    form = SliceForm(request.GET, organizations=None)
    if not form.is_valid():
        return HttpResponse(_("Check the period and filters."), status=400)
    records = selectors.open_data(form.slice())
    header = ["organization", "year", "applications", "accepted", "startups_supported"]
    rows = [header] + [["" if r[k] is None else r[k] for k in header] for r in records]
    return _download(rows, "csv", "street-open-data")


def _figure_rows(figures) -> list[list]:
    rows = [[_("indicator"), _("code"), _("unit"), _("period"), _("value"), _("definition")]]
    for figure in figures:
        indicator = figure.indicator
        base = [str(indicator.label), indicator.code, indicator.unit]
        rows.append([*base, _("whole period"), figure.value, str(indicator.definition)])
        for quarter, value in (figure.series or {}).items():
            rows.append([*base, quarter, value, ""])
    return rows


def _download(rows: list[list], fmt: str, name: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    return spreadsheet_response(name=name, kind=fmt, header=rows[0], rows=rows[1:])


@require_http_methods(["GET", "POST"])
@login_required
def outcomes_to_verify(request):
    """Staff: the outcome reports of startups their organisations accepted, to verify."""
    startups = startups_accepted_by_staff_of(request.user)
    if not organizations_staffed_by(request.user).exists():
        raise PermissionDenied(_("Only organisation staff verify outcome reports."))
    if request.method == "POST":
        report = get_object_or_404(
            OutcomeReport.objects.filter(startup__in=startups), pk=request.POST.get("report")
        )
        services.verify_outcome_report(report=report, actor=request.user)
        messages.success(request, _("Report verified."))
        back = request.POST.get("page", "")
        return redirect(reverse("dashboard:outcomes") + (f"?page={back}" if back.isdigit() else ""))
    reports = (
        OutcomeReport.objects.filter(startup__in=startups, verified_at__isnull=True)
        .select_related("startup")
        .order_by("-year", "-quarter", "startup__name", "pk")
    )
    page = Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "dashboard/outcome_review.html", {"reports": page, "page": page})
