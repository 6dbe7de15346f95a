"""The demo's past gives the city's dashboard real trends on the analyst's first log-in."""

from datetime import date

import pytest
from django.utils import timezone

from startup_street.dashboard import indicators
from startup_street.dashboard.indicators import Slice
from startup_street.demo.generate import load_demo
from startup_street.startups.models import OutcomeReport

pytestmark = pytest.mark.django_db


def test_history_fills_five_years_of_quarters_with_consistent_figures():
    load_demo(seed=7, programs=30, startups=40)  # its work includes the history
    today = timezone.localdate()
    five_years = Slice(start=date(today.year - 4, 1, 1), end=today)
    series = indicators.submitted_by_quarter(five_years)
    assert sum(1 for value in series.values() if value) >= 12
    assert sum(series.values()) == indicators.applications_submitted(five_years)
    assert indicators.startups_supported(five_years) > 0
    assert indicators.jobs(five_years) > 0
    assert not OutcomeReport.objects.filter(year__gt=today.year).exists()
