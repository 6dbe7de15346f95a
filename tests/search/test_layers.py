"""The text engine and the search app import only what sits below them: text imports no Django
and no app; search imports no app above it (programs, mentoring and the rest import search)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "startup_street"
BELOW_SEARCH = {"core", "accounts", "organizations", "startups", "matching", "text", "search"}


def imported_modules(package: str) -> dict[str, set[str]]:
    out = {}
    for path in (ROOT / package).rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        out[str(path.relative_to(ROOT))] = names
    return out


def test_text_imports_no_django_and_no_app():
    for path, names in imported_modules("text").items():
        bad = {n for n in names if n.split(".")[0] == "django"}
        bad |= {
            n
            for n in names
            if n.startswith("startup_street.") and not n.startswith("startup_street.text")
        }
        assert not bad, f"{path} imports {sorted(bad)}"


@pytest.mark.parametrize("package", ["search"])
def test_search_imports_no_app_above_it(package):
    for path, names in imported_modules(package).items():
        apps = {n.split(".")[1] for n in names if n.startswith("startup_street.") and "." in n}
        assert apps <= BELOW_SEARCH, f"{path} imports {sorted(apps - BELOW_SEARCH)}"


def test_mentoring_uses_the_text_engine_not_search_internals():
    for path, names in imported_modules("mentoring").items():
        assert not {n for n in names if n.startswith("startup_street.search.embeddings")}, path
