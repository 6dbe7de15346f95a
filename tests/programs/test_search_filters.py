import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from startup_street.core.models import Sector
from startup_street.programs.discovery import find_programs
from startup_street.programs.forms import ProgramFilterForm
from startup_street.programs.models import Call
from tests.factories import make_call, make_organization, make_program

pytestmark = pytest.mark.django_db


def _slugs(user, **data) -> list[str]:
    form = ProgramFilterForm(data)
    assert not form.errors, form.errors
    return sorted(p.slug for p in find_programs(user, form.cleaned_data).results)


@pytest.fixture
def catalogue(organization):
    """Four programs that differ on each facet."""
    beijing = make_organization(slug="zgc-accel", city="Beijing", country="CN")
    robot = make_program(
        organization, slug="robot", kind="testbed", stages=["seed"], city="Seoul", country="KR"
    )
    robot.sectors.add(Sector.objects.get(code="robotics"))
    make_call(robot, closes_in_days=5)
    bio = make_program(
        organization, slug="bio", kind="funding", stages=["series_a"], city="Seoul", country="KR"
    )
    bio.sectors.add(Sector.objects.get(code="bio"))
    make_call(bio, opens_in_days=-40, closes_in_days=-2)
    anyone = make_program(
        beijing,
        slug="anyone",
        kind="soft_landing",
        title={"zh-hans": "软着陆计划"},
        original_language="zh-hans",
        city="Beijing",
        country="CN",
    )
    make_call(anyone, opens_in_days=3, closes_in_days=60)
    make_program(organization, slug="draft", is_published=False)
    return {"robot": robot, "bio": bio, "anyone": anyone}


def test_filter_by_sector_includes_programs_open_to_every_sector(catalogue, charlie):
    assert _slugs(charlie, sector="robotics") == ["anyone", "robot"]


def test_filter_by_stage_includes_programs_open_to_every_stage(catalogue, charlie):
    assert _slugs(charlie, stage="seed") == ["anyone", "robot"]
    assert _slugs(charlie, stage="pre_seed") == ["anyone"]  # "pre_seed" is not "seed"


def test_filter_by_country_city_organization(catalogue, charlie):
    assert _slugs(charlie, country="CN") == ["anyone"]
    assert _slugs(charlie, city="seoul") == ["bio", "robot"]
    assert _slugs(charlie, organization="zgc-accel") == ["anyone"]
    assert _slugs(charlie, organization="no-such-org") == []


def test_filter_by_city_in_any_language(catalogue, charlie):
    assert _slugs(charlie, city="首尔") == ["bio", "robot"]
    assert _slugs(charlie, city="서울") == ["bio", "robot"]
    assert _slugs(charlie, city="北京") == ["anyone"]


def test_filter_by_language_original_or_translated(catalogue, charlie):
    assert _slugs(charlie, language="zh-hans") == ["anyone"]
    assert _slugs(charlie, language="ko") == ["bio", "robot"]


def test_filter_open_now_and_deadline_window(catalogue, charlie):
    assert _slugs(charlie, open_now="1") == ["robot"]
    assert _slugs(charlie, closes_within="7") == ["robot"]
    assert _slugs(charlie, closes_within="90") == ["anyone", "robot"]
    today = timezone.localdate()
    past = (today - timedelta(days=10)).isoformat()
    assert _slugs(charlie, closes_after=past, closes_before=today.isoformat()) == ["bio"]


def test_deadline_filters_hold_for_one_and_the_same_call(organization, charlie):
    program = make_program(organization, slug="two-calls")
    make_call(program, opens_in_days=-30, closes_in_days=-1)  # closed, closed recently
    make_call(program, opens_in_days=10, closes_in_days=100)  # not open, closes late
    assert _slugs(charlie, open_now="1") == []
    assert _slugs(charlie, open_now="1", closes_within="200") == []
    assert _slugs(charlie, closes_within="200") == ["two-calls"]


def test_date_filters_are_the_viewers_dates(organization, charlie, settings):
    program = make_program(organization, slug="late")
    closes = datetime(2030, 3, 31, 20, 0, tzinfo=UTC)  # 1 April 05:00 in Seoul
    Call.objects.create(
        program=program, opens_at=closes - timedelta(days=9), closes_at=closes, time_zone="UTC"
    )
    with timezone.override("Asia/Seoul"):
        assert _slugs(charlie, closes_after="2030-04-01", closes_before="2030-04-01") == ["late"]
    with timezone.override("UTC"):
        assert _slugs(charlie, closes_after="2030-04-01") == []


def test_filter_form_reports_bad_values_on_their_fields():
    form = ProgramFilterForm(
        {
            "kind": "💥",
            "sector": "../../etc",
            "closes_within": "0",
            "closes_after": "2030-02-01",
            "closes_before": "2030-01-01",
            "open_now": "maybe",
            "language": "fr",
        }
    )
    assert set(form.errors) == {
        "kind",
        "sector",
        "closes_within",
        "closes_before",
        "open_now",
        "language",
    }
    assert form.valid_data()["closes_after"].isoformat() == "2030-02-01"


def test_filter_form_cleans_control_characters_and_cuts_huge_queries():
    form = ProgramFilterForm({"q": "\x00로봇\x1f\u202e机器人 " + "x" * 3000})
    assert not form.errors
    assert form.cleaned_data["q"].startswith("로봇 机器人 ")
    assert len(form.cleaned_data["q"]) == 1000 and form.query_was_cut


def test_filter_form_accepts_older_open_spelling():
    assert ProgramFilterForm({"open": "on"}).valid_data()["open_now"] is True


def test_page_shows_facet_counts_over_the_filtered_results(client, catalogue):
    body = " ".join(
        client.get(reverse("programs:list"), {"country": "KR"}).content.decode().split()
    )
    assert 'value="robotics">Robotics (1)' in body  # bio is not robotics, anyone is in CN
    assert 'value="KR" selected>South Korea (2)' in body
    assert 'value="CN">China (1)' in body  # the country facet ignores its own filter
    assert 'value="7">Closes within 7 days (1)' in body
    assert "Open now (1)" in body


def test_page_facets_travel_out_of_band_with_htmx(client, catalogue):
    response = client.get(reverse("programs:list"), {"kind": "testbed"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    facets = re.search(r'<div\s+id="facets"\s+class="filters facets"\s+hx-swap-oob="true"', body)
    assert "<html" not in body and facets
    assert "robot" in body and 'href="/programs/bio/"' not in body


def test_page_keeps_filter_state_in_form(client, catalogue):
    body = client.get(
        reverse("programs:list"), {"q": "robot", "stage": "seed", "closes_after": "2030-01-02"}
    ).content.decode()
    assert 'value="seed" selected' in body and 'value="2030-01-02"' in body
    assert 'name="q" value="robot"' in body


def test_page_bad_filter_is_reported_and_the_rest_applied(client, catalogue):
    response = client.get(reverse("programs:list"), {"country": "CN", "closes_within": "-3"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Closes within (days):" in body and 'href="/programs/anyone/"' in body
    assert 'href="/programs/robot/"' not in body


def test_page_huge_query_says_it_was_cut(client, catalogue):
    body = client.get(reverse("programs:list"), {"q": "robot " * 400}).content.decode()
    assert "Only the first 1,000 characters" in body


def test_page_never_lists_drafts_in_facets_or_results(client, catalogue):
    body = " ".join(  # as the browser shows it: runs of whitespace are one space
        client.get(reverse("programs:list"), {"kind": "testbed"}).content.decode().split()
    )
    assert 'value="testbed" selected>Testbed and demonstration (1)' in body


def test_list_shows_deadline_in_call_zone_and_viewer_zone(client, organization, charlie):
    program = make_program(organization)
    closes = datetime(2030, 3, 31, 9, 0, tzinfo=UTC)
    Call.objects.create(
        program=program,
        opens_at=closes - timedelta(days=9),
        closes_at=closes,
        time_zone="Asia/Shanghai",
    )
    charlie.time_zone = "Asia/Seoul"
    charlie.save()
    client.force_login(charlie)
    body = client.get(reverse("programs:list")).content.decode()
    assert "5 p.m. CST (Asia/Shanghai)" in body and "6 p.m. KST (Asia/Seoul)" in body


def test_search_command_applies_filters(catalogue, capsys):
    call_command("search", "", "--json", "--country", "KR", "--open-now", "--lang", "ko")
    rows = json.loads(capsys.readouterr().out)
    assert [row["slug"] for row in rows] == ["robot"]
    assert rows[0]["next_deadline_time_zone"] == "Asia/Seoul"
    assert rows[0]["next_deadline"].endswith("+09:00")


def test_search_command_bad_filter_is_a_clear_error(catalogue):
    with pytest.raises(CommandError, match="--closes-within"):
        call_command("search", "robot", "--closes-within", "soon")
    with pytest.raises(CommandError, match="--lang"):
        call_command("search", "robot", "--lang", "fr")
