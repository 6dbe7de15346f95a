"""Reading the benchmarks' data files under bench/data/ (JSON; JSON Lines, one record a line)."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def read_json(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def read_jsonl(name: str) -> list[dict]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
