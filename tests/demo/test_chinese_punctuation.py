"""Chinese the demo generates uses Chinese punctuation (，。：；（）), not ASCII marks."""

import ast
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from startup_street.core.text import fullwidth_punctuation
from startup_street.demo.generate import plan_world

DEMO = Path(__file__).resolve().parents[2] / "startup_street" / "demo"
HAN = re.compile(r"[\u3400-\u9fff]")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# An ASCII mark in Chinese text, unless it sits inside a number (1,000 or 10:30).
HALF_WIDTH = re.compile(r"[;!?()]|(?<!\d)[,:]|[,:](?!\d)|(?<=[\u3400-\u9fff])\.")


def _chinese_texts(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "zh-hans" and isinstance(item, str):
                yield item
            else:
                yield from _chinese_texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _chinese_texts(item)


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("申报条件: 成立3年以内, 营收1,000万元以下.", "申报条件：成立3年以内，营收1,000万元以下。"),
        ("韩国创新中心 (北京)", "韩国创新中心（北京）"),
        ("技术验证(PoC)支持;10:30开始!", "技术验证（PoC）支持；10:30开始！"),
        ("详见 https://example.org/a?b=1,2", "详见 https://example.org/a?b=1,2"),
        ("%(startup)s:请报告(%(year)s年)", "%(startup)s：请报告（%(year)s年）"),
    ],
)
def test_fullwidth_punctuation(raw, fixed):
    assert fullwidth_punctuation(raw) == fixed


def test_generated_world_writes_chinese_with_chinese_punctuation():
    world = plan_world(seed=7, programs=60, startups=40, now=datetime(2026, 3, 2, tzinfo=UTC))
    rows = [world.organizations, world.programs, world.calls, world.startups]
    texts = list(_chinese_texts(rows))
    assert len(texts) > 200
    bad = [text for text in texts if HALF_WIDTH.search(text)]
    assert bad == []


def test_chinese_literals_in_the_demo_sources_use_chinese_punctuation():
    bad = []
    for path in sorted(DEMO.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or id(node) in docstrings:
                continue
            text = node.value
            chinese = isinstance(text, str) and HAN.search(text) and not HANGUL.search(text)
            if chinese and fullwidth_punctuation(text) != text:
                bad.append(f"{path.name}: {text[:40]}")
    assert bad == []
