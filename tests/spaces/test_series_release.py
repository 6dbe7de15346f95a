"""The hourly job that releases the later occurrences of recurring bookings nobody re-confirmed:
on the worker's schedule, exact to the day in the space's own zone, idempotent, hours given back,
freed slots offered to the waitlist, re-confirmed series untouched."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.module_loading import import_string

from startup_street.core.periodic import periodic_jobs
from startup_street.core.timezones import get_zone
from startup_street.spaces import services, tasks
from startup_street.spaces.checks import hours_left
from startup_street.spaces.models import BookingSeries, WaitlistEntry

from .conftest import local_slot

pytestmark = pytest.mark.django_db


def _weekly(w, weeks: int = 9, who="founder", startup="startup", hour=10):
    w["space"].horizon_days = 120
    w["space"].save()
    for entitlement in w[startup].entitlements.all():
        entitlement.hours_per_month = Decimal("100")
        entitlement.save()
    start, end = local_slot(w["space"], hour=hour)
    return services.book_series(
        space=w["space"],
        user=w[who],
        startup=w[startup],
        starts_at=start,
        ends_at=end,
        frequency="weekly",
        until=start.date() + timedelta(weeks=weeks),
    )


def _local_day(series, booking) -> date:
    return booking.starts_at.astimezone(get_zone(series.space.time_zone)).date()


def test_release_job_is_on_the_workers_schedule_hourly():
    jobs = {job.name: job for job in periodic_jobs()}
    job = jobs["release-unconfirmed-series"]
    assert job.cron == "5 * * * *"
    assert import_string(job.task) is tasks.task_release_unconfirmed_series


def test_scheduled_task_releases_a_lapsed_series_and_leaves_a_reconfirmed_one(
    cluster, django_capture_on_commit_callbacks
):
    lapsed = _weekly(cluster, hour=10)
    kept = _weekly(cluster, hour=14)
    services.reconfirm_series(series=kept, user=cluster["founder"])
    BookingSeries.objects.filter(pk=kept.pk).update(confirmed_until=kept.until)
    yesterday = timezone.now().astimezone(get_zone("Asia/Seoul")).date() - timedelta(days=1)
    BookingSeries.objects.filter(pk=lapsed.pk).update(confirmed_until=yesterday)
    month = lapsed.bookings.first().month
    before = hours_left(cluster["entitlement"], month)
    drawn = sum(b.hours for b in lapsed.bookings.filter(month=month))
    mail.outbox.clear()

    task = import_string(
        next(j.task for j in periodic_jobs() if j.name == "release-unconfirmed-series")
    )
    with django_capture_on_commit_callbacks(execute=True):
        task.enqueue()

    assert set(lapsed.bookings.values_list("status", flat=True)) == {"cancelled"}
    assert lapsed.bookings.filter(reason="The series was not re-confirmed.").count() == 10
    assert set(kept.bookings.values_list("status", flat=True)) == {"confirmed"}
    assert hours_left(cluster["entitlement"], month) == before + drawn
    assert len(mail.outbox) == 10  # the team is told of each occurrence released

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        task.enqueue()  # again: nothing more to release
    assert services.release_unconfirmed_series() == 0
    assert not mail.outbox


def test_release_keeps_every_occurrence_up_to_the_confirmed_day(cluster):
    series = _weekly(cluster, weeks=9)
    assert series.bookings.count() == 10
    first_day = _local_day(series, series.bookings.first())
    # confirmed 28 days ahead: the occurrences on the first five weeks' days are kept
    assert series.confirmed_until == min(
        series.until, first_day - timedelta(days=2) + timedelta(28)
    )
    kept = [b.pk for b in series.bookings.all() if _local_day(series, b) <= series.confirmed_until]
    later = [b.pk for b in series.bookings.all() if _local_day(series, b) > series.confirmed_until]
    assert len(kept) + len(later) == 10 and kept and later

    on_the_day = datetime.combine(series.confirmed_until, time(23, 30))
    not_yet = timezone.make_aware(on_the_day, get_zone("Asia/Seoul"))
    assert services.release_unconfirmed_series(now=not_yet) == 0

    next_morning = not_yet + timedelta(hours=1)
    assert services.release_unconfirmed_series(now=next_morning) == len(later)
    assert set(series.bookings.filter(status="cancelled").values_list("pk", flat=True)) == set(
        later
    )
    assert set(series.bookings.filter(status="confirmed").values_list("pk", flat=True)) == set(kept)
    assert services.release_unconfirmed_series(now=next_morning + timedelta(days=3)) == 0


def test_release_follows_the_spaces_zone_ahead_of_utc(cluster):
    """00:30 in Seoul is 15:30 UTC the day before: the Seoul day has ended, so it is released."""
    series = _weekly(cluster, weeks=9)
    utc_evening = datetime.combine(series.confirmed_until, time(15, 30), tzinfo=UTC)
    assert utc_evening.astimezone(get_zone("Asia/Seoul")).date() > series.confirmed_until
    assert services.release_unconfirmed_series(now=utc_evening) > 0


def test_release_follows_the_spaces_zone_behind_utc(cluster):
    """In New York the day is not over when UTC's is."""
    cluster["space"].time_zone = "America/New_York"
    cluster["space"].save()
    cluster["space"].opening_hours.update(opens=time(0), closes=time(23, 59))
    series = _weekly(cluster, weeks=9)
    utc_early = datetime.combine(series.confirmed_until + timedelta(days=1), time(2), tzinfo=UTC)
    assert utc_early.astimezone(get_zone("America/New_York")).date() == series.confirmed_until
    assert services.release_unconfirmed_series(now=utc_early) == 0
    assert services.release_unconfirmed_series(now=utc_early + timedelta(hours=4)) > 0


def test_release_offers_a_freed_slot_to_the_waitlist(cluster):
    series = _weekly(cluster, weeks=9)
    last = series.bookings.order_by("-starts_at").first()
    entry = services.join_waitlist(
        space=cluster["space"],
        user=cluster["other"],
        startup=cluster["other_startup"],
        starts_at=last.starts_at,
        ends_at=last.ends_at,
    )
    after = timezone.make_aware(
        datetime.combine(series.confirmed_until + timedelta(days=1), time(1)),
        get_zone("Asia/Seoul"),
    )
    services.release_unconfirmed_series(now=after)
    entry.refresh_from_db()
    assert entry.status == "offered"
    assert WaitlistEntry.objects.filter(status="offered").count() == 1
