"""Every page and endpoint answers hostile input without a server error."""

import pytest

from tests.factories import make_call, make_program

pytestmark = pytest.mark.django_db

JUNK = {
    "q": '\x00\x1f\' OR 1=1; -- "*" NEAR( 로봇 机器人' + "x" * 2000,
    "page": "-1",
    "kind": "💥",
    "sector": "../../etc",
    "open": "maybe",
    "founded_within": "1e400",
    "team": "9" * 40,
    "revenue": "' OR 1=1",
    "email": "a@" * 50,
    "time_zone": "../../etc/passwd",
    "language": "\u202e",
    "name": "x" * 5000,
    "next": "javascript:alert(1)",
}


def _paths(organization, program, call, startup):
    return [
        "/",
        "/programs/",
        f"/programs/{program.slug}/",
        f"/programs/{program.slug}/edit/",
        f"/programs/{program.slug}/calls/new/",
        f"/programs/{program.slug}/calls/{call.pk}/edit/",
        f"/programs/new/{organization.slug}/",
        "/organizations/",
        f"/organizations/{organization.slug}/",
        f"/organizations/{organization.slug}/edit/",
        f"/organizations/{organization.slug}/members/",
        "/organizations/invitations/garbage-token/",
        "/startups/",
        "/startups/new/",
        f"/startups/{startup.slug}/",
        f"/startups/{startup.slug}/edit/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/signup/sent/",
        "/accounts/verify/MQ/bad-token/",
        "/accounts/verify/%%%/bad-token/",
        "/accounts/verify/again/",
        "/accounts/two-factor/",
        "/accounts/two-factor/setup/",
        "/accounts/two-factor/verify/",
        "/accounts/two-factor/recovery-codes/",
        "/accounts/two-factor/disable/",
        "/accounts/profile/",
        "/accounts/tokens/",
        "/accounts/tokens/999/revoke/",
        "/accounts/password-reset/",
        "/accounts/password-reset/MQ/bad-token/",
        "/i18n/language/",
        "/i18n/time-zone/",
        "/api/v1/programs",
        f"/api/v1/programs/{program.slug}",
        f"/api/v1/programs/{program.slug}/calls",
        "/api/v1/calls",
        f"/api/v1/calls/{call.pk}",
        "/api/v1/organizations",
        "/api/v1/startups",
        f"/api/v1/startups/{startup.slug}",
        "/api/v1/me",
        "/api/v1/saved-searches",
        "/api/v1/saved-searches/999999",
    ]


@pytest.mark.parametrize("who", [None, "alice", "charlie"])
def test_every_page_survives_junk(client, organization, startup, request, who):
    program = make_program(organization)
    call = make_call(program)
    if who:
        client.force_login(request.getfixturevalue(who))
    for path in _paths(organization, program, call, startup):
        for response in (
            client.get(path, JUNK),
            client.post(path, JUNK),
            client.patch(path, "{bad json", content_type="application/json"),
        ):
            assert response.status_code < 500, (path, response.status_code)
