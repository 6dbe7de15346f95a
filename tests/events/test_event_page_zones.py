"""The event page gives the reader's own time only when their zone is not the event's."""

from django.urls import reverse

from tests.factories import make_user


def _page(client, world, zone: str) -> str:
    reader = make_user(preferred_language="zh-hans", time_zone=zone)
    client.force_login(reader)
    return client.get(reverse("events:detail", args=[world["event"].slug])).content.decode()


def test_event_in_the_readers_zone_shows_one_time(client, world):
    page = _page(client, world, "Asia/Shanghai")
    assert "您的时间" not in page
    assert "北京时间" in page and "首尔时间" not in page


def test_event_elsewhere_adds_the_readers_time(client, world):
    page = _page(client, world, "Asia/Seoul")
    assert "您的时间" in page
    assert "北京时间" in page and "首尔时间" in page
