"""The templates stay readable (no line over the formatter's limit) and every one compiles."""

import tomllib
from pathlib import Path

import pytest
from django.template.loader import get_template

import startup_street

PACKAGE = Path(startup_street.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"


def line_limit():
    """The djLint `max_line_length` in pyproject.toml: the formatter and this test share it."""
    return tomllib.loads(PYPROJECT.read_text())["tool"]["djlint"]["max_line_length"]


def templates():
    """Every page, fragment and e-mail template in the package, as (name, path)."""
    found = []
    for root in sorted(PACKAGE.glob("**/templates")):
        for path in sorted(root.rglob("*")):
            if path.suffix in {".html", ".txt"} and path.is_file():
                found.append((path.relative_to(root).as_posix(), path))
    return found


def long_lines(path, limit):
    """(line number, length) of each line of `path` longer than `limit` characters."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(number, len(line)) for number, line in enumerate(lines, 1) if len(line) > limit]


def test_the_limit_is_the_formatters():
    assert line_limit() == 160


def test_templates_are_found():
    names = {name for name, _ in templates()}
    expected = {"base.html", "accounts/email/verify_email.txt", "core/widgets/translated_text.html"}
    assert expected <= names


def test_long_lines_are_found(tmp_path):
    sample = tmp_path / "sample.html"
    text = "<p>short</p>\n" + "<p>" + "x" * 160 + "</p>\n" + "y" * 160 + "\n"
    sample.write_text(text, encoding="utf-8")
    assert long_lines(sample, 160) == [(2, 167)]


def test_no_template_line_is_over_the_limit():
    limit = line_limit()
    over = [
        f"{path.relative_to(PACKAGE)}:{number} ({length} characters)"
        for _, path in templates()
        for number, length in long_lines(path, limit)
    ]
    assert not over, f"template lines over {limit} characters:\n" + "\n".join(over)


@pytest.mark.parametrize("name", sorted({name for name, _ in templates()}))
def test_template_compiles(name):
    assert get_template(name) is not None
