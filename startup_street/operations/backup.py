"""Backups: the database (SQLite's online backup of the live file, or PostgreSQL's pg_dump), the
uploaded files (private attachments and public media) and a manifest, in one .tar.gz.

The manifest lists every table's row count and every file's size and SHA-256; ``restore``
checks the archive against it before touching anything, puts the database and the files back,
and counts again. A backup is taken while the site runs; a restore wants it stopped (the web
servers and workers), since it replaces the database under them.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

FORMAT = 1
MANIFEST = "manifest.json"
FOLDERS = {"private": "PRIVATE_MEDIA_ROOT", "media": "MEDIA_ROOT"}


class BackupError(Exception):
    pass


def _database() -> dict:
    return settings.DATABASES[DEFAULT_DB_ALIAS]


def _is_sqlite() -> bool:
    return _database()["ENGINE"].endswith("sqlite3")


def table_counts() -> dict[str, int]:
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        names = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for name in names:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(name)}")  # noqa: S608
            counts[name] = cursor.fetchone()[0]
    return counts


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def _files() -> dict[str, Path]:
    """Archive name -> path of every uploaded file."""
    found = {}
    for folder, setting in FOLDERS.items():
        root = Path(getattr(settings, setting))
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                found[f"{folder}/{path.relative_to(root).as_posix()}"] = path
    return found


def _pg_args() -> tuple[list[str], dict]:
    db = _database()
    args = ["--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ, **({"PGPASSWORD": db["PASSWORD"]} if db.get("PASSWORD") else {})}
    return args, env


def _dump_database(target: Path) -> str:
    if _is_sqlite():
        name = "database.sqlite3"
        source = sqlite3.connect(_database()["NAME"])
        copy = sqlite3.connect(target / name)
        try:
            with copy:
                source.backup(copy)  # a consistent copy while the site writes
        finally:
            copy.close()
            source.close()
        return name
    name = "database.dump"
    args, env = _pg_args()
    command = ["pg_dump", "--format=custom", "--no-owner", *args, "--file", str(target / name)]
    _run([*command, _database()["NAME"]], env)
    return name


def _run(command: list[str], env: dict) -> None:
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL's client tools)") from error
    if done.returncode:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()}")


def create_backup(*, destination: Path) -> Path:
    """Write ``startup-street-<UTC time>.tar.gz`` into the folder ``destination``."""
    destination.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC)
    archive = destination / f"startup-street-{stamp:%Y%m%dT%H%M%S%fZ}.tar.gz"
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        database_file = _dump_database(scratch)
        files = _files()
        manifest = {
            "format": FORMAT,
            "created_at": stamp.isoformat(),
            "engine": "sqlite" if _is_sqlite() else "postgresql",
            "database_file": database_file,
            "database_sha256": _digest(scratch / database_file),
            "tables": table_counts(),
            "files": {
                name: {"size": p.stat().st_size, "sha256": _digest(p)} for name, p in files.items()
            },
        }
        (scratch / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(scratch / MANIFEST, MANIFEST)
            tar.add(scratch / database_file, database_file)
            for name, path in files.items():
                tar.add(path, name)
        partial.rename(archive)
    return archive


UNREADABLE = (tarfile.TarError, EOFError, OSError, zlib.error, ValueError)


def read_manifest(archive: Path) -> dict:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            return json.load(tar.extractfile(MANIFEST))
    except KeyError:
        raise BackupError(f"{archive} has no {MANIFEST}: not a Startup Street backup") from None
    except UNREADABLE as error:
        raise BackupError(f"{archive} cannot be read: {error}") from error


def restore_backup(*, archive: Path) -> dict:
    """Put the archive's database and files back; returns the manifest once every table's row
    count and every file's checksum match it."""
    manifest = read_manifest(archive)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    engine = "sqlite" if _is_sqlite() else "postgresql"
    if manifest["engine"] != engine:
        raise BackupError(f"a {manifest['engine']} backup cannot be restored into {engine}")
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                tar.extractall(scratch, filter="data")
        except UNREADABLE as error:
            raise BackupError(f"{archive} cannot be read: {error}") from error
        _verify_archive(scratch, manifest)
        connections.close_all()
        _load_database(scratch / manifest["database_file"])
        for folder, setting in FOLDERS.items():
            root = Path(getattr(settings, setting))
            if root.exists():
                shutil.rmtree(root)
            if (scratch / folder).is_dir():
                shutil.copytree(scratch / folder, root)
            else:
                root.mkdir(parents=True, exist_ok=True)
    # The shared search view's files describe the database replaced: built again on demand.
    shutil.rmtree(settings.SEARCH_VIEW_DIR, ignore_errors=True)
    _verify_restored(manifest)
    return manifest


def _verify_archive(scratch: Path, manifest: dict) -> None:
    if _digest(scratch / manifest["database_file"]) != manifest["database_sha256"]:
        raise BackupError("the database in the archive does not match its manifest")
    for name, entry in manifest["files"].items():
        path = scratch / name
        if not path.is_file() or _digest(path) != entry["sha256"]:
            raise BackupError(f"{name} is missing or changed in the archive")


def _load_database(path: Path) -> None:
    if _is_sqlite():
        source = sqlite3.connect(path)
        live = sqlite3.connect(_database()["NAME"])
        try:
            with live:
                source.backup(live)  # replaces every page of the live database
        finally:
            live.close()
            source.close()
        return
    args, env = _pg_args()
    command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
    _run([*command, *args, "--dbname", _database()["NAME"], str(path)], env)


def _verify_restored(manifest: dict) -> None:
    counts = table_counts()
    wrong = {t: (n, counts.get(t)) for t, n in manifest["tables"].items() if counts.get(t) != n}
    if wrong:
        raise BackupError(f"row counts differ after restore (table: expected, found): {wrong}")
    files = _files()
    for name, entry in manifest["files"].items():
        if name not in files or _digest(files[name]) != entry["sha256"]:
            raise BackupError(f"{name} did not come back")


def backup_nightly() -> Path:
    """A backup into BACKUP_DIR, keeping the newest BACKUP_KEEP."""
    folder = Path(settings.BACKUP_DIR)
    archive = create_backup(destination=folder)
    for old in sorted(folder.glob("startup-street-*.tar.gz"))[: -settings.BACKUP_KEEP]:
        old.unlink()
    return archive
