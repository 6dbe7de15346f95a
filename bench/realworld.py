"""The real-world relevance set: programs from the shared data (../shared/data), queries and
grading rules from bench/data/realworld/queries.json.

Programs, in the import columns of ``startup-street import-programs`` (they are written through
``programs.importers.import_rows``, as an import would write them):

- Korean (and a few English) K-Startup announcements: the 146 titles of September 2025, the 30
  full announcements (title, description, support content; through the importer's own
  K-Startup reader) and every 8th announcement of the 10,328-announcement index (its title
  words, in the index's order, as the title; support field and region as kind and city);
- the 64 corporate accelerators (English: name, goal, areas of interest; city and country of
  their first location);
- 40 Chinese programs (bench/data/realworld/programs_zh.json): programs of the sources above
  written up in Chinese for this set.

Nothing of the shared data is copied into the repository; without it this set is skipped.

A program's grade for a query comes from its own text (title, summary, description, city, in
its own language) and the query's topic and place patterns: every topic and the place -> 3,
every topic -> 2, some topics -> 1 (see the file's "about").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data beside the checkout (or beside the folder of worktrees it sits in)
SHARED = next(
    (p / "shared" / "data" for p in ROOT.parents if (p / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data",
)
DATA = ROOT / "bench" / "data" / "realworld"
INDEX_EVERY = 8

HANGUL = re.compile("[\uac00-\ud7a3]")
REGIONS = {
    "서울특별시": "서울",
    "인천광역시": "인천",
    "대구광역시": "대구",
    "경기도": "경기",
    "충청남도": "충남",
    "경상북도": "경북",
    "경상남도": "경남",
    "제주특별자치도": "제주",
}
TITLE_PLACES = re.compile(
    "서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주|"
    "수원|안산|부천|용인|파주|충주|청주|천안|춘천|구미|해운대"
)
TITLE_KINDS = (
    ("입주|보육센터|공간|캠퍼스|허브", "space"),
    ("IR|투자|피칭|데모데이|TIPS|팁스", "funding"),
    ("교육|아카데미|스쿨|컨설팅|코칭|멘토링|클리닉|과정", "mentoring"),
    ("세미나|포럼|컨퍼런스|밋업|페스티벌|행사|개최|데이|대회|공모전|챌린지", "events"),
    ("글로벌|해외|미국|실리콘밸리|진출", "sales_overseas"),
    ("테스트베드|실증", "testbed"),
)
COUNTRIES = {
    "USA": "US",
    "UK": "GB",
    "Germany": "DE",
    "France": "FR",
    "Hong Kong": "HK",
    "Singapore": "SG",
    "China": "CN",
    "Israel": "IL",
    "India": "IN",
    "Poland": "PL",
    "Austria": "AT",
    "Netherlands": "NL",
    "Sweden": "SE",
    "Ireland": "IE",
    "Spain": "ES",
    "Italy": "IT",
    "Finland": "FI",
    "Russia": "RU",
    "Australia": "AU",
    "Malaysia": "MY",
    "Belgium": "BE",
}


def _country(code: str) -> str:
    """The catalogue's country choices; the others are "ZZ" (other)."""
    return code if code in {"KR", "CN", "JP", "US", "SG", "DE", "GB"} else ("ZZ" if code else "")


def available() -> bool:
    return (SHARED / "kstartup-programs" / "programs_index.json").exists()


def _kind_from_title(title: str) -> str:
    for pattern, kind in TITLE_KINDS:
        if re.search(pattern, title):
            return kind
    return "commercialisation"


def _row(slug, org, lang, title, summary="", description="", kind="", city="", country=""):
    key = {"ko": "ko", "zh": "zh", "en": "en"}[lang]
    return {
        "organization": org,
        "slug": slug,
        "original_language": {"zh": "zh-hans"}.get(lang, lang),
        f"title_{key}": title.strip()[:300],
        f"summary_{key}": summary.strip()[:1000],
        f"description_{key}": description.strip()[:20000],
        "kind": kind or "commercialisation",
        "city": city,
        "country": country,
        "is_published": "1",
    }


def programs() -> tuple[list[dict], list[dict]]:
    """(import rows, organisations to create first as {slug, name, lang}) of the corpus."""
    from startup_street.programs.importers import KSTARTUP_KINDS, kstartup_row

    rows: list[dict] = []
    orgs = [
        {"slug": "rw-kstartup", "name": "K-Startup", "lang": "ko", "country": "KR"},
        {
            "slug": "rw-accelerators",
            "name": "Corporate accelerators",
            "lang": "en",
            "country": "US",
        },
        {"slug": "rw-zh", "name": "创业服务中心", "lang": "zh-hans", "country": "CN"},
    ]
    ks = SHARED / "kstartup-programs"
    for record in json.loads((ks / "announcement_titles_2025-09.json").read_text("utf-8")):
        title = record["biz_pbanc_nm"].replace("&apos;", "'").strip()
        lang = "ko" if HANGUL.search(title) else "en"
        place = TITLE_PLACES.search(title)
        rows.append(
            _row(
                f"ks-{record['pbanc_sn']}",
                "rw-kstartup",
                lang,
                title,
                kind=_kind_from_title(title),
                city=place.group(0) if place else "",
                country="KR",
            )
        )

    class Org:
        slug = "rw-kstartup"

    for record in json.loads((ks / "announcements_detail_sample.json").read_text("utf-8")):
        row = kstartup_row(record, Org)
        row["city"] = REGIONS.get(row["city"], row["city"])
        row = {k: v for k, v in row.items() if not k.startswith("call_")}
        rows.append(row)
    index = json.loads((ks / "programs_index.json").read_text("utf-8"))
    for record in index[::INDEX_EVERY]:
        regions = [REGIONS.get(r, r) for r in record["regions"] if r != "전국"]
        fields = record["support_fields"]
        rows.append(
            _row(
                f"ksi-{record['pbancSn']}",
                "rw-kstartup",
                "ko",
                " ".join(record["title_keywords"]),
                summary=record.get("org_name", ""),
                kind=KSTARTUP_KINDS.get(fields[0], "commercialisation") if fields else "",
                city=regions[0] if regions else "",
                country="KR",
            )
        )
    accelerators = json.loads(
        (SHARED / "corporate-accelerators" / "accelerators.json").read_text("utf-8")
    )
    for record in accelerators:
        location = (record.get("Accelerator locations") or "").split("/")[0].strip()
        city, _, country = location.partition(",")
        description = "\n".join(
            filter(
                None,
                [
                    record.get("Areas of Interest"),
                    f"Funding: {record['Funding']}" if record.get("Funding") else "",
                    f"Term: {record['Term']}" if record.get("Term") else "",
                    "Office space" if record.get("Office space") == "Yes" else "",
                    f"Education: {record['Education']}" if record.get("Education") else "",
                ],
            )
        )
        rows.append(
            _row(
                "acc-" + re.sub(r"[^a-z0-9]+", "-", record["Name"].lower()).strip("-"),
                "rw-accelerators",
                "en",
                record["Name"].strip(),
                summary=(record.get("Goal") or record.get("Self-description") or ""),
                description=description,
                kind="mentoring",
                city=city.strip()
                if city.strip() not in {"Remote + San Francisco"}
                else "San Francisco",
                country=_country(COUNTRIES.get(country.strip(), "")),
            )
        )
    written = json.loads((DATA / "programs_zh.json").read_text("utf-8"))["programs"]
    for n, record in enumerate(written, 1):
        rows.append(
            _row(
                f"zh-{n:02d}",
                "rw-zh",
                "zh",
                record["title"],
                summary=record["summary"],
                kind=record["kind"],
                city=record["city"],
                country=_country(record["country"]),
            )
        )
    return rows, orgs


def language(row: dict) -> str:
    return {"zh-hans": "zh"}.get(row["original_language"], row["original_language"])


def judged_text(row: dict) -> str:
    lang = {"zh-hans": "zh"}.get(row["original_language"], row["original_language"])
    return "\n".join(row.get(f"{part}_{lang}", "") for part in ("title", "summary", "description"))


def intent(query: dict) -> tuple:
    return tuple(sorted(query["topics"])), query.get("place")


def queries(rows: list[dict]) -> list[dict]:
    """The queries with their graded judgements over ``rows`` (by slug); a query with no
    program at grade 3 is dropped."""
    spec = json.loads((DATA / "queries.json").read_text("utf-8"))
    topics = {k: re.compile(v, re.IGNORECASE) for k, v in spec["topics"].items()}
    places = {k: re.compile(v, re.IGNORECASE) for k, v in spec["places"].items()}
    texts = [(row["slug"], judged_text(row), row.get("city", ""), language(row)) for row in rows]
    intents: dict[tuple, int] = {}
    for query in spec["queries"]:
        intents.setdefault(intent(query), len(intents))
    out = []
    for query in spec["queries"]:
        judgements, languages = {}, {}
        for slug, text, city, lang in texts:
            met = sum(bool(topics[t].search(text)) for t in query["topics"])
            if not met:
                continue
            grade = 1
            if met == len(query["topics"]):
                place = query.get("place")
                grade = 3 if place is None or places[place].search(text + "\n" + city) else 2
            judgements[slug] = grade
            languages[slug] = lang
        best = [slug for slug, g in judgements.items() if g == 3]
        if not best:
            continue
        other = sum(languages[slug] != query["lang"] for slug in best)
        out.append(
            {
                **query,
                "split": ("tuning", "heldout")[intents[intent(query)] % 2],
                "judgements": judgements,
                "crosslingual": other / len(best) >= 0.5,
                "mixed": bool(
                    HANGUL.search(query["text"]) or re.search("[\u4e00-\u9fff]", query["text"])
                )
                and bool(re.search("[A-Za-z]{2,}", query["text"])),
            }
        )
    return out
