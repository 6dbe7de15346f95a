"""Search relevance on text it was not tuned on, beside the search as it was, in the same run.

    python bench/bench_relevance_real.py [--baseline-ref REF] [--json PATH] [--worst N]

``--worst N`` lists the N worst tuning queries (never held-out ones) for error analysis.

Two query sets, each run through the current code and through the code of ``--baseline-ref``
(the search before its ranking was calibrated; exported with ``git archive`` into a temporary
folder), each in a fresh process with its own throwaway SQLite database:

- the real-world set (``bench/realworld.py``): about 1,570 programs from ../shared/data, written
  through the program importer, and 114 queries in ko / zh / en (most cross-lingual), split by
  intent into a tuning part (``bench/fit_ranking.py`` fits the ranking's weights on it) and a
  held-out part that nothing is fitted or chosen on. Skipped when ../shared/data is absent.
- the project's own set (``bench/bench_relevance.py``): 2,319 generated programs, its 60
  held-out queries and its 182 tuning queries.

Held-out figures come first. nDCG@10 (linear gain = grade) and recall@20 of the grade-3
programs, per query language, cross-lingual and queries mixing scripts.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
BASELINE_REF = "0d09e06952e5de284054b961878cc772395fc1e1"  # hand-set boosts, before calibration
LIMIT = 100


# --- one process: load a set with the code on sys.path, rank every query ----------------------


def worker(which: str, out: Path, features: Path | None = None) -> None:
    os.environ["STARTUP_STREET_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-real-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "startup_street.settings")
    os.environ["TASKS_BACKEND"] = "dummy"  # the rebuild below embeds every program once
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    if which == "real":
        queries, slugs = _load_real()
    else:
        queries, slugs = _load_project()
    loaded = time.perf_counter() - started
    try:
        from startup_street.programs.indexing import reindex
    except ImportError:  # the baseline's code
        from startup_street.search.services import reindex
    started = time.perf_counter()
    reindex()
    indexed = time.perf_counter() - started
    from startup_street.search.selectors import ranked_program_ids

    ranked_program_ids(queries[0]["text"], limit=LIMIT)  # load analysers, model and view
    rankings, seconds = {}, []
    for query in queries:
        started = time.perf_counter()
        ids = ranked_program_ids(query["text"], limit=LIMIT)
        seconds.append(time.perf_counter() - started)
        rankings[query["id"]] = [slugs[pk] for pk in ids if pk in slugs]
    if features is not None:  # the candidates' feature rows, for bench/fit_ranking.py
        from startup_street.search.selectors import FEATURES, candidate_features

        rows = {}
        for query in queries:
            ids, matrix = candidate_features(query["text"], limit=LIMIT)
            rows[query["id"]] = {"slugs": [slugs.get(pk) for pk in ids], "x": matrix.tolist()}
        features.write_text(json.dumps({"features": FEATURES, "queries": rows}), "utf-8")
    out.write_text(
        json.dumps(
            {
                "rankings": rankings,
                "queries": queries,
                "programs": len(slugs),
                "load_s": loaded,
                "index_s": indexed,
                "ms_per_query": 1000 * float(np.mean(seconds)),
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )


def _load_real():
    sys.path.insert(0, str(BENCH))
    import realworld
    from django.db import transaction

    from startup_street.organizations.models import Organization
    from startup_street.programs.models import Program

    rows, orgs = realworld.programs()
    with transaction.atomic():  # written in bulk (no per-row indexing); reindexed after
        by_slug = {
            org["slug"]: Organization.objects.create(
                slug=org["slug"],
                name={org["lang"]: org["name"]},
                original_language=org["lang"],
                country=org["country"],
                website=f"https://{org['slug']}.example.org",
            )
            for org in orgs
        }
        programs = []
        for row in rows:
            lang = row["original_language"]
            key = {"zh-hans": "zh"}.get(lang, lang)
            program = Program(
                organization=by_slug[row["organization"]],
                slug=row["slug"],
                original_language=lang,
                title={lang: row[f"title_{key}"]},
                summary={lang: row[f"summary_{key}"]} if row.get(f"summary_{key}") else {},
                description=(
                    {lang: row[f"description_{key}"]} if row.get(f"description_{key}") else {}
                ),
                kind=row["kind"],
                city=row["city"],
                country=row["country"] or "KR",
                is_published=True,
            )
            program.full_clean(exclude=["organization"])
            programs.append(program)
        Program.objects.bulk_create(programs)
    slugs = dict(Program.objects.values_list("pk", "slug"))
    return realworld.queries(rows), slugs


def _load_project():
    sys.path.insert(0, str(BENCH))
    from bench_relevance import load
    from relevance_heldout import heldout_queries

    data = BENCH / "data" / "relevance"
    corpus = json.loads((data / "corpus.json").read_text(encoding="utf-8"))
    pk_to_id = load(corpus)
    heldout = [{**q, "split": "heldout"} for q in heldout_queries(corpus)]
    main = json.loads((data / "queries.json").read_text(encoding="utf-8"))["queries"]
    tuning = [{**q, "split": "tuning"} for q in main]
    return heldout + tuning, pk_to_id


# --- the orchestrating process ------------------------------------------------------------------


def ndcg(ranking: list[str], judged: dict[str, int], k: int = 10) -> float:
    gains = sorted(judged.values(), reverse=True)[:k]
    ideal = sum(g / np.log2(i + 2) for i, g in enumerate(gains))
    dcg = sum(judged.get(doc, 0) / np.log2(i + 2) for i, doc in enumerate(ranking[:k]))
    return float(dcg / ideal) if ideal else 0.0


def recall(ranking: list[str], judged: dict[str, int], k: int = 20) -> float:
    top = {doc for doc, g in judged.items() if g == 3}
    return len(top & set(ranking[:k])) / min(len(top), k) if top else 0.0


def groups(queries: list[dict]) -> dict[str, list[dict]]:
    out = {
        "all": queries,
        "cross": [q for q in queries if q["crosslingual"]],
        "mono": [q for q in queries if not q["crosslingual"]],
    }
    for lang in ("ko", "zh", "en"):
        out[lang] = [q for q in queries if q["lang"] == lang]
    out["mixed"] = [q for q in queries if q.get("mixed")]
    return out


def figures(queries: list[dict], rankings: dict[str, list[str]]) -> dict:
    out = {}
    for name, members in groups(queries).items():
        if members:
            out[name] = {
                "n": len(members),
                "ndcg@10": float(
                    np.mean([ndcg(rankings[q["id"]], q["judgements"]) for q in members])
                ),
                "recall@20": float(
                    np.mean([recall(rankings[q["id"]], q["judgements"]) for q in members])
                ),
            }
    return out


def export(ref: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="bench-baseline-"))
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "startup_street"], check=True, capture_output=True
    ).stdout
    with tempfile.TemporaryFile() as handle:
        handle.write(archive)
        handle.seek(0)
        with tarfile.open(fileobj=handle) as tar:
            tar.extractall(folder, filter="data")
    return folder


def run(code: Path, which: str, features: Path | None = None) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    env = {**os.environ, "PYTHONPATH": str(code)}
    command = [sys.executable, __file__, "--worker", which, "--code", str(code), "--out", str(out)]
    subprocess.run(
        command + (["--features", str(features)] if features else []), check=True, env=env
    )
    return json.loads(out.read_text(encoding="utf-8"))


def print_table(title: str, rows: list[tuple[str, dict]]) -> None:
    columns = [c for c in ("all", "cross", "mono", "ko", "zh", "en", "mixed") if c in rows[0][1]]
    print(f"\n{title}")
    header = "".join(f"{c + ' (' + str(rows[0][1][c]['n']) + ')':>12}" for c in columns)
    for metric in ("ndcg@10", "recall@20"):
        print(f"  {metric:<22}{header}")
        for label, data in rows:
            print(f"  {label:<22}" + "".join(f"{data[c][metric]:>12.3f}" for c in columns))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-ref", default=BASELINE_REF)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--sets", default="real,project")
    parser.add_argument("--worst", type=int, default=8)
    parser.add_argument("--worker", choices=("real", "project"), help=argparse.SUPPRESS)
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--features", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        sys.path.insert(0, str(args.code))
        worker(args.worker, args.out, args.features)
        return 0
    sys.path.insert(0, str(BENCH))
    import realworld

    started = time.perf_counter()
    load = os.getloadavg()
    sets = [s for s in args.sets.split(",") if s != "real" or realworld.available()]
    if "real" in args.sets and "real" not in sets:
        print("../shared/data is absent: the real-world set is skipped")
    baseline_code = export(args.baseline_ref)
    report = {"baseline_ref": args.baseline_ref, "load_before": load, "sets": {}}
    for which in sets:
        current, baseline = run(ROOT, which), run(baseline_code, which)
        queries = current["queries"]
        result = {}
        for split in ("heldout", "tuning"):
            chosen = [q for q in queries if q["split"] == split]
            result[split] = {
                "baseline": figures(chosen, baseline["rankings"]),
                "current": figures(chosen, current["rankings"]),
            }
        result["programs"] = current["programs"]
        result["ms_per_query"] = {
            "baseline": baseline["ms_per_query"],
            "current": current["ms_per_query"],
        }
        report["sets"][which] = result
        name = {"real": "real-world set", "project": "project's own set"}[which]
        for split in ("heldout", "tuning"):
            print_table(
                f"{name}, {split} queries ({current['programs']} programs)",
                [
                    (f"baseline {args.baseline_ref[:7]}", result[split]["baseline"]),
                    ("current", result[split]["current"]),
                ],
            )
        print(
            f"  ms/query: baseline {baseline['ms_per_query']:.1f}, current "
            f"{current['ms_per_query']:.1f}"
        )
        # Tuning queries only: error analysis on held-out ones would tune on them.
        worst = sorted(
            (q for q in queries if q["split"] == "tuning"),
            key=lambda q: ndcg(current["rankings"][q["id"]], q["judgements"]),
        )[: args.worst]
        print("  worst tuning queries (nDCG@10 current / baseline):")
        for q in worst:
            now = ndcg(current["rankings"][q["id"]], q["judgements"])
            before = ndcg(baseline["rankings"][q["id"]], q["judgements"])
            print(f"    {q['id']} {q['text']!r}: {now:.2f} / {before:.2f}")
    report["load_after"] = os.getloadavg()
    print(
        f"\nload average before {load[0]:.1f}, after {report['load_after'][0]:.1f}; "
        f"{time.perf_counter() - started:.0f} s"
    )
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
