"""A second, held-out query set for the relevance benchmark (bench/data/relevance/
heldout_queries.jsonl).

The main set (bench/data/relevance/queries.json, 182 queries) is the one the search's fusion
weights, hints and term dictionary were tuned on. These 60 queries (20 ko / 20 zh / 20 en) were
written afterwards, in one sitting, before any of them was run, and nothing was changed to suit
them; they are graded by the same rule (``relevance_data.grade``) against the same corpus.
Unlike the main set, no program was added to the corpus for them, so a few have fewer than three
programs at grade 3.

    python bench/bench_relevance.py --queries heldout
"""

from __future__ import annotations

from benchdata import read_jsonl
from relevance_data import QUERY_FIELDS, grade

# (lang, text, topics, supports, regions), one query a line
HELD_OUT = [
    tuple(row[name] for name in QUERY_FIELDS)
    for row in read_jsonl("relevance/heldout_queries.jsonl")
]


def heldout_queries(corpus: dict) -> list[dict]:
    """The held-out queries in the main set's form, graded against ``corpus``."""
    programs = corpus["programs"]
    out = []
    for k, (lang, text, topics, supports, regions) in enumerate(HELD_OUT):
        intent = {"lang": lang, "text": text, "topics": topics, "supports": supports}
        intent["regions"] = regions
        judged = {p["id"]: g for p in programs if (g := grade(intent, p["truth"]))}
        top = [p for p in programs if judged.get(p["id"]) == 3]
        share = sum(lang in p["truth"]["languages"] for p in top) / len(top) if top else 1.0
        out.append(
            {
                "id": f"h{k:03d}",
                **intent,
                "crosslingual": share < 0.5,
                "top_in_query_language": round(share, 3),
                "judgements": judged,
            }
        )
    return out
