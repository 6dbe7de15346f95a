"""A match's inputs as plain data: read once from the database, kept on the MatchRun.

The snapshot holds every feature the encoder needs (sectors, stages, languages, time zones,
remaining capacity, mentors' bids, founders' preferences for mentors, conflicts, the text
similarity matrix), so a run can be re-solved
exactly as it was, and a pair added by hand is scored the same way as the solver's pairs.

Text similarity comes from the search app's multilingual embedder
(``startup_street.text.embeddings``, a pure module with no Django models): the startup's
pitch and description against the mentor's headline and biography, in any of the three
languages. The embedder can be passed in (tests pass the hashing embedder).
"""

from __future__ import annotations

import numpy as np
from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from startup_street.applications.models import Application
from startup_street.core.enums import PUBLIC_MAIL_DOMAINS
from startup_street.core.timezones import get_zone
from startup_street.matching.encoder import Encoded, Side, encode
from startup_street.startups.models import Startup

from ..models import FounderPreference, MentorBid, MentorProfile, Mentorship
from ..run_snapshot import Features, StartupSide

# Cosine similarity below this says nothing (unrelated texts in USE score about 0.1-0.2);
# above it, similarity is rescaled to 0..1 so that it weighs like the other parts.
SEMANTIC_FLOOR = 0.2


def offset_hours(zone_name: str) -> float:
    return timezone.now().astimezone(get_zone(zone_name)).utcoffset().total_seconds() / 3600


def active_mentors(organization) -> list[MentorProfile]:
    return list(
        MentorProfile.objects.filter(organization=organization, is_active=True)
        .select_related("user")
        .prefetch_related("expertise")
        .order_by("pk")
    )


def gather(
    *, organization, startup_ids, mentor_ids, call_id=None, embedder=None, on_stage=None
) -> Features:
    """Every feature of the cohort and the mentors, in id order.

    ``on_stage()`` is called before the texts are embedded (the slow part of a large run).
    """
    startups = list(
        Startup.objects.filter(pk__in=startup_ids)
        .prefetch_related("sectors", "members__user")
        .order_by("pk")
    )
    mentors = [m for m in active_mentors(organization) if m.pk in set(mentor_ids)]
    features = {
        "startups": _startup_features(startups),
        "mentors": _mentor_features(mentors),
        "bids": list(
            MentorBid.objects.filter(mentor__in=mentors, startup__in=startups).values_list(
                "startup_id", "mentor_id", "value"
            )
        ),
        "founder_preferences": list(
            FounderPreference.objects.filter(mentor__in=mentors, startup__in=startups).values_list(
                "startup_id", "mentor_id", "value"
            )
        ),
        "conflicts": _conflicts(startups, mentors),
        "programs": _programs(organization, startups, call_id),
        "embedder": None,
        "semantic": None,
    }
    features["bids"] = [list(row) for row in features["bids"]]
    features["founder_preferences"] = [list(row) for row in features["founder_preferences"]]
    if startups and mentors:
        if on_stage:
            on_stage()
        features.update(_semantic(startups, mentors, embedder))
    return Features.model_validate(features)


def _startup_features(startups) -> dict:
    def zone(s) -> str:
        zones = [m.user.time_zone for m in s.members.all() if m.user.time_zone]
        return zones[0] if zones else ("Asia/Shanghai" if s.country == "CN" else "Asia/Seoul")

    return {
        "ids": [s.pk for s in startups],
        "sectors": [sorted(sector.code for sector in s.sectors.all()) for s in startups],
        "stages": [[s.stage] if s.stage else [] for s in startups],
        "languages": [
            sorted(
                (
                    {s.original_language, *(m.user.preferred_language for m in s.members.all())}
                    | ({"ko", "zh-hans"} if s.country == "KR" else set())  # entering Beijing
                )
                - {""}
            )
            for s in startups
        ],
        "offsets": [offset_hours(zone(s)) for s in startups],
    }


def _mentor_features(mentors) -> dict:
    load = dict(
        Mentorship.objects.filter(mentor__in=mentors, status=Mentorship.Status.ACTIVE)
        .values("mentor")
        .annotate(n=Count("pk"))
        .values_list("mentor", "n")
    )
    return {
        "ids": [m.pk for m in mentors],
        "sectors": [sorted(sector.code for sector in m.expertise.all()) for m in mentors],
        "stages": [sorted(m.stages or []) for m in mentors],
        "languages": [sorted(m.languages or []) for m in mentors],
        "offsets": [offset_hours(m.user.time_zone) for m in mentors],
        "capacity": [max(m.max_startups - load.get(m.pk, 0), 0) for m in mentors],
    }


def _domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].lower()


def _conflicts(startups, mentors) -> list[list]:
    """[startup, mentor, reason]: same team, same company e-mail domain, already mentoring."""
    found = {}
    for startup in startups:
        members = [m.user for m in startup.members.all()]
        domains = {_domain(u.email) for u in members} - PUBLIC_MAIL_DOMAINS
        for mentor in mentors:
            if any(u.pk == mentor.user_id for u in members):
                found[(startup.pk, mentor.pk)] = "same_team"
            elif _domain(mentor.user.email) in domains:
                found[(startup.pk, mentor.pk)] = "same_company"
    active = Mentorship.objects.filter(
        mentor__in=mentors, startup__in=startups, status=Mentorship.Status.ACTIVE
    ).values_list("startup_id", "mentor_id")
    for pair in active:
        found.setdefault(tuple(pair), "already_mentoring")
    return [[s, m, reason] for (s, m), reason in sorted(found.items())]


def _programs(organization, startups, call_id) -> dict[str, int]:
    """Each startup's program: the one of its (latest) accepted application in the cohort."""
    accepted = Application.objects.filter(
        startup__in=startups, status="accepted", call__program__organization=organization
    )
    if call_id:
        accepted = accepted.filter(call_id=call_id)
    rows = accepted.order_by("pk").values_list("startup_id", "call__program_id")
    return {str(startup): program for startup, program in rows}


def startup_text(startup) -> str:
    return " · ".join([*(startup.tagline or {}).values(), *(startup.description or {}).values()])


def mentor_text(mentor) -> str:
    return " · ".join([*(mentor.headline or {}).values(), *(mentor.bio or {}).values()])


def default_embedder():
    from startup_street.text.embeddings import get_embedder

    return get_embedder(settings.SEARCH_EMBEDDER, threads=settings.SEARCH_BLAS_THREADS)


def _semantic(startups, mentors, embedder) -> dict:
    """Rescaled cosine of the texts (startups x mentors), or nothing when a side has no text."""
    texts_s = [startup_text(s).strip() for s in startups]
    texts_m = [mentor_text(m).strip() for m in mentors]
    if not any(texts_s) or not any(texts_m):
        return {}
    embedder = embedder or default_embedder()
    cosine = embedder.encode(texts_s) @ embedder.encode(texts_m).T
    similarity = np.clip((cosine - SEMANTIC_FLOOR) / (1 - SEMANTIC_FLOOR), 0.0, 1.0)
    return {"embedder": embedder.name, "semantic": np.round(similarity, 3).tolist()}


def _side(part: StartupSide, rows=None) -> Side:
    rows = range(len(part.ids)) if rows is None else rows
    return Side(
        ids=[part.ids[r] for r in rows],
        sectors=[set(part.sectors[r]) for r in rows],
        languages=[set(part.languages[r]) for r in rows],
        utc_offsets=[part.offsets[r] for r in rows],
        stages=[set(part.stages[r]) for r in rows],
    )


def encode_snapshot(features: Features) -> Encoded:
    """Affinity for every (startup, mentor) pair of the snapshot."""
    semantic = features.semantic
    return encode(
        _side(features.startups),
        _side(features.mentors),
        bids={(s, m): value for s, m, value in features.bids},
        founder_preferences={(s, m): value for s, m, value in features.founder_preferences},
        semantic=None if semantic is None else np.asarray(semantic, dtype=np.float32),
    )


def score_pair(features: Features, startup_id: int, mentor_id: int) -> tuple[float, list]:
    """The score and its parts for one pair, exactly as the solver saw it."""
    i = features.startups.index(startup_id)
    j = features.mentors.index(mentor_id)
    pair = (startup_id, mentor_id)
    semantic = features.semantic
    encoded = encode(
        _side(features.startups, [i]),
        _side(features.mentors, [j]),
        bids={(s, m): v for s, m, v in features.bids if (s, m) == pair},
        founder_preferences={
            (s, m): v for s, m, v in features.founder_preferences if (s, m) == pair
        },
        semantic=None if semantic is None else np.array([[semantic[i][j]]], dtype=np.float32),
    )
    parts = [(name, round(float(v[0]), 3)) for name, v in encoded.components.items()]
    parts = sorted((p for p in parts if p[1]), key=lambda p: -abs(p[1]))
    return round(float(encoded.affinity[0]), 4), parts
