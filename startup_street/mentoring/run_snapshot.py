"""What a mentor match run stores, as typed, versioned records: read and written only here.

``MatchRun.inputs`` holds a :class:`RunInputs`: the startups and mentors asked for, and once the
worker has gathered them, the :class:`Features` the solver saw (a snapshot, so that a re-run or a
pair added by hand is scored exactly as the solver scored it). ``MatchRun.pairs`` holds the
proposal, a list of :class:`Pair`; ``MatchRun.certificate`` holds a :class:`CertificateRecord`.
The inputs and the certificate carry ``version`` (the pairs are read with their run's inputs);
the reader upgrades what older versions stored, so a run saved before a change stays readable:

- version 1 (no ``version`` key): the same shape; a run made before founders could state
  preferences has no ``founder_preferences``, one made before runs kept their inputs has no
  ``features`` at all (it can be re-run, not edited).
- version 2: ``version`` written.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from startup_street.matching.models import MatchRun

SNAPSHOT_VERSION = 2


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class StartupSide(_Record):
    """The cohort's startups, in id order; row ``n`` of each list is startup ``ids[n]``."""

    ids: list[int]
    sectors: list[list[str]]
    stages: list[list[str]]
    languages: list[list[str]]
    offsets: list[float] = Field(description="Hours from UTC of the team's time zone.")

    def index(self, pk: int) -> int:
        return self.ids.index(pk)


class MentorSide(StartupSide):
    """The mentors taking startups, in id order, with the startups each can still take."""

    capacity: list[int]


class Features(_Record):
    """Every feature the encoder reads, as gathered when the run was solved."""

    startups: StartupSide
    mentors: MentorSide
    bids: list[tuple[int, int, str]] = []  # startup, mentor, the mentor's word
    founder_preferences: list[tuple[int, int, str]] = []  # startup, mentor, the team's word
    conflicts: list[tuple[int, int, str]] = []  # startup, mentor, reason
    programs: dict[str, int] = {}  # startup id (as text) -> program of its accepted application
    embedder: str | None = None
    semantic: list[list[float]] | None = None  # startups x mentors, 0..1

    def conflict_reasons(self, startup_id: int, mentor_id: int) -> list[str]:
        return [r for s, m, r in self.conflicts if (s, m) == (startup_id, mentor_id)]

    def program_of(self, startup_id: int) -> int | None:
        return self.programs.get(str(startup_id))


class RunInputs(_Record):
    version: int = SNAPSHOT_VERSION
    startups: list[int]
    mentors: list[int]
    features: Features | None = None

    @property
    def startup_ids(self) -> list[int]:
        """The run's startups: those gathered when it has features, else those asked for."""
        return self.features.startups.ids if self.features else self.startups

    @property
    def mentor_ids(self) -> list[int]:
        return self.features.mentors.ids if self.features else self.mentors


class Pair(_Record):
    """A proposed (startup, mentor) pair, its score and its largest parts (the staff's "why")."""

    startup: int
    mentor: int
    score: float
    why: list[tuple[str, float]] = []

    @property
    def key(self) -> tuple[int, int]:
        return (self.startup, self.mentor)


class CertificateRecord(_Record):
    """The solver's independent check of its proposal (before hand edits)."""

    version: int = SNAPSHOT_VERSION
    ok: bool
    objective: float | None
    bound: float | None
    gap: float | None
    problems: list[str]
    seconds: float


def _upgraded(data: dict) -> dict:
    """What an older version stored, in the current shape (version 1 differs only in lacking
    the ``version`` key and, for older runs, fields that have defaults)."""
    return {**data, "version": SNAPSHOT_VERSION}


def read_inputs(run: MatchRun) -> RunInputs:
    return RunInputs.model_validate(_upgraded(run.inputs or {"startups": [], "mentors": []}))


def write_inputs(run: MatchRun, inputs: RunInputs) -> None:
    """Set (not save) the run's inputs."""
    run.inputs = inputs.model_dump(mode="json", exclude_none=False)


def read_pairs(run: MatchRun) -> list[Pair]:
    return [Pair.model_validate(pair) for pair in run.pairs or []]


def write_pairs(run: MatchRun, pairs: list[Pair]) -> None:
    """Set (not save) the run's proposal."""
    run.pairs = [pair.model_dump(mode="json") for pair in pairs]


def read_certificate(run: MatchRun) -> CertificateRecord | None:
    return CertificateRecord.model_validate(_upgraded(run.certificate)) if run.certificate else None


def write_certificate(run: MatchRun, certificate: CertificateRecord | None) -> None:
    run.certificate = certificate.model_dump(mode="json") if certificate else None
