from datetime import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from startup_street.core.models import Sector
from startup_street.programs import alerts, services
from startup_street.programs.models import SavedSearch, SavedSearchAlert
from tests.factories import make_call, make_program

pytestmark = pytest.mark.django_db


def _save(user, query="", **filters) -> SavedSearch:
    saved, _created = services.save_search(user=user, query=query, filters=filters, language="en")
    return saved


def _new_call(program, actor, captured, closes=datetime(2030, 2, 1, 18), eligibility=None):
    with captured(execute=True):
        return services.save_call(
            program=program,
            actor=actor,
            opens_local=datetime(2030, 1, 1, 9),
            closes_local=closes,
            time_zone="Asia/Shanghai",
            eligibility=eligibility,
        )


def test_save_search_from_page_keeps_words_and_filters(client, charlie):
    client.force_login(charlie)
    response = client.post(
        reverse("programs:saved_search_create"),
        {"q": "robot", "kind": "testbed", "sector": "robotics", "open_now": "1", "city": ""},
    )
    saved = SavedSearch.objects.get(user=charlie)
    assert saved.query == "robot"
    assert saved.filters == {"kind": "testbed", "sector": "robotics", "open_now": True}
    assert response.status_code == 302 and "sector=robotics" in response["Location"]


def test_save_search_twice_keeps_one(client, charlie):
    client.force_login(charlie)
    for _ in range(2):
        client.post(reverse("programs:saved_search_create"), {"q": "robot", "kind": "testbed"})
    assert SavedSearch.objects.filter(user=charlie).count() == 1


def test_save_search_with_bad_filter_saves_nothing(client, charlie):
    client.force_login(charlie)
    response = client.post(reverse("programs:saved_search_create"), {"kind": "💥"})
    assert response.status_code == 302 and not SavedSearch.objects.exists()


def test_save_search_anonymous_is_sent_to_log_in(client):
    response = client.post(reverse("programs:saved_search_create"), {"q": "robot"})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not SavedSearch.objects.exists()


def test_save_search_has_a_limit(charlie):
    for n in range(services.SAVED_SEARCH_LIMIT):
        _save(charlie, f"query {n}")
    with pytest.raises(ValidationError):
        _save(charlie, "one too many")


def test_saved_searches_listed_for_their_owner_only(client, alice, charlie):
    _save(alice, "robot testbed", kind="testbed")
    _save(charlie, "fashion")
    client.force_login(alice)
    body = client.get(reverse("programs:saved_searches")).content.decode()
    assert "robot testbed" in body and "Kind of support: Testbed and demonstration" in body
    assert "fashion" not in body


@pytest.mark.parametrize(("who", "status"), [("alice", 302), ("charlie", 404)])
def test_delete_saved_search_owner_only(client, alice, request, who, status):
    saved = _save(alice, "robot")
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("programs:saved_search_delete", args=[saved.pk]))
    assert response.status_code == status
    assert SavedSearch.objects.filter(pk=saved.pk).exists() == (who != "alice")


def test_delete_saved_search_anonymous_changes_nothing(client, alice):
    saved = _save(alice, "robot")
    response = client.post(reverse("programs:saved_search_delete", args=[saved.pk]))
    assert response.status_code == 302 and SavedSearch.objects.filter(pk=saved.pk).exists()


def test_new_matching_call_is_emailed_once_in_users_language(
    organization, bob, charlie, django_capture_on_commit_callbacks
):
    charlie.preferred_language = "ko"
    charlie.time_zone = "Asia/Seoul"
    charlie.save()
    program = make_program(organization, title={"ko": "로봇 실증 지원", "en": "Robot testbed"})
    saved = _save(charlie, "로봇", kind="testbed")
    call = _new_call(program, bob, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[charlie.email]]
    body = mail.outbox[0].body
    assert "로봇 실증 지원" in body and "베이징 시간" in body and "서울 시간" in body
    assert SavedSearchAlert.objects.filter(saved_search=saved, call=call).count() == 1
    assert alerts.alert_saved_searches(call.pk) == 0  # never twice
    assert len(mail.outbox) == 1


def test_new_call_outside_saved_filters_or_words_is_not_emailed(
    organization, bob, charlie, alice, django_capture_on_commit_callbacks
):
    program = make_program(organization, kind="testbed", title={"en": "Robot testbed"})
    program.sectors.add(Sector.objects.get(code="robotics"))
    _save(charlie, "", kind="funding")  # another kind
    _save(charlie, "fashion")  # words that do not match
    _save(alice, "", sector="robotics", closes_within=30)  # the call closes far later
    _new_call(program, bob, django_capture_on_commit_callbacks, closes=datetime(2031, 6, 1, 18))
    assert mail.outbox == []


def test_saved_search_without_words_matches_on_filters(
    organization, bob, charlie, django_capture_on_commit_callbacks
):
    program = make_program(organization, kind="testbed")
    _save(charlie, "", kind="testbed", country="KR")
    _new_call(program, bob, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[charlie.email]]


def test_follower_is_told_once_not_also_by_saved_search(
    organization, bob, charlie, django_capture_on_commit_callbacks
):
    program = make_program(organization, kind="testbed")
    alerts.follow_program(user=charlie, program=program)
    _save(charlie, "", kind="testbed")
    _new_call(program, bob, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_draft_program_calls_never_reach_saved_searches(organization, charlie):
    draft = make_program(organization, is_published=False, kind="testbed")
    call = make_call(draft)
    _save(charlie, "", kind="testbed")
    assert alerts.alert_saved_searches(call.pk) == 0
    assert alerts.alert_saved_searches(999999) == 0  # a call deleted before the job ran


def test_imported_new_call_reaches_saved_searches(
    organization, charlie, django_capture_on_commit_callbacks
):
    from startup_street.programs.importers import import_rows

    _save(charlie, "", kind="funding")
    row = {
        "organization": organization.slug,
        "slug": "seed-fund",
        "title_en": "Seed fund",
        "kind": "funding",
        "country": "KR",
        "call_opens": "2030-01-01 09:00",
        "call_closes": "2030-02-01 18:00",
        "call_time_zone": "Asia/Seoul",
    }
    with django_capture_on_commit_callbacks(execute=True):
        report = import_rows([row])
    assert report.calls == 1 and [m.to for m in mail.outbox] == [[charlie.email]]
    with django_capture_on_commit_callbacks(execute=True):
        import_rows([row])  # re-run: the same call, no new mail
    assert len(mail.outbox) == 1


def test_calls_arriving_together_are_emailed_once_per_search_and_call(organization, alice, charlie):
    charlie.preferred_language = "ko"
    charlie.time_zone = "Asia/Seoul"
    charlie.save()
    robots = make_program(organization, kind="testbed", title={"en": "Robot testbed"})
    fund = make_program(organization, kind="funding", title={"en": "Seed fund"})
    calls = [
        make_call(robots, closes_in_days=10, time_zone="Asia/Shanghai"),
        make_call(robots, closes_in_days=60, time_zone="Asia/Shanghai"),
        make_call(fund, closes_in_days=10),
    ]
    testbeds = _save(charlie, "", kind="testbed")  # both robot calls
    soon = _save(alice, "", closes_within=30)  # the two calls closing within 30 days
    _save(alice, "", kind="mentoring")  # filters that exclude every call: nothing
    sent = alerts.alert_saved_searches_for_calls([call.pk for call in calls])
    assert sent == 4 and len(mail.outbox) == 4
    assert {(a.saved_search_id, a.call_id) for a in SavedSearchAlert.objects.all()} == {
        (testbeds.pk, calls[0].pk),
        (testbeds.pk, calls[1].pk),
        (soon.pk, calls[0].pk),
        (soon.pk, calls[2].pk),
    }
    with translation.override("ko"):
        subject = gettext("New call for your saved search: %(program)s") % {"program": robots}
    assert not subject.startswith("New call")  # the Korean catalogue has it
    to_charlie = [m for m in mail.outbox if m.to == [charlie.email]]
    assert [m.subject for m in to_charlie] == [subject, subject]  # in charlie's language
    for message in to_charlie:  # the call's zone and charlie's
        assert "베이징 시간" in message.body and "서울 시간" in message.body
    again = alerts.alert_saved_searches_for_calls([call.pk for call in calls])
    assert again == 0 and len(mail.outbox) == 4  # never twice, in a batch or one by one
    assert sum(alerts.alert_saved_searches(call.pk) for call in calls) == 0


def test_saved_search_scan_reads_each_search_once_for_a_batch(organization, charlie, alice):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    programs = [make_program(organization, kind="testbed") for _ in range(6)]
    calls = [make_call(program) for program in programs]
    for user in (charlie, alice):
        _save(user, "", kind="funding")
        _save(user, "", country="CN")
    counts = []
    for batch in (calls[:1], calls):
        with CaptureQueriesContext(connection) as queries:
            assert alerts.alert_saved_searches_for_calls([call.pk for call in batch]) == 0
        counts.append(len(queries))
    assert counts[0] == counts[1]  # as many queries for six calls as for one


def test_imported_calls_reach_saved_searches_once_each(
    organization, charlie, django_capture_on_commit_callbacks
):
    from startup_street.programs.importers import import_rows

    saved = _save(charlie, "", kind="funding")
    rows = [
        {
            "organization": organization.slug,
            "slug": f"fund-{n}",
            "title_en": f"Fund {n}",
            "kind": "funding",
            "country": "KR",
            "call_opens": "2030-01-01 09:00",
            "call_closes": "2030-02-01 18:00",
        }
        for n in range(3)
    ]
    rows.append({**rows[0], "slug": "broken", "kind": "magic"})  # rejected: nothing of it sent
    with django_capture_on_commit_callbacks(execute=True):
        report = import_rows(rows, partial=True)
    assert report.calls == 3 and len(report.errors) == 1
    assert len(mail.outbox) == 3 and saved.alerts.count() == 3
