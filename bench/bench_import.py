"""Bulk import speed: ``import-organizations`` and ``import-programs`` on a generated file, next
to a bare ``bulk_create`` of the same programs (no validation, no sectors, no calls, no search
entries) measured in the same run.

    python bench/bench_import.py [--rows 20000] [--organizations 50]

A throwaway SQLite database by default; set DATABASE_URL to measure PostgreSQL (its programs
and organisations are deleted first). Titles and summaries come from real announcements and
companies in ../shared/data when present (K-Startup titles in Korean, Chinese technology
companies in Chinese), otherwise from generated text. Prints rows/s for both, the ratio, the
process's resident memory before and after the import, and the machine's load.
"""

import argparse
import csv
import json
import os
import resource
import secrets
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data beside the checkout (or beside the folder of worktrees it sits in)
DATA = next(
    (p / "shared" / "data" for p in ROOT.parents if (p / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data",
)
sys.path.insert(0, str(ROOT))

COLUMNS = [
    "organization",
    "slug",
    "original_language",
    "title_ko",
    "title_zh",
    "title_en",
    "summary_ko",
    "summary_zh",
    "kind",
    "sectors",
    "stages",
    "city",
    "country",
    "call_opens",
    "call_closes",
    "call_time_zone",
]
KINDS = ["funding", "space", "mentoring", "testbed", "commercialisation", "sales_overseas"]
SECTORS = ["robotics", "ai", "bio", "fintech", "mobility", ""]


def setup() -> None:
    if "DATABASE_URL" not in os.environ:
        os.environ["STARTUP_STREET_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-import-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "startup_street.settings")
    # As in production: DEBUG off (DEBUG keeps every query's text in memory).
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    # As in production: the embeddings are a background job queued in the database for the
    # worker, not run inline at commit as the embedded default's immediate queue does.
    os.environ.setdefault("TASKS_BACKEND", "database")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from startup_street.organizations.models import Organization
    from startup_street.programs.models import Program

    Program.objects.all().delete()
    Organization.objects.all().delete()


def texts() -> tuple[list[str], list[tuple[str, str]], str]:
    """Korean titles and Chinese (name, business) pairs: real ones when the data is present."""
    index = DATA / "kstartup-programs" / "programs_index.json"
    companies = DATA / "cn-tech-companies" / "companies.json"
    if index.exists() and companies.exists():
        korean = [" ".join(r["title_keywords"]) for r in json.loads(index.read_text())]
        chinese = [
            (c["name"], c.get("businessArea") or c.get("products") or "")
            for c in json.loads(companies.read_text())
        ]
        return korean, chinese, "K-Startup titles and Chinese technology companies"
    korean = [f"창업 지원 사업 {n} 로봇 실증 참여기업 모집" for n in range(500)]
    chinese = [(f"中关村科技公司{n}", "机器人、人工智能、智能制造") for n in range(500)]
    return korean, chinese, "generated text (../shared/data not found)"


def write_files(folder: Path, rows: int, organizations: int) -> tuple[Path, Path, str]:
    korean, chinese, source = texts()
    orgs = folder / "organizations.csv"
    with orgs.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["slug", "name_ko", "name_zh", "name_en", "kind", "city", "country"])
        for n in range(organizations):
            seoul = n % 2 == 0
            writer.writerow(
                [
                    f"org-{n}",
                    f"창업지원기관 {n}" if seoul else "",
                    "" if seoul else f"孵化器{n}",
                    f"Support organisation {n}",
                    "incubator",
                    "Seoul" if seoul else "Beijing",
                    "KR" if seoul else "CN",
                ]
            )
    programs = folder / "programs.csv"
    with programs.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for n in range(rows):
            seoul = n % 2 == 0
            name, business = chinese[n % len(chinese)]
            writer.writerow(
                {
                    "organization": f"org-{n % organizations}",
                    "slug": f"bench-{n}",
                    "original_language": "ko" if seoul else "zh-hans",
                    "title_ko": korean[n % len(korean)] if seoul else "",
                    "title_zh": "" if seoul else f"{name}创业支持计划",
                    "title_en": f"Support program {n}" if n % 3 == 0 else "",
                    "summary_ko": "예비창업자와 초기창업기업 지원" if seoul else "",
                    "summary_zh": "" if seoul else business,
                    "kind": KINDS[n % len(KINDS)],
                    "sectors": SECTORS[n % len(SECTORS)],
                    "stages": "seed",
                    "city": "Seoul" if seoul else "Beijing",
                    "country": "KR" if seoul else "CN",
                    "call_opens": "2027-03-01 09:00" if n % 2 else "",
                    "call_closes": "2027-03-31 18:00" if n % 2 else "",
                    "call_time_zone": "Asia/Seoul" if seoul else "Asia/Shanghai",
                }
            )
    return orgs, programs, source


def baseline(path: Path) -> float:
    """Bare bulk_create of the same programs: what the database alone costs."""
    from django.db import transaction

    from startup_street.organizations.models import Organization
    from startup_street.programs.models import Program

    organizations = dict(Organization.objects.values_list("slug", "pk"))
    started = time.perf_counter()
    with path.open(encoding="utf-8") as handle, transaction.atomic():
        batch = []
        for row in csv.DictReader(handle):
            batch.append(
                Program(
                    organization_id=organizations[row["organization"]],
                    slug=row["slug"],
                    title={"ko": row["title_ko"]}
                    if row["title_ko"]
                    else {"zh-hans": row["title_zh"]},
                    kind=row["kind"],
                    country=row["country"],
                    city=row["city"],
                )
            )
            if len(batch) == 500:
                Program.objects.bulk_create(batch)
                batch = []
        Program.objects.bulk_create(batch)
    elapsed = time.perf_counter() - started
    Program.objects.all().delete()
    return elapsed


def queued() -> str:
    if os.environ["TASKS_BACKEND"] != "database":
        return "run at commit"
    from django_tasks_db.models import DBTaskResult

    return str(DBTaskResult.objects.count())


def rss_mib() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--organizations", type=int, default=50)
    args = parser.parse_args()
    setup()
    from django.core.management import call_command
    from django.db import connection

    folder = Path(tempfile.mkdtemp(prefix="bench-import-files-"))
    orgs, programs, source = write_files(folder, args.rows, args.organizations)
    print(f"database: {connection.vendor}; {args.rows} programs from {source}")
    print(f"tasks backend: {os.environ['TASKS_BACKEND']} (embeddings are the worker's job)")
    print(f"load average before: {os.getloadavg()[0]:.2f}")

    started = time.perf_counter()
    call_command("import-organizations", str(orgs), stdout=StringIO(), stderr=StringIO())
    print(f"organisations: {args.organizations} in {time.perf_counter() - started:.2f} s")

    base = baseline(programs)
    before = rss_mib()
    started = time.perf_counter()
    out = StringIO()
    call_command("import-programs", str(programs), stdout=out, stderr=StringIO())
    ours = time.perf_counter() - started
    after = rss_mib()
    print(f"import-programs: {out.getvalue().strip().splitlines()[0]}")
    print(f"{'':24}{'seconds':>10}{'rows/s':>10}")
    print(f"{'bare bulk_create':24}{base:>10.2f}{args.rows / base:>10.0f}")
    print(f"{'import-programs':24}{ours:>10.2f}{args.rows / ours:>10.0f}")
    print(f"ours / baseline: {ours / base:.1f}x the time")
    print(f"resident memory: {before:.0f} MiB before, {after:.0f} MiB after the import")
    print(f"background jobs queued: {queued()}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
