"""Fit the search ranking's feature weights on the tuning queries, and write them to
startup_street/search/data/ranking.json.

    python bench/fit_ranking.py [--sets real,project] [--dry-run]

Each set is loaded into a throwaway database by ``bench_relevance_real.py``'s worker (the
current code), which writes every tuning and held-out query's candidates with their feature
rows; only the tuning queries are used here: the real-world set's tuning part and the project's
own 182 tuning queries. Never the held-out ones.

The model is linear (score = features . weights); the weights minimise a pairwise logistic loss
(RankNet) over every pair of one query's candidates whose grades differ, each query weighing
the same, with an L2 penalty chosen by 5-fold cross-validation over the tuning queries
(scipy's L-BFGS). The tuning queries' nDCG@10 under the
starting and the fitted weights is printed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
WEIGHTS = ROOT / "startup_street" / "search" / "data" / "ranking.json"
MAX_PAIRS = 4000  # a query's pairs kept (drawn with a fixed seed)
# Kept at their weight in the file, not fitted: no program of the benchmark sets carries
# eligibility rules, so the data say nothing about them.
FIXED = ("eligibility",)
L2 = 1e-3
L2_GRID = (1e-5, 1e-4, 1e-3, 1e-2, 1e-1)


def collect(which: str) -> tuple[list[dict], list[str]]:
    """The tuning queries of one set (each candidate's grade and feature row) and the names
    of the features, in the order of the rows."""
    from bench_relevance_real import ROOT as CODE
    from bench_relevance_real import run

    features = Path(tempfile.mkdtemp(prefix="fit-")) / f"{which}.json"
    result = run(CODE, which, features)
    rows = json.loads(features.read_text("utf-8"))
    return tuning_rows(result["queries"], rows["queries"]), list(rows["features"])


def tuning_rows(queries: list[dict], found_rows: dict) -> list[dict]:
    """The tuning queries with their candidates' grades and feature rows."""
    out = []
    for query in queries:
        if query["split"] != "tuning":
            continue
        found = found_rows[query["id"]]
        if not found["slugs"]:
            continue
        grades = np.array([query["judgements"].get(s, 0) for s in found["slugs"]], dtype=float)
        out.append(
            {
                "id": query["id"],
                "x": np.array(found["x"]),
                "g": grades,
                "judged": query["judgements"],
            }
        )
    return out


def pairs(queries: list[dict], seed: int = 7) -> list[tuple[np.ndarray, float]]:
    """Per query: the feature differences (better minus worse) and the query's weight."""
    rng = np.random.default_rng(seed)
    out = []
    for q in queries:
        g = q["g"]
        better, worse = np.nonzero(g[:, None] > g[None, :])
        if not len(better):
            continue
        if len(better) > MAX_PAIRS:
            keep = rng.choice(len(better), MAX_PAIRS, replace=False)
            better, worse = better[keep], worse[keep]
        out.append((q["x"][better] - q["x"][worse], 1.0 / len(better)))
    return out


def fit(queries: list[dict], start: np.ndarray, l2: float = L2) -> np.ndarray:
    data = pairs(queries)
    diffs = np.vstack([d for d, _w in data])
    weights = np.concatenate([np.full(len(d), w) for d, w in data])
    weights /= len(data)

    def loss(w):
        margin = diffs @ w
        value = np.sum(weights * np.logaddexp(0.0, -margin)) + l2 * w @ w
        slope = -(weights * (1.0 - 1.0 / (1.0 + np.exp(-margin)))) @ diffs + 2 * l2 * w
        return value, slope

    return minimize(loss, start, jac=True, method="L-BFGS-B").x


def ndcg_at_10(queries: list[dict], w: np.ndarray) -> float:
    values = []
    for q in queries:
        order = np.argsort(-(q["x"] @ w), kind="stable")[:10]
        gains = q["g"][order]
        dcg = float(np.sum(gains / np.log2(np.arange(2, len(gains) + 2))))
        ideal_gains = np.array(sorted(q["judged"].values(), reverse=True)[:10], dtype=float)
        ideal = float(np.sum(ideal_gains / np.log2(np.arange(2, len(ideal_gains) + 2))))
        values.append(dcg / ideal if ideal else 0.0)
    return float(np.mean(values))


def choose_l2(
    queries: list[dict], names: list[str], start: np.ndarray, folds: int = 5
) -> tuple[float, dict]:
    """The L2 penalty of ``L2_GRID`` whose fits score the best mean nDCG@10 on the left-out
    folds of the tuning queries (folds drawn with a fixed seed): the penalty is chosen by
    cross-validation on tuning queries, never on held-out ones."""
    order = np.random.default_rng(11).permutation(len(queries))
    parts = [set(order[k::folds].tolist()) for k in range(folds)]
    scores = {}
    for l2 in L2_GRID:
        values = []
        for part in parts:
            train = [q for n, q in enumerate(queries) if n not in part]
            test = [q for n, q in enumerate(queries) if n in part]
            values.append(ndcg_at_10(test, fit_all(train, names, start, l2)))
        scores[l2] = float(np.mean(values))
    return max(scores, key=lambda l2: (scores[l2], l2)), scores


def fit_all(queries: list[dict], names: list[str], start: np.ndarray, l2: float) -> np.ndarray:
    """Weights fitted with the ``FIXED`` features held at their ``start`` value."""
    free = np.array([n not in FIXED for n in names])
    for q in queries:  # a fixed feature's part is a constant offset of the score
        q["x_free"] = q["x"][:, free]
    fitted = start.copy()
    fitted[free] = fit([{**q, "x": q["x_free"]} for q in queries], start[free], l2)
    return fitted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="real,project")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write")
    args = parser.parse_args()
    import realworld

    started = time.perf_counter()
    sets = [s for s in args.sets.split(",") if s != "real" or realworld.available()]
    queries, names = [], []
    for which in sets:
        found, names = collect(which)
        queries += found
    data = json.loads(WEIGHTS.read_text("utf-8"))
    start = np.array([data["weights"].get(n, 0.0) for n in names])
    l2, cv = choose_l2(queries, names, start)
    print("L2 penalty by 5-fold cross-validation on the tuning queries (mean nDCG@10):")
    print("  " + ", ".join(f"{k:g}: {v:.4f}" for k, v in cv.items()) + f" -> {l2:g}")
    fitted = fit_all(queries, names, start, l2)
    before, after = ndcg_at_10(queries, start), ndcg_at_10(queries, fitted)
    print(f"{len(queries)} tuning queries from {', '.join(sets)}")
    print(f"tuning nDCG@10: starting weights {before:.3f}, fitted {after:.3f}")
    for name, value in zip(names, fitted, strict=True):
        print(f"  {name:<16}{value:>8.3f}")
    if not args.dry_run:
        data["weights"] = {n: round(float(v), 4) for n, v in zip(names, fitted, strict=True)}
        data["about"] = (
            "Weights of the search's ranking features (search/selectors.py FEATURES), fitted by "
            "bench/fit_ranking.py (pairwise logistic loss) on the tuning queries only. "
            "'eligibility' is set by hand, not fitted: no program of the benchmark sets "
            "carries eligibility rules."
        )
        data["fitted_on"] = {"sets": sets, "tuning_queries": len(queries), "l2": l2}
        data["cross_validation_ndcg@10"] = {f"{k:g}": round(v, 4) for k, v in cv.items()}
        data["tuning_ndcg@10"] = {"starting": round(before, 4), "fitted": round(after, 4)}
        WEIGHTS.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"written to {WEIGHTS.relative_to(ROOT)}")
    print(f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
