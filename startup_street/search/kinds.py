"""The kinds of searchable objects, each registered by the app that owns its model.

Search sits below the apps whose objects it indexes (programs, mentoring), so it never imports
them: each app registers its kind in its ``AppConfig.ready`` with how to rebuild its entries and,
for the staff search, how to turn ranked ids into the objects a user may see.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    label: str  # what ``reindex`` prints: "programs", "mentors"
    reindex: Callable[..., int]  # (progress=None) -> how many entries were written
    count: Callable[[], int] | None = None  # how many objects a rebuild will write
    visible: Callable | None = None  # (user, ids) -> the objects ``user`` may see, by id


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    KINDS[kind.name] = kind


def reindex_all(progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Rebuild every registered kind's entries; kind label -> how many were written."""
    done = {}
    for kind in KINDS.values():
        report = (lambda n, label=kind.label: progress(label, n)) if progress else None
        done[kind.label] = kind.reindex(progress=report)
    return done
