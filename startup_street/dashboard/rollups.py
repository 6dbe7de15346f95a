"""The rollups the figures read instead of every record (``models.py``: CallTally,
AcceptedPlace, LatestReport, QuarterOutcome), kept by the records' own writes.

Every save or delete of an application or an outcome report, whichever service, form, admin
page or cascade makes it, recounts the rows it touches from the records themselves, in the same
transaction: the row is locked first (made if missing), then counted, so two writers of one
call, startup or quarter take turns and the second counts what the first wrote. The figures
therefore agree with the records on the next page. Writes that skip Django's signals
(``bulk_create``, ``QuerySet.update``, ``loaddata``, SQL) must be followed by
``rebuild_rollups()`` (``startup-street rebuild_indicator_rollups``), as the demo and the
benchmark's loaders do.

The rollups keep only the records' own fields. A call's organisation, kind of program and
closing time, and a startup's sector, city and district, are joined when the figures are read,
so editing a call, a program or a startup needs no recount, and slices use their current values,
as the records themselves would.
"""

from contextlib import contextmanager

from django.apps import apps as installed_apps
from django.db import transaction
from django.db.models import BigIntegerField, Count, F, OuterRef, Q, Subquery, Sum, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.db.models.signals import post_delete, post_save, pre_save

from startup_street.applications.enums import Status

BATCH = 2000


def _models(apps=installed_apps) -> dict:
    names = {
        "Application": "applications.Application",
        "OutcomeReport": "startups.OutcomeReport",
        "CallTally": "dashboard.CallTally",
        "AcceptedPlace": "dashboard.AcceptedPlace",
        "LatestReport": "dashboard.LatestReport",
        "QuarterOutcome": "dashboard.QuarterOutcome",
    }
    return {short: apps.get_model(name) for short, name in names.items()}


# --- what each row holds, counted from the records -------------------------------------------


def _call_counts(applications):
    """(call, applications, accepted places) of the calls of ``applications``."""
    return (
        applications.exclude(status=Status.DRAFT)
        .values_list("call")
        .annotate(submitted=Count("pk"), accepted=Count("pk", filter=Q(status=Status.ACCEPTED)))
        .order_by()
    )


def _latest_verified(reports):
    """(startup, year, quarter, employees) of each startup's latest verified report."""
    ranked = reports.filter(verified_at__isnull=False).annotate(
        rank=Window(
            RowNumber(), partition_by=F("startup"), order_by=[F("year").desc(), F("quarter").desc()]
        )
    )
    return ranked.filter(rank=1).values_list("startup", "year", "quarter", "employees")


def _quarter_investment(reports):
    """(year, quarter, investment) of the verified reports, per quarter."""
    return (
        reports.filter(verified_at__isnull=False)
        .values_list("year", "quarter")
        .annotate(total=Sum("investment_raised_krw"))
        .order_by()
    )


# --- one row, after one record's write -------------------------------------------------------


def _keep(model, key: dict, **fresh) -> None:
    """Set ``model``'s row at ``key`` to ``fresh`` (subqueries counting the records), written
    and never read back: the row is made if missing, locked by a first update, then set by a
    second, whose new statement sees what a concurrent writer committed meanwhile."""
    with transaction.atomic():
        model.objects.bulk_create([model(**key)], ignore_conflicts=True)
        rows = model.objects.filter(**key)
        first = next(iter(fresh))
        rows.update(**{first: F(first)})  # the row's lock
        rows.update(**fresh)


def _number(qs, aggregate, output_field=None) -> Coalesce:
    """``aggregate`` over ``qs`` (records of the row being set), or 0 when there are none."""
    one = qs.order_by().annotate(group=Value(1)).values("group").annotate(n=aggregate)
    return Coalesce(Subquery(one.values("n")), 0, output_field=output_field or BigIntegerField())


def keep_call(call_id: int) -> None:
    """The call's tally."""
    m = _models()
    submitted = m["Application"].objects.filter(call_id=OuterRef("call_id"))
    submitted = submitted.exclude(status=Status.DRAFT)
    accepted = submitted.filter(status=Status.ACCEPTED)
    _keep(
        m["CallTally"],
        {"call_id": call_id},
        submitted=_number(submitted, Count("pk")),
        accepted=_number(accepted, Count("pk")),
    )


def keep_place(application) -> None:
    """The application's accepted place, there exactly while it is accepted (an application's
    call and startup never change)."""
    place = _models()["AcceptedPlace"]
    if application.status == Status.ACCEPTED:
        made = place(
            application_id=application.pk,
            call_id=application.call_id,
            startup_id=application.startup_id,
        )
        place.objects.bulk_create([made], ignore_conflicts=True)
    else:
        place.objects.filter(application_id=application.pk).delete()


def keep_latest(startup_id: int) -> None:
    """The startup's latest verified report; no row when none is verified."""
    m = _models()
    verified = m["OutcomeReport"].objects.filter(
        startup_id=OuterRef("startup_id"), verified_at__isnull=False
    )
    latest = verified.order_by("-year", "-quarter")
    _keep(
        m["LatestReport"],
        {"startup_id": startup_id},
        **{
            name: Coalesce(Subquery(latest.values(name)[:1]), 0)
            for name in ("year", "quarter", "employees")
        },
    )
    m["LatestReport"].objects.filter(startup_id=startup_id, year=0).delete()


def keep_quarter(year: int, quarter: int) -> None:
    """The quarter's verified investment."""
    m = _models()
    verified = m["OutcomeReport"].objects.filter(
        year=OuterRef("year"), quarter=OuterRef("quarter"), verified_at__isnull=False
    )
    _keep(
        m["QuarterOutcome"],
        {"year": year, "quarter": quarter},
        investment_raised_krw=_number(verified, Sum("investment_raised_krw")),
    )


# --- every row --------------------------------------------------------------------------------


@transaction.atomic
def rebuild_rollups(apps=installed_apps) -> dict[str, int]:
    """Recount every rollup from the records; returns the rows written per rollup."""
    m = _models(apps)
    applications, reports = m["Application"].objects.all(), m["OutcomeReport"].objects.all()
    rows = {
        "CallTally": (
            m["CallTally"](call_id=call, submitted=submitted, accepted=accepted)
            for call, submitted, accepted in _call_counts(applications)
        ),
        "AcceptedPlace": (
            m["AcceptedPlace"](application_id=pk, call_id=call, startup_id=startup)
            for pk, call, startup in applications.filter(status=Status.ACCEPTED).values_list(
                "pk", "call", "startup"
            )
        ),
        "LatestReport": (
            m["LatestReport"](startup_id=s, year=y, quarter=q, employees=e)
            for s, y, q, e in _latest_verified(reports)
        ),
        "QuarterOutcome": (
            m["QuarterOutcome"](year=y, quarter=q, investment_raised_krw=total or 0)
            for y, q, total in _quarter_investment(reports)
        ),
    }
    written = {}
    for name, new in rows.items():
        m[name].objects.all().delete()
        written[name] = len(m[name].objects.bulk_create(list(new), batch_size=BATCH))
    return written


# --- the writes that keep them ----------------------------------------------------------------


APPLICATION_FIELDS = {"status", "call", "startup"}  # what the rollups keep of an application
REPORT_FIELDS = {"startup", "year", "quarter", "employees", "investment_raised_krw", "verified_at"}


def _counted(fields: set[str], update_fields) -> bool:
    """Whether a save may change what the rollups keep (a save of named fields may not)."""
    return update_fields is None or bool(fields & set(update_fields))


def _application_written(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or not _counted(APPLICATION_FIELDS, update_fields):
        return  # loaddata: rebuild_rollups() afterwards
    keep_call(instance.call_id)
    keep_place(instance)


def _application_deleted(sender, instance, **kwargs) -> None:
    keep_call(instance.call_id)


def _report_before(sender, instance, raw=False, **kwargs) -> None:
    """The quarter a report had before this save, in case the save moves it."""
    if raw or instance.pk is None:
        instance._quarter_before = None
        return
    instance._quarter_before = (
        sender.objects.filter(pk=instance.pk).values_list("year", "quarter").first()
    )


def _report_written(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or not _counted(REPORT_FIELDS, update_fields):
        return
    keep_latest(instance.startup_id)
    quarters = {(instance.year, instance.quarter), getattr(instance, "_quarter_before", None)}
    for year, quarter in sorted(q for q in quarters if q):
        keep_quarter(year, quarter)


def _receivers() -> list:
    m = _models()
    return [
        (post_save, _application_written, m["Application"]),
        (post_delete, _application_deleted, m["Application"]),
        (pre_save, _report_before, m["OutcomeReport"]),
        (post_save, _report_written, m["OutcomeReport"]),
        (post_delete, _report_written, m["OutcomeReport"]),
    ]


def connect() -> None:
    for signal, receiver, sender in _receivers():
        signal.connect(receiver, sender=sender, dispatch_uid=f"rollups-{receiver.__name__}")


@contextmanager
def paused():
    """A bulk load or clear-out: the rollups are not kept row by row meanwhile, and are
    rebuilt once at the end."""
    for signal, receiver, sender in _receivers():
        signal.disconnect(receiver, sender=sender, dispatch_uid=f"rollups-{receiver.__name__}")
    try:
        yield
    finally:
        connect()
    rebuild_rollups()
