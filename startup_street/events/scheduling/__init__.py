"""Meeting scheduling for events: pure (numpy + OR-Tools CP-SAT), no Django.

Meetings (pairs of people with a priority) go into slots, at tables, with an interpreter where
the pair shares no working language. Hard constraints: nobody, no table and no interpreter is in
two meetings of one slot; people, tables and interpreters only in slots they are free; an
interpreter only for a language pair they cover; pinned meetings stay where organisers put them;
optionally at most ``max_meetings`` per person. The objective: the most priority met.

Tables are interchangeable within a slot, so the model counts them per slot and names them after
solving. Interpreters are counted per slot by Hall's condition over the language pairs (few: at
most three for ko, zh-hans and en): for every set S of pairs, the meetings needing a pair in S are
at most the free interpreters covering some pair in S. That is exactly when a matching of
meetings to interpreters exists, which is then found per slot by augmenting paths.

Problems are returned as ``Issue`` codes with indices; the caller words them for people.

- ``problem``: the input and output types; ``pins``: pins that cannot hold, meetings no slot takes
- ``greedy``: the baseline; ``bound``: the LP upper bound; ``model``: the CP-SAT model
- ``search``: ``solve`` (whole model when small, neighbourhood search when large)
- ``verify``: every hard constraint of a schedule, and the naming of tables and interpreters
"""

from .bound import relaxed_bound
from .greedy import solve_greedy
from .pins import candidate_slots, diagnose_pins, unschedulable
from .problem import (
    BLOCKING,
    MAX_LANGUAGE_PAIRS,
    NONE,
    Issue,
    Pin,
    Problem,
    Schedule,
    make_problem,
    validate,
)
from .search import solve
from .verify import verify

__all__ = [
    "BLOCKING",
    "MAX_LANGUAGE_PAIRS",
    "NONE",
    "Issue",
    "Pin",
    "Problem",
    "Schedule",
    "candidate_slots",
    "diagnose_pins",
    "make_problem",
    "relaxed_bound",
    "solve",
    "solve_greedy",
    "unschedulable",
    "validate",
    "verify",
]
