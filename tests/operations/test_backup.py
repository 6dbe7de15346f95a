"""Backup and restore round trip, as an operator runs them: a site with the demo data and
uploaded files is backed up, destroyed, restored, and every table's rows and every file are
back. On SQLite always; on PostgreSQL (pg_dump / pg_restore) when DATABASE_URL names one."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

from .production import production_env, street
from .test_scale_out_postgres import database, psycopg  # noqa: F401 - the PostgreSQL fixture

FILES = {
    "private/attachments/2026/12/pitch-deck.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 40,
    "private/attachments/2026/12/이력서.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 5000,
    "media/logos/robowave.png": b"\x89PNG\r\n\x1a\n" + b"\x01" * 300,
}


def _seed(env, tmp_path):
    assert street("migrate", "--no-input", env=env).returncode == 0
    loaded = street("load_demo", "--programs", "8", "--startups", "3", env=env)
    assert loaded.returncode == 0, loaded.stderr
    data = tmp_path / "var"
    for name, content in FILES.items():
        folder, rest = name.split("/", 1)
        path = data / folder / rest
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def _files(tmp_path) -> dict[str, str]:
    data = tmp_path / "var"
    return {
        p.relative_to(data).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in ("private", "media")
        for p in (data / folder).rglob("*")
        if p.is_file()
    }


def _sqlite_rows(path: Path) -> dict[str, list]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}


def _round_trip(env, tmp_path, rows, destroy):
    _seed(env, tmp_path)
    before_rows, before_files = rows(), _files(tmp_path)
    assert sum(map(len, before_rows.values())) > 500
    assert set(FILES) <= set(before_files)

    made = street("backup", "--output", str(tmp_path / "backups"), env=env)
    assert made.returncode == 0, made.stderr
    archive = Path(made.stdout.strip())
    assert archive.is_file() and archive.parent == tmp_path / "backups"

    destroy()
    shutil.rmtree(tmp_path / "var" / "private")
    shutil.rmtree(tmp_path / "var" / "media")

    restored = street("restore", str(archive), "--no-input", env=env)
    assert restored.returncode == 0, restored.stderr
    assert "all checked" in restored.stdout
    assert rows() == before_rows
    assert _files(tmp_path) == before_files
    assert street("health", env=env).returncode == 0


def test_sqlite_backup_destroy_restore_finds_every_row_and_file(tmp_path):
    env = production_env(tmp_path)
    live = tmp_path / "var" / "startup-street.sqlite3"

    def destroy():
        for path in live.parent.glob("startup-street.sqlite3*"):
            path.unlink()

    _round_trip(env, tmp_path, lambda: _sqlite_rows(live), destroy)


def test_postgresql_backup_destroy_restore_finds_every_row_and_file(database, tmp_path):  # noqa: F811
    url, params = database
    env = production_env(tmp_path, DATABASE_URL=url)

    def rows():
        with psycopg.connect(**params) as conn:
            tables = [
                r[0]
                for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ]
            return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}

    def destroy():
        with psycopg.connect(**params, autocommit=True) as conn:
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")

    _round_trip(env, tmp_path, rows, destroy)


def test_restore_refuses_a_tampered_archive_and_changes_nothing(tmp_path):
    env = production_env(tmp_path)
    assert street("migrate", "--no-input", env=env).returncode == 0
    archive = Path(street("backup", "--output", str(tmp_path), env=env).stdout.strip())
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(archive.read_bytes()[:-200])
    result = street("restore", str(broken), "--no-input", env=env)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "cannot be read" in result.stderr
    assert street("health", env=env).returncode == 0  # the live database is untouched
    not_ours = tmp_path / "other.tar.gz"
    shutil.make_archive(str(tmp_path / "other"), "gztar", tmp_path / "var")
    result = street("restore", str(not_ours), "--no-input", env=env)
    assert result.returncode != 0
    assert "not a Startup Street backup" in result.stderr
