"""The deployment recipes (deploy/: Dockerfile, compose file, systemd units) run exactly the
tested production commands: every `startup-street` command they run exists and accepts its
flags, and every environment variable they set is one the settings read. Images cannot be
built here, so this is what is checked."""

import json
import re
import shlex
from pathlib import Path

import pytest
from django.core.management import CommandError, get_commands, load_command_class

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _after_script(tokens: list[str]) -> list[list[str]]:
    """Each `startup-street ...` command in a token list, up to a shell separator."""
    found = []
    for i, token in enumerate(tokens):
        if token == "startup-street" or token.endswith("/bin/startup-street"):
            args = []
            for arg in tokens[i + 1 :]:
                if arg in {"&&", ";", "||", "|"}:
                    break
                args.append(arg)
            found.append(args)
    return found


def dockerfile_commands() -> list[list[str]]:
    text = (DEPLOY / "Dockerfile").read_text().replace("\\\n", " ")
    commands = []
    for line in text.splitlines():
        match = re.match(r"\s*(RUN|CMD|ENTRYPOINT|HEALTHCHECK)\b(.*)", line)
        if not match:
            continue
        body = match.group(2).strip()
        if "[" in body:  # exec form: a JSON array
            commands += _after_script(json.loads(body[body.index("[") :]))
        else:
            commands += _after_script(shlex.split(re.sub(r"\b\w+=\S+\s", "", body)))
    return commands


def compose_commands() -> list[list[str]]:
    commands = []
    for line in (DEPLOY / "compose.yaml").read_text().splitlines():
        match = re.match(r"\s*(command|test):\s*(\[.*\])\s*$", line)
        if match:
            commands += _after_script(json.loads(match.group(2)))
    return commands


def systemd_commands() -> list[list[str]]:
    commands = []
    for unit in sorted((DEPLOY / "systemd").glob("*.service")):
        for line in unit.read_text().splitlines():
            if re.match(r"Exec\w+=", line):
                commands += _after_script(shlex.split(line.split("=", 1)[1]))
    return commands


RECIPES = {
    "Dockerfile": dockerfile_commands,
    "compose": compose_commands,
    "systemd": systemd_commands,
}


@pytest.mark.parametrize("recipe", sorted(RECIPES))
def test_every_command_a_recipe_runs_exists_and_accepts_its_flags(recipe, settings):
    settings.TASKS = DATABASE_QUEUE  # the worker's own check: it runs the database queue
    commands = RECIPES[recipe]()
    assert commands, f"no startup-street command found in the {recipe} recipe"
    known = get_commands()
    for args in commands:
        name, *flags = args
        assert name in known, f"{recipe}: unknown command {name!r}"
        command = load_command_class(known[name], name)
        parser = command.create_parser("startup-street", name)
        parser.parse_args(flags)  # raises on an unknown flag or a bad value


def test_the_recipes_run_the_production_server_worker_migrations_and_health():
    names = {recipe: {args[0] for args in read()} for recipe, read in RECIPES.items()}
    assert {"serve", "migrate", "health"} <= names["Dockerfile"] | names["compose"]
    assert {"serve", "worker", "migrate", "health"} <= names["compose"]
    assert {"serve", "worker", "migrate"} <= names["systemd"]


def test_a_bad_flag_is_caught_by_this_check(settings):
    command = load_command_class(get_commands()["serve"], "serve")
    parser = command.create_parser("startup-street", "serve")
    with pytest.raises(CommandError, match="unrecognized arguments: --wokers"):
        parser.parse_args(["--wokers", "2"])
    with pytest.raises(CommandError, match="--workers"):
        parser.parse_args(["--workers", "0"])


def _settings_read() -> set[str]:
    sources = [
        ROOT / "startup_street" / "settings.py",
        *(ROOT / "startup_street" / "operations").rglob("*.py"),
    ]
    names = set()
    for source in sources:
        names |= set(re.findall(r"environ(?:\.get)?\(\s*\"([A-Z_]+)\"", source.read_text()))
        names |= set(re.findall(r"env_(?:bool|list)\(\s*\"([A-Z_]+)\"", source.read_text()))
    return names


def test_every_variable_the_recipes_set_is_read():
    read = _settings_read() | {"PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED"}
    given = set()
    env_file = (DEPLOY / "startup-street.env.example").read_text()
    given |= set(re.findall(r"^([A-Z_]+)=", env_file, re.M))
    for unit in (DEPLOY / "systemd").glob("*.service"):
        given |= set(re.findall(r"^Environment=([A-Z_]+)=", unit.read_text(), re.M))
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    given |= set(re.findall(r"^\s*(?:ENV )?([A-Z_]+)=\S+ *\\?$", dockerfile, re.M))
    compose = (DEPLOY / "compose.yaml").read_text()
    app = compose.split("services:")[0]
    given |= set(re.findall(r"^\s{4}([A-Z_]+):", app, re.M))
    assert {"SECRET_KEY", "DATABASE_URL", "TASKS_BACKEND", "STATIC_ROOT"} <= given
    assert given - read == set(), f"set by a recipe, read by nothing: {given - read}"
