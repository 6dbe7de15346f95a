"""Pure matching solver (numpy + OR-Tools, no Django): reviewers to applications, mentors to
startups. Capacitated assignment with demands, min/max loads, conflicts and forced pairs as an
exact min-cost flow, with an optimality certificate and per-pair explanations.

    problem = make_problem(item=..., agent=..., affinity=..., n_items=..., n_agents=...,
                           demand=3, max_load=12, forbidden=conflicts)
    result = solve(problem)                      # or mode="fair", allow_partial=True,
    assert verify_certificate(problem, result)   # randomized=True, max_prob=0.5, seed=1
"""

from .api import solve, solve_matching
from .certificate import Certificate, CertificateCheck, StageCertificate, verify_certificate
from .network import NetworkSpec
from .problem import MatchProblem, make_problem
from .randomized import sample_assignment
from .result import (
    FEASIBLE,
    INFEASIBLE,
    INVALID,
    OPTIMAL,
    CoverageReport,
    FairnessReport,
    MatchResult,
)

__all__ = [
    "FEASIBLE",
    "INFEASIBLE",
    "INVALID",
    "OPTIMAL",
    "Certificate",
    "CertificateCheck",
    "CoverageReport",
    "FairnessReport",
    "MatchProblem",
    "MatchResult",
    "NetworkSpec",
    "StageCertificate",
    "make_problem",
    "sample_assignment",
    "solve",
    "solve_matching",
    "verify_certificate",
]
