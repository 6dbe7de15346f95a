"""Search relevance: graded queries in ko / zh / en over a catalogue of 2,300 support programs,
scored for the lexical channel alone, the semantic channel alone, the hybrid search and a
naive baseline (whitespace tokens + BM25), all in the same run.

    python bench/bench_relevance.py [--json PATH] [--explore] [--worst 10] [--queries heldout]

Data: bench/data/relevance/{corpus,queries}.json, made by bench/relevance_data.py (how the
programs and the graded judgements are made: bench/data/relevance/README.md). The programs are
loaded as real Organization / Program rows into a throwaway SQLite database, or, with
DATABASE_URL set, into that PostgreSQL database (emptied of organisations and programs first, and
again at the end), then indexed by ``startup_street.programs.indexing.reindex()``. Every query
goes through ``startup_street.search.selectors.ranked_program_ids`` exactly as the site calls it.

Metrics: nDCG@10 (linear gain = grade, ideal ranking from every judged program) and recall@20 of
the highly relevant programs (grade 3; divided by min(#grade-3, 20)), averaged over queries:
overall, per query language, and monolingual vs cross-lingual queries. ``--explore`` also scores
other fusions of the same channels (weights, RRF k, semantic similarity floor) computed from the
selectors' private channel functions, without changing the search code.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / "data" / "relevance"
LIMIT = 100
TARGETS = {"hybrid_ndcg": 0.80, "hybrid_ndcg_crosslingual": 0.70, "hybrid_minus_baseline": 0.25}
METHODS = ("baseline", "lexical", "semantic", "hybrid")
LANG_CODE = {"ko": "ko", "zh": "zh-hans", "en": "en"}


# --- database --------------------------------------------------------------------------------


def setup() -> None:
    if "DATABASE_URL" not in os.environ:
        os.environ["STARTUP_STREET_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-relevance-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "startup_street.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def clear() -> None:
    """No organisation or program left (their search entries go with them)."""
    from startup_street.organizations.models import Organization
    from startup_street.programs.models import Program
    from startup_street.search.models import SearchEntry
    from startup_street.search.services import PROGRAM

    Program.objects.all().delete()
    Organization.objects.all().delete()
    SearchEntry.objects.filter(kind=PROGRAM).delete()


def load(corpus: dict) -> dict[int, str]:
    """Write the corpus as Organization and Program rows; returns {program pk: corpus id}."""
    from django.db import transaction

    from startup_street.core.models import Sector
    from startup_street.organizations.models import Organization
    from startup_street.programs.models import Program

    sectors = dict(Sector.objects.values_list("code", "pk"))
    with transaction.atomic():
        orgs = Organization.objects.bulk_create(
            Organization(website=f"https://{row['slug']}.example.org", **row)
            for row in corpus["organizations"]
        )
        by_slug = {org.slug: org for org in orgs}
        rows = corpus["programs"]
        programs = Program.objects.bulk_create(
            Program(
                organization=by_slug[row["organization"]],
                slug=row["slug"],
                title=row["title"],
                summary=row["summary"],
                description=row["description"],
                original_language=row["original_language"],
                kind=row["kind"],
                stages=row["stages"],
                city=row["city"],
                country=row["country"],
                is_published=True,
            )
            for row in rows
        )
        if not all(p.pk for p in programs):  # backends that do not return ids from bulk inserts
            pks = dict(Program.objects.values_list("slug", "pk"))
            for program in programs:
                program.pk = pks[program.slug]
        through = Program.sectors.through
        through.objects.bulk_create(
            through(program_id=program.pk, sector_id=sectors[code])
            for program, row in zip(programs, rows, strict=True)
            for code in row["sectors"]
        )
    return {program.pk: row["id"] for program, row in zip(programs, rows, strict=True)}


def index() -> tuple[int, float]:
    from startup_street.programs import indexing

    started = time.perf_counter()
    done = indexing.reindex()
    return done, time.perf_counter() - started


# --- naive baseline ----------------------------------------------------------------------------

_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def naive_tokens(text: str) -> list[str]:
    """Whitespace-split, lowercased, punctuation trimmed from both ends of each token."""
    return [t for t in (_EDGE.sub("", w) for w in text.lower().split()) if t]


class BM25:
    """Plain Okapi BM25 (k1=1.2, b=0.75) over whitespace tokens, in numpy."""

    def __init__(self, ids: list[str], texts: list[str], k1: float = 1.2, b: float = 0.75):
        self.ids = ids
        vocab: dict[str, int] = {}
        rows, cols, counts = [], [], []
        lengths = np.zeros(len(texts))
        for row, text in enumerate(texts):
            tokens = naive_tokens(text)
            lengths[row] = len(tokens)
            for term, n in Counter(tokens).items():
                rows.append(row)
                cols.append(vocab.setdefault(term, len(vocab)))
                counts.append(n)
        self.vocab = vocab
        rows, cols, tf = np.array(rows), np.array(cols), np.array(counts, dtype=float)
        df = np.bincount(cols, minlength=len(vocab))
        n_docs = len(texts)
        self.idf = np.log(1 + (n_docs - df + 0.5) / (df + 0.5))
        norm = k1 * (1 - b + b * lengths / lengths.mean())
        weight = tf * (k1 + 1) / (tf + norm[rows])
        # postings per term: (doc rows, weights)
        order = np.argsort(cols, kind="stable")
        self.rows, self.weights = rows[order], weight[order]
        self.starts = np.concatenate([[0], np.cumsum(np.bincount(cols, minlength=len(vocab)))])
        self.n_docs = n_docs

    def rank(self, query: str, limit: int) -> list[str]:
        scores = np.zeros(self.n_docs)
        for term in set(naive_tokens(query)):
            k = self.vocab.get(term)
            if k is None:
                continue
            lo, hi = self.starts[k], self.starts[k + 1]
            scores[self.rows[lo:hi]] += self.idf[k] * self.weights[lo:hi]
        hits = np.flatnonzero(scores > 0)
        best = hits[np.argsort(-scores[hits], kind="stable")][:limit]
        return [self.ids[i] for i in best]


def baseline_index(pk_to_id: dict[int, str]) -> BM25:
    from startup_street.programs.indexing import program_text
    from startup_street.programs.models import Program

    programs = (
        Program.objects.filter(pk__in=list(pk_to_id))
        .select_related("organization")
        .prefetch_related("sectors", "calls")
        .order_by("pk")
    )
    ids, texts = [], []
    for program in programs:
        ids.append(pk_to_id[program.pk])
        texts.append(program_text(program))  # the very text the search index is made from
    return BM25(ids, texts)


# --- metrics -----------------------------------------------------------------------------------


def ndcg(ranking: list[str], judged: dict[str, int], k: int = 10) -> float:
    gains = sorted(judged.values(), reverse=True)[:k]
    ideal = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    if not ideal:
        return 0.0
    dcg = sum(judged.get(doc, 0) / math.log2(i + 2) for i, doc in enumerate(ranking[:k]))
    return dcg / ideal


def recall(ranking: list[str], judged: dict[str, int], k: int = 20) -> float:
    top = {doc for doc, g in judged.items() if g == 3}
    if not top:
        return 0.0
    return len(top & set(ranking[:k])) / min(len(top), k)


def groups(queries: list[dict]) -> dict[str, list[int]]:
    out = {"all": list(range(len(queries)))}
    for lang in ("ko", "zh", "en"):
        out[lang] = [i for i, q in enumerate(queries) if q["lang"] == lang]
    out["mono"] = [i for i, q in enumerate(queries) if not q["crosslingual"]]
    out["cross"] = [i for i, q in enumerate(queries) if q["crosslingual"]]
    return out


def score(queries: list[dict], rankings: list[list[str]]) -> dict:
    per_query = [
        (ndcg(r, q["judgements"]), recall(r, q["judgements"]))
        for q, r in zip(queries, rankings, strict=True)
    ]
    out = {}
    for name, members in groups(queries).items():
        out[name] = {
            "ndcg@10": float(np.mean([per_query[i][0] for i in members])) if members else 0.0,
            "recall@20": float(np.mean([per_query[i][1] for i in members])) if members else 0.0,
            "n": len(members),
        }
    out["per_query"] = per_query
    return out


# --- running the queries -----------------------------------------------------------------------


def run_methods(queries: list[dict], pk_to_id: dict[int, str], bm25: BM25) -> dict:
    from startup_street.search.selectors import ranked_program_ids

    channels = {"lexical": ("lexical",), "semantic": ("semantic",), "hybrid": None}
    ranked_program_ids(queries[0]["text"], limit=LIMIT)  # load analysers, model, vectors
    rankings: dict[str, list[list[str]]] = {m: [] for m in METHODS}
    seconds: dict[str, float] = dict.fromkeys(METHODS, 0.0)
    for query in queries:
        for method, chosen in channels.items():
            started = time.perf_counter()
            if chosen is None:
                ids = ranked_program_ids(query["text"], limit=LIMIT)
            else:
                ids = ranked_program_ids(query["text"], limit=LIMIT, channels=chosen)
            seconds[method] += time.perf_counter() - started
            rankings[method].append([pk_to_id[pk] for pk in ids if pk in pk_to_id])
        started = time.perf_counter()
        rankings["baseline"].append(bm25.rank(query["text"], LIMIT))
        seconds["baseline"] += time.perf_counter() - started
    return {
        "rankings": rankings,
        "ms_per_query": {m: 1000 * s / len(queries) for m, s in seconds.items()},
    }


# --- exploring other fusions -------------------------------------------------------------------


def channel_runs(queries: list[dict], pk_to_id: dict[int, str]) -> list[dict]:
    """Each query's raw channel rankings with scores: own terms, expanded terms, semantic
    (no similarity floor), from the selectors' private functions."""
    from django.db import connection
    from django.test.utils import override_settings

    from startup_street.search import selectors
    from startup_street.text.analysers import fts_query_terms

    search = selectors._postgres if connection.vendor == "postgresql" else selectors._sqlite
    runs = []
    with override_settings(SEARCH_SEMANTIC_MIN_SIMILARITY=-1.0):
        for query in queries:
            terms = fts_query_terms(query["text"])
            own = search(terms, LIMIT) if terms else []
            expanded = search(fts_query_terms(query["text"], expand=True), LIMIT) if terms else []
            semantic = selectors._semantic(query["text"][:1000], LIMIT) if terms else []
            runs.append(
                {
                    name: [(pk_to_id[pk], s) for pk, s in ranking if pk in pk_to_id]
                    for name, ranking in (("own", own), ("expanded", expanded), ("sem", semantic))
                }
            )
    return runs


def rrf(run: dict, weights: dict, k: int = 60, floor: float = 0.35) -> list[str]:
    fused: dict[str, float] = {}
    for name, weight in weights.items():
        if not weight:
            continue
        ranking = run[name]
        if name == "sem":
            ranking = [(d, s) for d, s in ranking if s >= floor]
        for rank, (doc, _s) in enumerate(ranking):
            fused[doc] = fused.get(doc, 0.0) + weight / (k + rank)
    return sorted(fused, key=lambda d: (-fused[d], d))[:LIMIT]


def linear(run: dict, alpha: float, floor: float = 0.35) -> list[str]:
    """Convex combination of min-max normalised scores: alpha * semantic + (1 - alpha) * lexical
    (the lexical score being the own-terms score, else half the expanded-terms score)."""

    def normalised(ranking):
        if not ranking:
            return {}
        values = np.array([s for _d, s in ranking])
        lo, hi = values.min(), values.max()
        return {d: (s - lo) / (hi - lo) if hi > lo else 1.0 for d, s in ranking}

    own, expanded = normalised(run["own"]), normalised(run["expanded"])
    sem = normalised([(d, s) for d, s in run["sem"] if s >= floor])
    lexical = {d: max(own.get(d, 0.0), 0.5 * expanded.get(d, 0.0)) for d in own.keys() | expanded}
    fused = {
        d: alpha * sem.get(d, 0.0) + (1 - alpha) * lexical.get(d, 0.0) for d in lexical.keys() | sem
    }
    return sorted(fused, key=lambda d: (-fused[d], d))[:LIMIT]


def explore(queries: list[dict], runs: list[dict]) -> list[dict]:
    variants = []
    current = {"own": 2.0, "expanded": 1.0, "sem": 1.5}
    for label, weights in (
        ("RRF 2/1/1.5 (as shipped)", current),
        ("RRF 1/1/1", {"own": 1, "expanded": 1, "sem": 1}),
        ("RRF 2/1/3", {"own": 2, "expanded": 1, "sem": 3}),
        ("RRF 2/1/4.5", {"own": 2, "expanded": 1, "sem": 4.5}),
        ("RRF 1/0/2", {"own": 1, "expanded": 0, "sem": 2}),
        ("RRF 2/0/3", {"own": 2, "expanded": 0, "sem": 3}),
        ("RRF 0/1/1.5", {"own": 0, "expanded": 1, "sem": 1.5}),
        ("RRF 2/1/0 (lexical only)", {"own": 2, "expanded": 1, "sem": 0}),
    ):
        variants.append((label, [rrf(r, weights) for r in runs]))
    for floor in (0.0, 0.2, 0.25, 0.3, 0.4, 0.45):
        variants.append(
            (f"RRF 2/1/1.5, floor {floor}", [rrf(r, current, floor=floor) for r in runs])
        )
    for k in (10, 20, 120):
        variants.append((f"RRF 2/1/1.5, k={k}", [rrf(r, current, k=k) for r in runs]))
    for k, sem in ((20, 3), (10, 3)):
        weights = {"own": 2, "expanded": 1, "sem": sem}
        variants.append((f"RRF 2/1/{sem}, k={k}", [rrf(r, weights, k=k) for r in runs]))
    for alpha in (0.3, 0.5, 0.7):
        variants.append((f"linear, semantic share {alpha}", [linear(r, alpha) for r in runs]))
    variants.append(("semantic, no floor", [[d for d, _s in r["sem"]] for r in runs]))
    out = []
    for label, rankings in variants:
        s = score(queries, rankings)
        out.append(
            {
                "variant": label,
                **{f"{g}_ndcg@10": s[g]["ndcg@10"] for g in ("all", "mono", "cross")},
                "recall@20": s["all"]["recall@20"],
            }
        )
    return out


# --- report --------------------------------------------------------------------------------


def describe(doc: dict) -> str:
    t = doc["truth"]
    topic = t["topic"] or "any-sector"
    if t["topic2"]:
        topic += "+" + t["topic2"]
    return f"{topic}/{t['support']}/{t['region']}/{'+'.join(t['languages'])}"


def print_report(queries, results, corpus, ms, worst, elapsed):
    docs = {p["id"]: p for p in corpus["programs"]}
    cols = ("all", "ko", "zh", "en", "mono", "cross")
    ns = {g: results["hybrid"][g]["n"] for g in cols}
    header = "".join(f"{g + ' (' + str(ns[g]) + ')':>13}" for g in cols)
    for metric in ("ndcg@10", "recall@20"):
        print(f"\n{metric:<20}{header}{'ms/query':>10}")
        for method in METHODS:
            row = "".join(f"{results[method][g][metric]:>13.3f}" for g in cols)
            print(f"{method:<20}{row}{ms[method]:>10.1f}")
        diff = "".join(
            f"{results['hybrid'][g][metric] - results['baseline'][g][metric]:>+13.3f}" for g in cols
        )
        print(f"{'hybrid - baseline':<20}{diff}")
    h, b = results["hybrid"], results["baseline"]
    checks = [
        ("hybrid nDCG@10 overall", h["all"]["ndcg@10"], TARGETS["hybrid_ndcg"]),
        (
            "hybrid nDCG@10 cross-lingual",
            h["cross"]["ndcg@10"],
            TARGETS["hybrid_ndcg_crosslingual"],
        ),
        (
            "hybrid - baseline nDCG@10",
            h["all"]["ndcg@10"] - b["all"]["ndcg@10"],
            TARGETS["hybrid_minus_baseline"],
        ),
    ]
    print("\ntargets:")
    for label, value, target in checks:
        print(f"  {'PASS' if value >= target else 'FAIL'}  {label:<30} {value:.3f} (>= {target})")
    order = sorted(range(len(queries)), key=lambda i: h["per_query"][i][0])[:worst]
    print(f"\nworst {worst} queries for hybrid (nDCG@10: hybrid / lexical / semantic / baseline)")
    for i in order:
        q = queries[i]
        figures = " / ".join(
            f"{results[m]['per_query'][i][0]:.2f}"
            for m in ("hybrid", "lexical", "semantic", "baseline")
        )
        tag = "cross" if q["crosslingual"] else "mono"
        n3 = sum(g == 3 for g in q["judgements"].values())
        print(f"  {q['id']} [{q['lang']} {tag}, {n3} at grade 3] {q['text']!r}: {figures}")
        intent = " ".join(f"{key}={q[key] or '-'}" for key in ("topics", "supports", "regions"))
        print(f"      wants {intent}")
        for method in ("hybrid", "lexical", "semantic"):
            top = results[method]["rankings"][i][:3]
            shown = "; ".join(f"{q['judgements'].get(d, 0)} {describe(docs[d])}" for d in top)
            print(f"      {method:<8} top 3: {shown or '(nothing)'}")
    print(f"\nelapsed {elapsed:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=None, help="write the figures to this file")
    parser.add_argument("--explore", action="store_true", help="also score other fusions")
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument(
        "--queries",
        choices=("main", "heldout"),
        default="main",
        help="main: the 182 graded queries (the targets); heldout: 60 queries written after "
        "the search was tuned on the main set (bench/relevance_heldout.py)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    corpus = json.loads((DATA / "corpus.json").read_text(encoding="utf-8"))
    if args.queries == "heldout":
        sys.path.insert(0, str(ROOT / "bench"))
        from relevance_heldout import heldout_queries

        queries = heldout_queries(corpus)
        print("held-out queries: not used to tune anything; the targets are for the main set")
    else:
        queries = json.loads((DATA / "queries.json").read_text(encoding="utf-8"))["queries"]
    setup()
    from django.db import connection

    from startup_street.search.services import embedder

    clear()
    try:
        pk_to_id = load(corpus)
        done, seconds = index()
        print(
            f"database: {connection.vendor}; embedder: {embedder().name}; {done} programs "
            f"indexed in {seconds:.0f} s; {len(queries)} queries "
            f"({sum(q['crosslingual'] for q in queries)} cross-lingual)"
        )
        bm25 = baseline_index(pk_to_id)
        run = run_methods(queries, pk_to_id, bm25)
        results = {m: score(queries, run["rankings"][m]) for m in METHODS}
        for m in METHODS:
            results[m]["rankings"] = run["rankings"][m]
        print_report(
            queries, results, corpus, run["ms_per_query"], args.worst, time.perf_counter() - started
        )
        explored = None
        if args.explore:
            explored = explore(queries, channel_runs(queries, pk_to_id))
            print(
                "\nexplore: other fusions of the same channels\n"
                f"{'variant':<34}{'nDCG all':>10}{'mono':>8}{'cross':>8}{'R@20':>8}"
            )
            for v in explored:
                print(
                    f"{v['variant']:<34}{v['all_ndcg@10']:>10.3f}{v['mono_ndcg@10']:>8.3f}"
                    f"{v['cross_ndcg@10']:>8.3f}{v['recall@20']:>8.3f}"
                )
    finally:
        try:
            cleared = time.perf_counter()
            clear()  # leave no bench programs behind (PostgreSQL: the shared test database)
            print(
                "deleting the corpus (its index entries with it) took "
                f"{time.perf_counter() - cleared:.1f} s"
            )
        except Exception as error:  # noqa: BLE001 - report, keep the figures
            print(f"warning: could not remove the bench programs: {error}")
    if args.json:
        figures = {
            "database": connection.vendor,
            "embedder": embedder().name,
            "programs": len(corpus["programs"]),
            "queries": len(queries),
            "targets": TARGETS,
            "methods": {
                m: {g: v for g, v in results[m].items() if g not in ("per_query", "rankings")}
                for m in METHODS
            },
            "ms_per_query": run["ms_per_query"],
            "per_query": {
                q["id"]: {
                    m: {
                        "ndcg@10": results[m]["per_query"][i][0],
                        "recall@20": results[m]["per_query"][i][1],
                    }
                    for m in METHODS
                }
                for i, q in enumerate(queries)
            },
            "explore": explored,
        }
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
