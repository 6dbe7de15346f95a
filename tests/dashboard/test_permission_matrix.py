"""Every dashboard door against every kind of visitor; refusals change nothing; the analyst
sees figures, never records; organisation staff see only their own organisations."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from startup_street.applications.models import Application
from startup_street.programs.models import Call
from startup_street.startups.models import OutcomeReport
from tests.factories import make_member, make_organization, make_program, make_startup, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def street():
    hub, kic = make_organization(slug="hub"), make_organization(slug="kic")
    founder = make_user("founder")
    startup = make_startup(founder, name="Robowave Secret Name")
    call = Call.objects.create(
        program=make_program(hub),
        opens_at=datetime(2025, 1, 1, tzinfo=UTC),
        closes_at=datetime(2025, 3, 1, tzinfo=UTC),
    )
    Application.objects.create(call=call, startup=startup, status="accepted")
    people = {
        "anonymous": None,
        "founder": founder,
        "outsider": make_user("outsider"),
        "reviewer": make_user("reviewer"),
        "hub_staff": make_user("hub_staff"),
        "kic_staff": make_user("kic_staff"),
        "analyst": make_user("analyst", is_city_analyst=True, preferred_language="en"),
    }
    make_member(hub, people["reviewer"], "reviewer")
    make_member(hub, people["hub_staff"], "program_manager")
    make_member(kic, people["kic_staff"], "admin")
    report = OutcomeReport.objects.create(startup=startup, year=2025, quarter=1, employees=5)
    return {"hub": hub, "kic": kic, "people": people, "startup": startup, "report": report}


FIGURES = ["anonymous", "founder", "outsider", "reviewer", "hub_staff", "kic_staff", "analyst"]
ALLOWED = {"hub_staff", "kic_staff", "analyst"}


def _as(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("who", FIGURES)
@pytest.mark.parametrize("door", ["dashboard:dashboard", "dashboard:report", "csv", "xlsx"])
def test_figure_doors(client, street, who, door):
    url = (
        reverse(door) if door.startswith("dashboard:") else reverse("dashboard:export", args=[door])
    )
    response = _as(client, street["people"][who]).get(url + "?start=2025-01-01&end=2025-12-31")
    if who == "anonymous":
        assert response.status_code == 302 and "/login" in response["Location"]
    elif who in ALLOWED:
        assert response.status_code == 200
        assert b"Robowave Secret Name" not in response.content  # figures, never records
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("who", FIGURES)
def test_api_door(client, street, who):
    response = _as(client, street["people"][who]).get("/api/v1/indicators?start=2025-01-01")
    expected = {"anonymous": 401}.get(who, 200 if who in ALLOWED else 403)
    assert response.status_code == expected
    if expected == 200:
        figures = {row["code"]: row for row in response.json()}
        supported = 1 if who in {"hub_staff", "analyst"} else 0  # kic accepted nobody
        assert figures["startups_supported"]["value"] == supported
        assert figures["startups_supported"]["definition"]


def test_staff_cannot_ask_for_another_organisations_figures(client, street):
    client.force_login(street["people"]["kic_staff"])
    web = client.get(reverse("dashboard:dashboard"), {"organization": street["hub"].pk})
    assert web.status_code == 400
    api = client.get("/api/v1/indicators", {"organization": street["hub"].pk})
    assert api.status_code == 404 and "organization" in api.json()["errors"]  # not in view


def test_analyst_may_slice_by_any_organisation(client, street):
    client.force_login(street["people"]["analyst"])
    response = client.get(
        "/api/v1/indicators", {"organization": street["hub"].pk, "start": "2025-01-01"}
    )
    figures = {row["code"]: row["value"] for row in response.json()}
    assert figures["applications_submitted"] == 1


@pytest.mark.parametrize("who", FIGURES)
def test_open_data_is_public_and_personal_data_free(client, street, who):
    response = _as(client, street["people"][who]).get(reverse("dashboard:open_data"))
    assert response.status_code == 200
    assert b"Robowave" not in response.content and b"founder" not in response.content


@pytest.mark.parametrize("who", FIGURES)
def test_verify_outcome_door(client, street, who):
    report = street["report"]
    response = _as(client, street["people"][who]).post(
        reverse("dashboard:outcomes"), {"report": report.pk}
    )
    report.refresh_from_db()
    if who == "hub_staff":  # staff of the organisation that accepted the startup
        assert response.status_code == 302 and report.verified_at is not None
    else:
        assert response.status_code in {302, 403, 404} and report.verified_at is None
        if who == "anonymous":
            assert "/login" in response["Location"]


@pytest.mark.parametrize("who", FIGURES)
def test_outcome_report_door(client, street, who):
    url = reverse("startups:outcomes", args=[street["startup"].slug])
    data = {
        "year": 2025,
        "quarter": 2,
        "employees": 9,
        "investment_raised_krw": 0,
        "patents": 0,
        "export_revenue_krw": 0,
    }
    response = _as(client, street["people"][who]).post(url, data)
    saved = OutcomeReport.objects.filter(quarter=2).exists()
    if who == "founder":
        assert response.status_code == 302 and saved
    else:
        assert not saved and response.status_code in {302, 404}


def test_correcting_a_verified_report_needs_verifying_again(client, street):
    report = street["report"]
    report.verified_at = datetime(2025, 4, 1, tzinfo=UTC)
    report.save()
    client.force_login(street["people"]["founder"])
    url = reverse("startups:outcomes", args=[street["startup"].slug])
    client.post(
        url,
        {
            "year": 2025,
            "quarter": 1,
            "employees": 50,
            "investment_raised_krw": 0,
            "patents": 0,
            "export_revenue_krw": 0,
        },
    )
    report.refresh_from_db()
    assert report.employees == 50 and report.verified_at is None
    assert report.history.count() == 3  # created, verified, corrected


def test_bad_period_is_a_clear_error_not_a_500(client, street):
    client.force_login(street["people"]["analyst"])
    response = client.get(
        reverse("dashboard:dashboard"), {"start": "2025-12-31", "end": "2025-01-01"}
    )
    assert response.status_code == 400 and b"start before it ends" in response.content
    api = client.get("/api/v1/indicators", {"start": "not-a-date"})
    assert api.status_code == 422
    assert client.get(reverse("dashboard:export", args=["pdf"])).status_code == 404


def test_the_default_period_is_shown_in_the_date_fields(client, street):
    client.force_login(street["people"]["analyst"])
    response = client.get(reverse("dashboard:dashboard"))
    form = response.context["form"]
    assert form["start"].value() and form["end"].value()
    assert form["end"].value() == response.context["slice"].end.isoformat()


def test_the_report_form_offers_the_last_quarter_that_ended(client, street):
    from django.utils import timezone

    client.force_login(street["people"]["founder"])
    form = client.get(reverse("startups:outcomes", args=[street["startup"].slug])).context["form"]
    today = timezone.localdate()
    year, quarter = form.initial["year"], form.initial["quarter"]
    assert (year, quarter) < (today.year, (today.month - 1) // 3 + 1)
    assert (year * 4 + quarter) == (today.year * 4 + (today.month - 1) // 3)


def test_the_verification_list_is_paged(client, street):
    startup = street["startup"]
    OutcomeReport.objects.bulk_create(
        OutcomeReport(startup=startup, year=2000 + n // 4, quarter=n % 4 + 1, employees=n)
        for n in range(4, 64)
    )  # 60 more, 61 unverified in all
    client.force_login(street["people"]["hub_staff"])
    first = client.get(reverse("dashboard:outcomes"))
    last = client.get(reverse("dashboard:outcomes"), {"page": 2})
    assert len(first.context["page"].object_list) == 50
    assert len(last.context["page"].object_list) == 11
    assert client.get(reverse("dashboard:outcomes"), {"page": "zzz"}).status_code == 200


@pytest.mark.parametrize("model", ["calltally", "acceptedplace", "latestreport", "quarteroutcome"])
def test_rollups_are_shown_in_the_admin_and_never_edited_by_hand(client, street, model):
    from startup_street.dashboard.models import CallTally

    tally = CallTally.objects.get()
    client.force_login(make_user("root", is_staff=True, is_superuser=True, preferred_language="en"))
    assert client.get(reverse(f"admin:dashboard_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:dashboard_{model}_add")).status_code == 403
    if model == "calltally":
        deleted = client.post(
            reverse("admin:dashboard_calltally_delete", args=[tally.pk]), {"post": "yes"}
        )
        assert deleted.status_code == 403 and CallTally.objects.filter(pk=tally.pk).exists()
    client.force_login(street["people"]["analyst"])  # no staff: the admin sends them to log in
    assert client.get(reverse(f"admin:dashboard_{model}_changelist")).status_code == 302
