"""The eligibility filters (years since founding, team size, revenue) and the one-click filter the
search page offers beside each eligibility its words were understood as."""

import json
import re
from html import unescape
from urllib.parse import parse_qs

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from startup_street.programs.forms import ProgramFilterForm
from tests.factories import make_call, make_program

from .test_saved_searches import _new_call, _save
from .test_search_filters import _slugs

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def rules(organization):
    """Programs whose calls state different rules, one with no call and one with two calls."""
    for slug, eligibility in (
        ("young", {"max_years_since_founding": 3, "team_size": {"max": 5}}),
        ("older", {"max_years_since_founding": 7, "team_size": {"min": 10}}),
        ("small-revenue", {"max_revenue_band": "under_100m_krw", "team_size": {"min": 2}}),
        ("anyone", {}),
    ):
        make_call(make_program(organization, slug=slug), eligibility=eligibility)
    make_program(organization, slug="no-call")
    two = make_program(organization, slug="two-calls")
    make_call(two, eligibility={"max_years_since_founding": 2})
    make_call(two, eligibility={"max_years_since_founding": 10})
    make_program(organization, slug="draft", is_published=False)


EVERY = ["anyone", "no-call", "older", "small-revenue", "two-calls", "young"]


def _all_but(*slugs: str) -> list[str]:
    return [slug for slug in EVERY if slug not in slugs]


def test_founded_within_keeps_calls_whose_limit_takes_it_or_that_have_none(rules, charlie):
    assert _slugs(charlie, founded_within="3") == EVERY
    assert _slugs(charlie, founded_within="5") == _all_but("young")
    assert _slugs(charlie, founded_within="8") == _all_but("young", "older")
    assert _slugs(charlie, founded_within="11") == _all_but("young", "older", "two-calls")


def test_team_keeps_calls_whose_range_holds_it(rules, charlie):
    assert _slugs(charlie, team="1") == _all_but("older", "small-revenue")
    assert _slugs(charlie, team="5") == _all_but("older")
    assert _slugs(charlie, team="12") == _all_but("young")


def test_revenue_keeps_calls_whose_highest_band_is_at_or_above_it(rules, charlie):
    assert _slugs(charlie, revenue="none") == EVERY  # no revenue is under every limit
    assert _slugs(charlie, revenue="under_100m_krw") == EVERY
    assert _slugs(charlie, revenue="under_1b_krw") == _all_but("small-revenue")


def test_eligibility_filters_combine_on_one_and_the_same_call(organization, charlie):
    program = make_program(organization, slug="split")
    make_call(program, eligibility={"max_years_since_founding": 3})  # open, takes young ones
    make_call(program, opens_in_days=-30, closes_in_days=-1)  # closed, takes anyone
    assert _slugs(charlie, founded_within="5") == ["split"]
    assert _slugs(charlie, founded_within="5", open_now="1") == []
    assert _slugs(charlie, founded_within="2", open_now="1") == ["split"]
    program = make_program(organization, slug="mixed")
    make_call(program, eligibility={"max_years_since_founding": 3})
    make_call(program, eligibility={"team_size": {"max": 2}})
    assert "mixed" not in _slugs(charlie, founded_within="5", team="4")


def _counts(client, facet: str, **params) -> dict[str, int]:
    facets = client.get(f"{API}/programs/facets", params).json()
    return {v["value"]: v["count"] for v in next(f for f in facets if f["name"] == facet)["values"]}


def test_deadline_counts_take_the_eligibility_filters_on_the_same_call(organization, client):
    program = make_program(organization, slug="split")
    make_call(program, eligibility={"max_years_since_founding": 3})  # open now
    make_call(program, opens_in_days=5, closes_in_days=60)  # to come, takes anyone
    assert _counts(client, "open_now", founded_within="5")["1"] == 0
    assert _counts(client, "open_now", founded_within="2")["1"] == 1


def test_revenue_facet_counts_the_programs_taking_each_band(rules, client):
    revenue = _counts(client, "revenue", founded_within="5")
    assert revenue["none"] == revenue["under_100m_krw"] == len(_all_but("young"))
    assert revenue["under_1b_krw"] == len(_all_but("young", "small-revenue"))
    revenue = _counts(client, "revenue", founded_within="5", open_now="1")
    assert revenue["under_1b_krw"] == len(_all_but("young", "small-revenue", "no-call"))


def test_filter_form_reports_bad_eligibility_values_on_their_fields():
    form = ProgramFilterForm(
        {"founded_within": "soon", "team": "0", "revenue": "a lot", "kind": "funding"}
    )
    assert set(form.errors) == {"founded_within", "team", "revenue"}
    assert form.valid_data()["kind"] == "funding"
    for value in ("0", "101", "-3", "1e9"):
        assert "founded_within" in ProgramFilterForm({"founded_within": value}).errors, value


def test_page_bad_eligibility_value_is_a_form_error_not_a_failure(client, rules):
    response = client.get(reverse("programs:list"), {"founded_within": "💥", "team": "99999"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Founded within (years):" in body and "Team size:" in body
    assert 'aria-describedby="id_team_error"' in body and 'id="id_team_error"' in body
    assert 'href="/programs/young/"' in body  # the bad filters take no part


def test_page_keeps_eligibility_filters_in_the_form(client, rules):
    body = client.get(
        reverse("programs:list"), {"founded_within": "2", "team": "3", "revenue": "none"}
    ).content.decode()
    assert '<input type="number" name="founded_within" value="2" min="1" max="100"' in body
    assert '<input type="number" name="team" value="3" min="1" max="10000"' in body
    assert 'value="none" selected' in body
    assert 'href="/programs/older/"' not in body and 'href="/programs/young/"' in body


QUERIES = {
    "en": "pre-founder seed founded three years ago team of 5 pre-revenue",
    "ko": "예비창업자 시드 창업 3년 이내 5인 이하 매출 없는",
    "zh-hans": "准创业者 种子轮 成立3年以内 5人以下 无营收",
}
OFFER_TEXT = {
    "en": "Only programs that take it",
    "ko": "이 조건을 받는 프로그램만",
    "zh-hans": "只看接受此条件的项目",
}
REMOVE_TEXT = {"en": "Remove the filter", "ko": "필터 해제", "zh-hans": "取消筛选"}


def _links(html: str, text: str) -> list[dict]:
    """The query parameters of each link reading ``text``."""
    found = re.findall(r'<a href="\?([^"]*)"[^>]*>\s*' + re.escape(text) + r"\s*</a>", html)
    return [{k: v[0] for k, v in parse_qs(unescape(query)).items()} for query in found]


def _page(client, language: str, **params) -> str:
    response = client.get(reverse("programs:list"), params, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["en", "ko", "zh-hans"])
def test_page_offers_a_filter_beside_each_understood_eligibility(client, rules, language):
    html = _page(client, language, q=QUERIES[language], kind="")
    offers = _links(html, OFFER_TEXT[language])
    assert all(offer["q"] == QUERIES[language] for offer in offers)  # the words are kept
    applied = [{k: v for k, v in offer.items() if k not in {"q", "kind"}} for offer in offers]
    assert applied == [
        {"stage": "idea"},  # a pre-founder: the idea stage
        {"stage": "seed"},
        {"founded_within": "3"},
        {"team": "5"},
    ]  # no revenue: under every limit, a filter on it would keep every program


@pytest.mark.parametrize("language", ["en", "ko", "zh-hans"])
def test_applied_filter_is_said_on_its_tag_and_offered_for_removal(client, rules, language):
    html = _page(client, language, q=QUERIES[language], founded_within="3", page="2")
    removals = _links(html, REMOVE_TEXT[language])
    assert removals == [{"q": QUERIES[language]}]  # the words kept, the filter and page gone
    filter_on = {"en": "filter on", "ko": "필터 적용됨", "zh-hans": "已筛选"}[language]
    assert html.count(f"· {filter_on}") == 1
    assert len(_links(html, OFFER_TEXT[language])) == 3  # the other items are still offered


def test_no_filter_is_offered_for_a_value_the_filter_refuses(client, rules):
    html = _page(client, "en", q="founded 200 years ago")
    assert "Founded up to 200 years ago" in html and _links(html, OFFER_TEXT["en"]) == []


ROBOT = {"en": "robot", "ko": "로봇", "zh-hans": "机器人"}  # every program's title names it


@pytest.mark.parametrize("language", ["en", "ko", "zh-hans"])
def test_following_the_offer_narrows_the_results(client, rules, language):
    html = _page(client, language, q=f"{ROBOT[language]} {QUERIES[language]}")
    assert 'href="/programs/older/"' in html and 'href="/programs/young/"' in html
    team = next(offer for offer in _links(html, OFFER_TEXT[language]) if "team" in offer)
    narrowed = _page(client, language, **team)  # a team of 5: "older" takes 10 or more
    assert 'href="/programs/older/"' not in narrowed and 'href="/programs/young/"' in narrowed
    assert REMOVE_TEXT[language] in narrowed


def test_api_takes_the_same_eligibility_filters(client, rules, charlie):
    for params in ({"founded_within": 8}, {"team": 12}, {"revenue": "under_1b_krw"}):
        items = client.get(f"{API}/programs", params).json()["items"]
        assert sorted(item["slug"] for item in items) == _slugs(charlie, **params), params


@pytest.mark.parametrize(
    "params",
    [
        {"founded_within": "soon"},
        {"founded_within": "0"},
        {"founded_within": "101"},
        {"team": "-1"},
        {"team": "10001"},
        {"revenue": "billions"},
    ],
)
def test_api_bad_eligibility_filter_is_a_translated_422(client, params):
    (field,) = params
    for path in (f"{API}/programs", f"{API}/programs/facets"):
        response = client.get(path, params, HTTP_ACCEPT_LANGUAGE="ko")
        assert response.status_code == 422, path
        message = response.json()["errors"][field][0]
        assert message and not re.search(r"[A-Za-z]{4}", message.replace(params[field], ""))


def test_saved_search_hears_only_of_calls_that_take_the_startup(
    organization, bob, charlie, django_capture_on_commit_callbacks
):
    program = make_program(organization, kind="testbed")
    _save(charlie, "", founded_within=5)
    limit = {"max_years_since_founding": 3}
    _new_call(program, bob, django_capture_on_commit_callbacks, eligibility=limit)
    assert mail.outbox == []
    _new_call(program, bob, django_capture_on_commit_callbacks)  # no limit
    assert [m.to for m in mail.outbox] == [[charlie.email]]


def test_search_command_takes_the_eligibility_filters(rules, capsys):
    call_command("search", "", "--json", "--limit", "20", "--team", "12", "--founded-within", "8")
    slugs = sorted(row["slug"] for row in json.loads(capsys.readouterr().out))
    assert slugs == _all_but("young", "older")
    with pytest.raises(CommandError, match="--revenue"):
        call_command("search", "", "--revenue", "lots")
