import pytest

from startup_street.reviews import services as review_services

from . import factories


@pytest.fixture(autouse=True)
def _english_and_fast(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _search_view_files(settings, tmp_path):
    """The shared search view's files in a folder of the test's own."""
    settings.SEARCH_VIEW_DIR = tmp_path / "search-view"


@pytest.fixture(autouse=True)
def _fresh_search_views():
    """Each test's rolled-back database may reach the same index generation as the last
    one's: start every test without the search views held in memory."""
    from startup_street.search.memory import forget

    forget()
    yield
    forget()


@pytest.fixture
def alice(db):
    """Owner: founder of the startup, admin of the organisation."""
    return factories.make_user("alice", preferred_language="en")


@pytest.fixture
def bob(db):
    """Teammate: member of alice's startup, program manager at her organisation."""
    return factories.make_user("bob", preferred_language="en")


@pytest.fixture
def charlie(db):
    """Outsider: belongs to nothing of alice's."""
    return factories.make_user("charlie", preferred_language="en")


@pytest.fixture
def organization(alice, bob):
    org = factories.make_organization(slug="seoul-hub")
    factories.make_member(org, alice, "admin")
    factories.make_member(org, bob, "program_manager")
    return org


@pytest.fixture
def startup(alice, bob):
    return factories.make_startup(alice, teammates=[bob], slug="robowave", name="Robowave")


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def call(organization):
    """A call of the organisation's program with three seats."""
    return factories.make_call(factories.make_program(organization), seats=3)


@pytest.fixture
def reviewers(organization):
    people = [
        factories.make_user(f"reviewer{i}", email=f"r{i}@review{i}.kr", preferred_language="en")
        for i in range(4)
    ]
    for person in people:
        factories.make_member(organization, person, "reviewer")
    return people


@pytest.fixture
def criteria(call, alice):
    return [
        review_services.add_criterion(
            call=call, actor=alice, label={"en": "Team"}, weight=2, scale_min=1, scale_max=5
        ),
        review_services.add_criterion(
            call=call, actor=alice, label={"en": "Market"}, weight=1, scale_min=1, scale_max=5
        ),
    ]
