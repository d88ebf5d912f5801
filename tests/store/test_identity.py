"""Whose database a file is: catalyst marks its own (PRAGMA application_id), opens an empty file
and a database of the first release (marking it), and refuses another application's database
with the file's bytes unchanged and nothing created next to it."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.store import Store, StoreError, identity, schema
from catalyst_tui.store.identity import APPLICATION_ID

from ..conftest import BUNDLED_CONFIG

SIDE_FILES = ("-wal", "-shm", "-journal")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    return [s for s in SIDE_FILES if path.with_name(path.name + s).exists()]


def pragma(path: Path, name: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"PRAGMA {name}").fetchone()[0])
    finally:
        conn.close()


def foreign(path: Path, *, wal: bool = False, application_id: int = 0) -> Path:
    """Another application's database: its own table and rows, its own settings."""
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.executemany("INSERT INTO moz_places (url) VALUES (?)", [("https://example.com",)] * 50)
    conn.execute(f"PRAGMA application_id = {application_id}")
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()  # the last connection: the WAL is checkpointed and removed
    assert side_files(path) == []
    return path


def first_release(path: Path, *, upto: int = schema.SCHEMA_VERSION) -> Path:
    """A database as a catalyst without the mark made it: the migrations up to `upto`, no
    application_id, a ticker in it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    for step in schema.MIGRATIONS[:upto]:
        conn.execute("BEGIN IMMEDIATE")
        step.apply(conn)
        conn.execute(f"PRAGMA user_version = {schema.schema_version(conn) + 1}")
        conn.execute("COMMIT")
    conn.execute("INSERT INTO tickers (symbol, name, grp) VALUES ('ALAB', 'Astera Labs', 'x')")
    conn.close()
    assert pragma(path, "application_id") == 0
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: foreign(p), "holds another application's tables (moz_places)"),
        (lambda p: foreign(p, wal=True), "holds another application's tables (moz_places)"),
        (lambda p: foreign(p, application_id=0x0F055112), "its application_id is 0x0F055112"),
    ],
    ids=["tables", "tables-in-wal-mode", "marked-by-another"],
)
def test_another_applications_database_is_refused_untouched(tmp_path, make, message):
    path = make(tmp_path / "places.sqlite")
    before, mode = digest(path), path.stat().st_mode
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(info.value).startswith(f"database {path}: ")
    assert message in str(info.value) and "untouched" in str(info.value)
    assert digest(path) == before and path.stat().st_mode == mode
    assert side_files(path) == []  # no -wal, -shm or journal was made


def test_a_new_or_empty_file_becomes_a_marked_catalyst_database(tmp_path):
    for path in (tmp_path / "new.db", tmp_path / "empty.db"):
        if path.name == "empty.db":
            path.touch()
        with Store.open(path) as store:
            assert store.schema_version == schema.SCHEMA_VERSION
        assert pragma(path, "application_id") == APPLICATION_ID
    with Store.open(tmp_path / "new.db"):  # and is opened again
        pass


def test_an_empty_sqlite_database_is_used(tmp_path):
    path = tmp_path / "blank.db"
    conn = sqlite3.connect(path)
    conn.execute("VACUUM")  # a valid database file with no table
    conn.close()
    assert path.stat().st_size > 0
    with Store.open(path):
        pass
    assert pragma(path, "application_id") == APPLICATION_ID


@pytest.mark.parametrize("upto", [1, schema.SCHEMA_VERSION])
def test_a_database_of_the_first_release_is_opened_upgraded_and_marked(tmp_path, upto):
    path = first_release(tmp_path / "old.db", upto=upto)
    with Store.open(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        ticker = store.views.ticker("ALAB")  # what it held is kept
        assert ticker is not None and ticker.name == "Astera Labs"
    assert pragma(path, "application_id") == APPLICATION_ID


def test_the_cli_refuses_a_foreign_database_with_exit_2_and_its_bytes_unchanged(tmp_path):
    path = foreign(tmp_path / "places.sqlite")
    before = digest(path)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            "check",
            "--config",
            str(BUNDLED_CONFIG),
            "--db",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**os.environ},
    )
    assert done.returncode == 2
    assert f"catalyst: database {path}: is not a catalyst database" in done.stderr
    assert "Traceback" not in done.stderr
    assert digest(path) == before and side_files(path) == []


# SQLite's unix locks: a reader holds a read lock on these bytes of the database file.
SHARED_FIRST, SHARED_SIZE = 0x40000000 + 2, 510
PROBE = f"""
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
try:
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, {SHARED_SIZE}, {SHARED_FIRST}, os.SEEK_SET)
except OSError:
    print("held")
else:
    print("free")
"""


def shared_lock(path: Path) -> str:
    """Whether a process holds SQLite's shared lock on the file, asked from another process."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return done.stdout.strip()


def test_a_second_store_in_the_process_leaves_the_first_ones_locks_alone(tmp_path):
    """Looking at a file outside SQLite opens and closes it, and closing any descriptor drops
    every POSIX lock the process holds on the file: a Store already open in the process (the
    scheduler and the workspace open a second one) would lose its locks, and another process
    could checkpoint and delete the WAL under it. Only the first Store of a file looks."""
    path = tmp_path / "c.db"
    with Store.open(path) as first:
        first.conn.execute("BEGIN")
        first.conn.execute("SELECT count(*) FROM tickers").fetchone()  # a read: a shared lock
        assert shared_lock(path) == "held"
        for _ in range(3):
            with Store.open(path):
                pass
        assert shared_lock(path) == "held"
        first.conn.execute("COMMIT")
    assert shared_lock(path) == "free"
    with Store.open(path):  # the last one closed: the next first Store looks again
        pass


def create_as_catalyst(conn: sqlite3.Connection) -> None:
    """What a catalyst process creating the database commits first: its mark, the first tables
    and version 1, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    schema.MIGRATIONS[0].apply(conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("COMMIT")


def look_while_created(path: Path, before: int) -> list[str]:
    """Look at the new database at `path` (identity.check_connection) while another process
    creates it, its commit landing just before the look's statement number `before` (from 1);
    the statements the look ran."""
    creator = sqlite3.connect(path, isolation_level=None)
    creator.execute("PRAGMA journal_mode = WAL")  # as Store.open switches before creating
    looker = sqlite3.connect(path, isolation_level=None)
    statements: list[str] = []

    def step(statement: str) -> None:
        statements.append(statement)
        if len(statements) == before:
            create_as_catalyst(creator)

    looker.set_trace_callback(step)
    try:
        identity.check_connection(looker)
    finally:
        looker.close()
        creator.close()
    return statements


def test_a_database_another_process_creates_while_it_is_looked_at_is_not_refused(tmp_path):
    """Two processes open a new database at once: one creates it while the other looks at it.
    Whichever of the look's statements the creation's commit lands before, the look reads the
    mark, the version and the tables of one moment (empty, or catalyst's), never the tables
    without the mark and version 0 (another application's tables)."""
    count = len(look_while_created(tmp_path / "alone.db", before=0))  # no one creates it
    for before in range(1, count + 1):
        path = tmp_path / f"created-before-statement-{before}.db"
        statements = look_while_created(path, before)  # not refused: ForeignDatabase
        assert len(statements) >= before and pragma(path, "user_version") == 1  # created meanwhile
