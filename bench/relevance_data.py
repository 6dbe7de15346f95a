"""Generate the relevance benchmark's labelled data: bench/data/relevance/{corpus,queries}.json.

    python bench/relevance_data.py          # rewrites both (deterministic: same seed, same bytes)
    python bench/relevance_data.py --check  # regenerates in memory, compares with the files

Every program is made from structured ground truth drawn first (organisation -> region, language;
support kind; topic, optional secondary topic; stage), then written out from hand-written,
aligned ko / zh-hans / en phrase tables (bench/data/relevance/tables.json). Queries are
hand-written in a founder's words (bench/data/relevance/written_queries.jsonl) with their intent
(topics, kinds of support, regions); grades come only from comparing that intent with each
program's ground truth (``grade``), never from any search output. The rule is documented in
bench/data/relevance/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from benchdata import read_json, read_jsonl

OUT = Path(__file__).resolve().parent / "data" / "relevance"
SEED = 20260315
N_PROGRAMS = 2300  # background catalogue; queries whose cells are thin get a few more
MIN_TOP = 3  # each query has at least this many grade-3 programs
LANGS = ("ko", "zh", "en")
CODE = {"ko": "ko", "zh": "zh-hans", "en": "en"}  # the app's content-language codes

# --- the phrase tables and the queries: data files under bench/data/relevance/ ----------------
# tables.json: places (REGIONS: id -> country, ko, zh, en; ZONES), topics (sector, families for
# "related", names and details aligned across languages), kinds of support (model kind, related
# supports, title / summary / offer templates), the sentences a program is written from, and the
# organisations (region, languages they write in, what they run, which topics; topics null: all).
# written_queries.jsonl: the queries, hand-written in a founder's words, with their intent
# (lang, text, topics, supports, regions; regions are region ids or country codes).

QUERY_FIELDS = ("lang", "text", "topics", "supports", "regions")
_TABLES = read_json("relevance/tables.json")
REGIONS: dict[str, tuple] = {key: tuple(row) for key, row in _TABLES["regions"].items()}
ZONES: dict[str, str] = _TABLES["zones"]
TOPICS: dict[str, dict] = {
    key: {**topic, "families": set(topic["families"])} for key, topic in _TABLES["topics"].items()
}
GENERAL: dict = _TABLES["general"]  # a program open to every sector
HARDWARE: set = set(_TABLES["hardware"])  # null: a program open to every sector
NO_TESTBED: set = set(_TABLES["no_testbed"])
SUPPORTS: dict[str, dict] = {
    key: {**support, "related": set(support["related"])}
    for key, support in _TABLES["supports"].items()
}
KIND_OF_MARKET_ABROAD: dict[str, str] = _TABLES["kind_of_market_abroad"]
AMOUNTS, STAGES, HEAD = _TABLES["amounts"], _TABLES["stages"], _TABLES["head"]
WHERE, PREFERRED, ELIGIBLE = _TABLES["where"], _TABLES["preferred"], _TABLES["eligible"]
SELECTION, APPLY, JOIN = _TABLES["selection"], _TABLES["apply"], _TABLES["join"]
ALL = None  # an organisation's topics when it writes about every topic
ORGS: list[dict] = _TABLES["orgs"]
QUERIES: list[tuple] = [
    tuple(row[name] for name in QUERY_FIELDS)
    for row in read_jsonl("relevance/written_queries.jsonl")
]


def region_set(spec: list[str]) -> set[str]:
    """Region ids from ids or country codes (``KR`` = every Korean region)."""
    out = set()
    for item in spec:
        out |= {r for r, v in REGIONS.items() if v[0] == item} if item.isupper() else {item}
    return out


# --- grading -------------------------------------------------------------------------------


def related_topics(a: str, b: str) -> bool:
    return a != b and bool(TOPICS[a]["families"] & TOPICS[b]["families"])


def grade(intent: dict, truth: dict) -> int:
    """0-3 from the query's intent and the program's ground truth (see README.md)."""
    topics, supports, regions = intent["topics"], intent["supports"], intent["regions"]
    t1, t2, s = truth["topic"], truth["topic2"], truth["support"]
    if topics:
        if t1 in topics:
            tm = "primary"
        elif t2 in topics:
            tm = "secondary"
        elif t1 is None:
            tm = "general"
        elif any(related_topics(t1, t) for t in topics) or (
            t2 and any(related_topics(t2, t) for t in topics)
        ):
            tm = "related"
        else:
            tm = "none"
    if supports:
        if s in supports:
            km = "same"
        elif SUPPORTS[s]["related"] & set(supports):
            km = "related"
        else:
            km = "none"
    if topics and supports:
        if tm == "primary" and km == "same":
            g = 3
        elif (tm == "primary" and km == "related") or (
            tm in ("secondary", "general") and km == "same"
        ):
            g = 2
        elif (
            tm == "primary"
            or (tm == "secondary" and km == "related")
            or (tm == "related" and km == "same")
        ):
            g = 1
        else:
            g = 0
    elif topics:
        g = {"primary": 3, "secondary": 2, "related": 1}.get(tm, 0)
    elif supports:
        g = {"same": 3 if t1 is None else 2, "related": 1}.get(km, 0)
    else:
        g = 0
    # a market-entry program is judged by where it takes you (its kind), not by where it is run
    located = not s.startswith("market_")
    if g and regions and located and truth["region"] not in region_set(regions):
        g = max(0, g - 2)
    return g


# --- writing programs ----------------------------------------------------------------------


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), list(weights.values()))[0]


def _fmt(template: str, slots: dict, lang: str) -> str:
    text = template.format(**{k: (v[lang] if isinstance(v, dict) else v) for k, v in slots.items()})
    return text[:1].upper() + text[1:] if lang == "en" else text


def _english_name(org: dict) -> str:
    """How a translation names an organisation that has no name in that language."""
    return " ".join(
        word.upper() if len(word) <= 3 else word.title() for word in org["slug"].split("-")
    )


def _topic_texts(topic: str | None, lang: str) -> tuple[list[str], list[str]]:
    table = TOPICS[topic] if topic else GENERAL
    return table[lang], table["d" + lang]


def write_program(rng: random.Random, org: dict, truth: dict, year: int) -> dict:
    """Title, summary and description in each of the program's languages, same choices in
    every language (a translation, not a different program)."""
    topic, support = truth["topic"], truth["support"]
    spec = SUPPORTS[support]
    i_name = rng.randrange(3)
    i_detail = rng.randrange(2)
    i_title = rng.randrange(3)
    i_summary = rng.randrange(2)
    offers = rng.sample(range(4), k=rng.choice([2, 3, 4]))
    i_amount = rng.randrange(4)
    i_elig = rng.randrange(2)
    i_sel = rng.randrange(3)
    i_apply = rng.randrange(3)
    preferred = rng.random() < 0.5
    n, months, hours, weeks = (
        rng.randint(1, 9),
        rng.choice([6, 12, 24]),
        rng.choice([10, 20, 40]),
        rng.choice([4, 6, 8, 12]),
    )
    out = {"title": {}, "summary": {}, "description": {}}
    for lang in truth["languages"]:
        names, details = _topic_texts(topic, lang)
        org_name = org["name"].get(lang) or org["name"].get("en") or _english_name(org)
        slots = {
            "topic": names[i_name],
            "detail": details[i_detail],
            "region": REGIONS[truth["region"]][{"ko": 1, "zh": 2, "en": 3}[lang]],
            "org": org_name,
            "year": str(year),
            "n": str(n),
            "months": str(months),
            "hours": str(hours),
            "weeks": str(weeks),
            "amount": AMOUNTS[lang][i_amount],
            "stage": STAGES[truth["stage"]][lang],
        }
        title = _fmt(spec[lang][i_title], slots, lang)
        summary = _fmt(spec["s" + lang][i_summary], slots, lang)
        if truth["topic2"]:
            other = TOPICS[truth["topic2"]][lang][0]
            summary += {
                "ko": f" {other} 분야와의 융합 기술도 환영합니다.",
                "zh": f"欢迎与{other}融合的项目。",
                "en": f" Projects that combine it with {other.lower()} are welcome.",
            }[lang]
        if preferred:
            summary += _fmt(PREFERRED[lang], slots, lang)
        bullet = {"ko": "- ", "zh": "· ", "en": "- "}[lang]
        head = HEAD[lang]
        body = [
            head[0], summary,
            head[1], _fmt(ELIGIBLE[lang][i_elig], slots, lang),
            head[2], "\n".join(bullet + _fmt(spec["o" + lang][k], slots, lang) for k in offers),
            head[3], SELECTION[lang][i_sel],
            head[4], _fmt(APPLY[lang][i_apply], slots, lang),
            _fmt(WHERE[lang], slots, lang),
        ]  # fmt: skip
        out["title"][CODE[lang]] = title
        out["summary"][CODE[lang]] = summary
        out["description"][CODE[lang]] = "\n".join(body)
    return out


def draw_truth(rng: random.Random, org: dict, support=None, topic="any", region=None) -> dict:
    support = support or _pick(rng, org["supports"])
    if topic == "any":
        pool = org["topics"] if org["topics"] is not ALL else [*TOPICS, None]
        general = 0.3 if org["topics"] is ALL else 0.12
        for _ in range(50):
            topic = None if rng.random() < general else rng.choice(pool)
            if topic is not None and support == "testbed" and topic in NO_TESTBED:
                continue
            if support == "prototype" and topic not in HARDWARE:
                continue
            break
    topic2 = None
    if topic and rng.random() < 0.15:
        near = [t for t in TOPICS if related_topics(topic, t)]
        topic2 = rng.choice(near or [t for t in TOPICS if t != topic])
    original = _pick(rng, org["lang"])
    languages = [original]
    if rng.random() < 0.12:  # some programs carry a translation
        extra = "en" if original != "en" else next((lg for lg in org["lang"] if lg != "en"), "ko")
        if extra != original:
            languages.append(extra)
    stage = rng.choice(["pre_seed", "seed", "seed", "series_a", "growth"])
    return {
        "topic": topic,
        "topic2": topic2,
        "support": support,
        "region": region or org["region"],
        "org": org["slug"],
        "languages": languages,
        "stage": stage,
    }


def model_kind(truth: dict, org: dict) -> str:
    if truth["support"] == "market_cn" and REGIONS[org["region"]][0] == "CN":
        return "soft_landing"
    return SUPPORTS[truth["support"]]["kind"]


def build() -> tuple[dict, dict]:
    rng = random.Random(SEED)
    orgs = {o["slug"]: o for o in ORGS}
    weights = [o["weight"] for o in ORGS]
    truths = [draw_truth(rng, rng.choices(ORGS, weights)[0]) for _ in range(N_PROGRAMS)]
    intents = [
        {"lang": q[0], "text": q[1], "topics": q[2], "supports": q[3], "regions": q[4]}
        for q in QUERIES
    ]
    # top up thin cells: every query gets MIN_TOP programs of grade 3, from organisations that
    # run that kind of support (in the asked-for region when there is one)
    seeded = 0
    for intent in intents:
        have = sum(grade(intent, t) == 3 for t in truths)
        attempts = 0
        while have < MIN_TOP and attempts < 200:
            attempts += 1
            support = rng.choice(intent["supports"]) if intent["supports"] else None
            topic = rng.choice(intent["topics"]) if intent["topics"] else None
            regions = region_set(intent["regions"]) if intent["regions"] else None
            fits = [
                o for o in ORGS
                if (support is None or support in o["supports"])
                and (regions is None or o["region"] in regions)
                and (topic is None or o["topics"] is ALL or topic in o["topics"])
            ]  # fmt: skip
            if not fits:
                fits = [o for o in ORGS if (support is None or support in o["supports"])]
                fits = [o for o in fits if regions is None or o["region"] in regions] or fits
            org = rng.choice(fits)
            truth = draw_truth(rng, org, support=support, topic=topic)
            if support is None:
                truth["support"] = support or _pick(rng, org["supports"])
            if grade(intent, truth) == 3:
                truths.append(truth)
                have += 1
                seeded += 1
    programs = []
    slugs = set()
    for k, truth in enumerate(truths):
        org = orgs[truth["org"]]
        year = rng.choice([2024, 2025, 2025, 2026])
        texts = write_program(rng, org, truth, year)
        slug = f"{org['slug']}-{truth['support'].replace('_', '-')}-{k:04d}"
        assert slug not in slugs
        slugs.add(slug)
        sectors = [TOPICS[t]["sector"] for t in (truth["topic"], truth["topic2"]) if t]
        programs.append(
            {
                "id": f"p{k:04d}",
                "slug": slug[:100],
                "organization": org["slug"],
                **texts,
                "original_language": CODE[truth["languages"][0]],
                "kind": model_kind(truth, org),
                "sectors": sorted({s for s in sectors if s}),
                "stages": [truth["stage"]],
                "city": REGIONS[truth["region"]][3],
                "country": REGIONS[truth["region"]][0],
                "truth": truth,
            }
        )
    organizations = [
        {
            "slug": o["slug"],
            "name": {CODE[lg]: v for lg, v in o["name"].items()},
            "original_language": CODE[next(iter(o["name"]))],
            "kind": o["kind"],
            "city": REGIONS[o["region"]][3],
            "country": REGIONS[o["region"]][0],
            "time_zone": ZONES[REGIONS[o["region"]][0]],
        }
        for o in ORGS
    ]
    queries = []
    for k, intent in enumerate(intents):
        judged = {p["id"]: g for p in programs if (g := grade(intent, p["truth"]))}
        top = [p for p in programs if judged.get(p["id"]) == 3]
        own = sum(intent["lang"] in p["truth"]["languages"] for p in top)
        share = own / len(top)
        queries.append(
            {
                "id": f"q{k:03d}",
                **intent,
                "crosslingual": share < 0.5,
                "top_in_query_language": round(share, 3),
                "judgements": judged,
            }
        )
    corpus = {
        "about": "Synthetic startup-support programs for the relevance benchmark; see README.md.",
        "seed": SEED,
        "seeded_for_queries": seeded,
        "organizations": organizations,
        "programs": programs,
    }
    return corpus, {
        "about": "Graded judgements (0-3; 0 omitted); see README.md.",
        "queries": queries,
    }


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files")
    args = parser.parse_args()
    corpus, queries = build()
    files = {"corpus.json": _dump(corpus), "queries.json": _dump(queries)}
    if args.check:
        stale = [n for n, text in files.items() if (OUT / n).read_text(encoding="utf-8") != text]
        print("up to date" if not stale else f"stale: {', '.join(stale)}")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (OUT / name).write_text(text, encoding="utf-8")
    qs = queries["queries"]
    print(
        f"{len(corpus['programs'])} programs ({corpus['seeded_for_queries']} seeded for thin "
        f"cells); {len(qs)} queries: "
        + ", ".join(f"{lg} {sum(q['lang'] == lg for q in qs)}" for lg in LANGS)
        + f"; cross-lingual {sum(q['crosslingual'] for q in qs)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
