import pytest

from . import factories


@pytest.fixture(autouse=True)
def _english_and_fast(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.LANGUAGE_CODE = "en"


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
