from startup_street.demo.generate import load_demo
from startup_street.events import selectors
from startup_street.events.encoding import encode
from startup_street.events.models import Event, Interpreter, Meeting, Outcome
from startup_street.events.scheduling import verify


def test_demo_delegation_visit_is_solved_published_and_followed_up(db):
    load_demo(programs=12, startups=120)
    event = Event.objects.get(slug="seoul-delegation-beijing")
    kinds = list(event.registrations.values_list("kind", flat=True))
    assert kinds.count("startup") == 20 and len(kinds) == 50
    assert Interpreter.objects.filter(event=event).count() == 4
    published = Meeting.objects.filter(event=event, published_slot__isnull=False)
    assert published.count() >= 60
    assert published.filter(published_interpreter__isnull=False).exists()
    enc = encode(event)
    assert verify(enc.problem, enc.draft()) == []
    assert selectors.meetings_held() == published.count()
    assert sum(selectors.outcomes_by_kind().values()) == Outcome.objects.count() >= 5
    assert selectors.market_entries_by_route()[("seoul", "beijing")] >= 1
    founder_agenda = selectors.agenda_of(
        event.registrations.get(user__email="founder@robowave.example.com")
    )
    assert len(founder_agenda) >= 2
    assert Event.objects.get(slug="beijing-market-info-session").is_published
