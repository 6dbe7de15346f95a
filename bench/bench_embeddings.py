"""Benchmark of the multilingual sentence embedders against the hashing baseline.

    python bench/bench_embeddings.py [--quick] [--models use,e5,hashing] [--threads 1]

For every installed embedder (the hashing fallback always is), in a fresh subprocess so that its
memory is its own:
  (a) cross-lingual retrieval on NTREX (../shared/data/ntrex-en-ko-zh, aligned en/ko/zh news
      sentences; skipped with a message when absent): top-1 accuracy of finding a sentence's
      translation among N candidates, in the six directions ko->zh ... zh->en;
  (b) domain retrieval: bench/data/search_queries.json, 60 queries (20 ko, 20 zh, 20 en) over
      40 short program descriptions in the three languages, mostly answered in another language:
      MRR, top-1 and hit@5 for the embedder alone, for the keyword channel alone (Kiwi / jieba /
      stemmer terms plus the ko/zh/en term dictionary; the baseline, no embedder) and for both
      fused by reciprocal rank;
  (c) speed: latency of single short queries (p50 / p95), throughput on batches of 64 mixed
      documents, load time, and the process's RSS after loading.
The machine is shared: the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from startup_street.text import analysers  # noqa: E402
from startup_street.text.embeddings import (  # noqa: E402
    _FACTORIES,
    available_embedders,
    canonical_name,
)

NTREX = ROOT.parent / "shared" / "data" / "ntrex-en-ko-zh" / "ntrex_en_ko_zh.jsonl"
DOMAIN = ROOT / "bench" / "data" / "search_queries.json"
DIRECTIONS = [("ko", "zh"), ("zh", "ko"), ("en", "ko"), ("ko", "en"), ("en", "zh"), ("zh", "en")]
RRF_K = 60


# --- child: one embedder ---------------------------------------------------------------------


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _ntrex_rows(path: Path, n: int) -> list[dict]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    step = max(1, len(rows) // n)
    return rows[::step][:n]


def _encode_batched(embedder, texts: list[str], is_query: bool) -> np.ndarray:
    parts = [
        embedder.encode(texts[i : i + 64], is_query=is_query) for i in range(0, len(texts), 64)
    ]
    return np.vstack(parts)


def _cross_lingual(embedder, rows: list[dict]) -> dict:
    # A symmetric task: both sides are encoded as queries (E5's advice for such tasks).
    vectors = {
        lang: _encode_batched(embedder, [r[lang] for r in rows], True)
        for lang in "en ko zh".split()
    }
    n = len(rows)
    truth = np.arange(n)
    result = {
        f"{src}->{dst}": float(np.mean((vectors[src] @ vectors[dst].T).argmax(axis=1) == truth))
        for src, dst in DIRECTIONS
    }
    # Mixed pool: every sentence against all 3n - 1 others in the three languages; right when the
    # nearest is one of its two translations. A model that prefers its own language fails here.
    pool = np.vstack([vectors["en"], vectors["ko"], vectors["zh"]])
    similarity = pool @ pool.T
    np.fill_diagonal(similarity, -np.inf)
    nearest = similarity.argmax(axis=1)
    result["mixed"] = float(
        np.mean((nearest % n == np.tile(truth, 3)) & (nearest != np.arange(3 * n)))
    )
    return result


def _domain_rankings(embedder, domain: dict) -> list[list[str]]:
    ids = [d["id"] for d in domain["documents"]]
    docs = embedder.encode([d["text"] for d in domain["documents"]], is_query=False)
    queries = embedder.encode([q["text"] for q in domain["queries"]], is_query=True)
    return [[ids[i] for i in np.argsort(-scores, kind="stable")] for scores in queries @ docs.T]


def _speed(embedder, queries: list[str], documents: list[str]) -> dict:
    for text in queries[:5]:
        embedder.encode([text], is_query=True)
    latencies = []
    for text in queries * 2:
        started = time.perf_counter()
        embedder.encode([text], is_query=True)
        latencies.append((time.perf_counter() - started) * 1000)
    batch = (documents * (64 // max(len(documents), 1) + 1))[:64]
    rates = []
    for _ in range(3):
        started = time.perf_counter()
        embedder.encode(batch)
        rates.append(len(batch) / (time.perf_counter() - started))
    return {
        "query_p50_ms": float(np.percentile(latencies, 50)),
        "query_p95_ms": float(np.percentile(latencies, 95)),
        "batch64_per_s": float(np.median(rates)),
    }


def run_child(name: str, sentences: int) -> dict:
    started = time.perf_counter()
    embedder = _FACTORIES[name]()
    embedder.encode(["warm up"])
    result = {"name": name, "dim": embedder.dim, "load_s": time.perf_counter() - started}
    result["rss_mib"] = _rss_mib()
    domain = json.loads(DOMAIN.read_text(encoding="utf-8"))
    documents = [d["text"] for d in domain["documents"]]
    if NTREX.exists():
        rows = _ntrex_rows(NTREX, sentences)
        result["ntrex_n"] = len(rows)
        result["ntrex"] = _cross_lingual(embedder, rows)
        documents = [r[lang] for r in rows[:22] for lang in ("en", "ko", "zh")]
    result["rankings"] = _domain_rankings(embedder, domain)
    result.update(_speed(embedder, [q["text"] for q in domain["queries"]], documents))
    result["rss_after_mib"] = _rss_mib()
    return result


# --- parent: keyword channel, fusion, tables -------------------------------------------------


def keyword_rankings(domain: dict) -> list[list[str]]:
    """The keyword channel alone: the query's own terms weigh their idf, the ko/zh/en dictionary
    terms it implies half that; documents with no match are not ranked."""
    docs = {d["id"]: set(analysers.tokenize(d["text"])) for d in domain["documents"]}

    def idf(term: str) -> float:
        parts = set(term.split())
        df = sum(1 for terms in docs.values() if parts <= terms)
        return math.log(1 + len(docs) / (1 + df))

    rankings = []
    for query in domain["queries"]:
        own = set(analysers.fts_query_terms(query["text"]))
        implied = analysers.expand_terms(own) - own
        scores = {}
        for doc_id, terms in docs.items():
            score = sum(idf(t) for t in own & terms)
            score += 0.5 * sum(idf(p) for p in implied if set(p.split()) <= terms)
            if score > 0:
                scores[doc_id] = score
        rankings.append(sorted(scores, key=lambda d: (-scores[d], d)))
    return rankings


def fuse(*rankings: list[str]) -> list[str]:
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, doc_id in enumerate(ranking):
            scores[doc_id] = scores.get(doc_id, 0.0) + 1 / (RRF_K + rank)
    return sorted(scores, key=lambda d: (-scores[d], d))


def score(domain: dict, rankings: list[list[str]]) -> dict:
    reciprocal, top1, hit5 = [], [], []
    for query, ranking in zip(domain["queries"], rankings, strict=True):
        relevant = set(query["relevant"])
        ranks = [i for i, doc_id in enumerate(ranking) if doc_id in relevant]
        reciprocal.append(1 / (ranks[0] + 1) if ranks else 0.0)
        top1.append(bool(ranks) and ranks[0] == 0)
        hit5.append(bool(ranks) and ranks[0] < 5)
    return {"mrr": np.mean(reciprocal), "top1": np.mean(top1), "hit5": np.mean(hit5)}


def _by_language(domain: dict, rankings: list[list[str]]) -> str:
    parts = []
    for lang in ("ko", "zh", "en"):
        keep = [i for i, q in enumerate(domain["queries"]) if q["lang"] == lang]
        sub = {"queries": [domain["queries"][i] for i in keep]}
        parts.append(f"{lang} {score(sub, [rankings[i] for i in keep])['mrr']:.2f}")
    return " ".join(parts)


def _print_tables(results: list[dict], domain: dict, keyword: list[list[str]]) -> None:
    print(f"\n(a) NTREX cross-lingual top-1 accuracy ({results[0].get('ntrex_n', 0)} sentences)")
    if "ntrex" not in results[0]:
        print(f"    skipped: {NTREX} not found")
    else:
        header = "".join(f"{src}->{dst:<5}" for src, dst in DIRECTIONS)
        print(f"{'model':<22}{header}  mean  mixed pool")
        for r in results:
            values = [r["ntrex"][f"{s}->{d}"] for s, d in DIRECTIONS]
            row = "".join(f"{v:<9.3f}" for v in values)
            print(f"{r['name']:<22}{row} {np.mean(values):.3f}  {r['ntrex']['mixed']:.3f}")
        print("    mixed pool: each sentence among all 3N-1 others, nearest must be a translation")

    print(
        f"\n(b) domain retrieval: {len(domain['queries'])} queries x {len(domain['documents'])} "
        "descriptions (MRR / top-1 / hit@5; MRR by query language)"
    )
    rows = [("keyword channel (baseline)", keyword)]
    for r in results:
        rows.append((r["name"], r["rankings"]))
        rows.append(
            (
                f"{r['name']} + keyword",
                [fuse(e, k) for e, k in zip(r["rankings"], keyword, strict=True)],
            )
        )
    for label, rankings in rows:
        s = score(domain, rankings)
        print(
            f"{label:<36} {s['mrr']:.3f} / {s['top1']:.3f} / {s['hit5']:.3f}   "
            f"{_by_language(domain, rankings)}"
        )

    print("\n(c) speed and memory")
    print(
        f"{'model':<22}{'dim':>5}{'load s':>8}{'RSS MiB':>9}{'query p50 ms':>14}"
        f"{'p95 ms':>8}{'batch64 /s':>12}"
    )
    for r in results:
        print(
            f"{r['name']:<22}{r['dim']:>5}{r['load_s']:>8.2f}{r['rss_after_mib']:>9.0f}"
            f"{r['query_p50_ms']:>14.1f}{r['query_p95_ms']:>8.1f}{r['batch64_per_s']:>12.1f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 NTREX sentences instead of 500")
    parser.add_argument("--sentences", type=int, default=None)
    parser.add_argument("--models", default=None, help="comma-separated; default: all installed")
    parser.add_argument("--threads", type=int, default=1, help="BLAS/OpenMP threads per model")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sentences = args.sentences or (200 if args.quick else 500)
    if args.child:
        print(json.dumps(run_child(args.child, sentences)))
        return 0

    names = [canonical_name(n) for n in args.models.split(",")] if args.models else None
    names = names or available_embedders()
    env = dict(
        os.environ, OMP_NUM_THREADS=str(args.threads), OPENBLAS_NUM_THREADS=str(args.threads)
    )
    print(
        f"embedders: {', '.join(names)}; {os.cpu_count()} CPUs, {args.threads} thread(s) each; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    results = []
    for name in names:
        command = [sys.executable, __file__, "--child", name, "--sentences", str(sentences)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"{name}: failed\n{done.stderr[-2000:]}")
            continue
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    domain = json.loads(DOMAIN.read_text(encoding="utf-8"))
    if results:
        _print_tables(results, domain, keyword_rankings(domain))
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
