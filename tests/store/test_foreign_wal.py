"""A write-ahead log beside the database that is not its own: SQLite replays any `-wal` it finds,
and the first checkpoint copied another application's pages into catalyst's database (the
188 KB database became the other's 8 KB one, while `check` said it had left it untouched). Now
catalyst refuses, names the file, and leaves both byte for byte; its own log, left by a process
killed mid-run or kept by one still running, is replayed as ever."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.store import Store, StoreError

from ..conftest import BUNDLED_CONFIG


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def catalyst_db(path: Path) -> Path:
    """A catalyst database with the bundled thesis in it (closed: no -wal left)."""
    with Store.open(path) as store:
        store.sync.apply(load_config(BUNDLED_CONFIG))
    assert not Path(f"{path}-wal").exists() and path.stat().st_size > 100_000
    return path


def foreign_wal(folder: Path, *, page_size: int = 4096) -> Path:
    """Another application's WAL, as it stands while that application runs: its table made and
    rows written, not yet checkpointed."""
    folder.mkdir()
    other = folder / "places.sqlite"
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute(f"PRAGMA page_size = {page_size}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.executemany("INSERT INTO moz_places (url) VALUES (?)", [("https://example.com",)] * 9)
    kept = folder / "kept-wal"
    shutil.copyfile(f"{other}-wal", kept)
    conn.close()
    return kept


def run_check(db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            "check",
            "--config",
            str(BUNDLED_CONFIG),
            "--db",
            str(db),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=db.parent,
        env={**os.environ},
    )


def test_another_applications_wal_beside_the_database_is_refused_and_both_kept(tmp_path):
    db = catalyst_db(tmp_path / "catalyst.db")
    wal = Path(f"{db}-wal")
    shutil.copyfile(foreign_wal(tmp_path / "firefox"), wal)
    before = (digest(db), digest(wal))
    done = run_check(db)
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"catalyst: database {db}: catalyst.db-wal beside it is another database's" in (
        done.stderr
    )
    assert "left both untouched" in done.stderr and "Traceback" not in done.stderr
    assert (digest(db), digest(wal)) == before
    assert not Path(f"{db}-shm").exists()
    with pytest.raises(StoreError, match="catalyst.db-wal beside it is another database's"):
        Store.open(db)
    assert (digest(db), digest(wal)) == before


@pytest.mark.parametrize("what", ["junk", "page size"])
def test_a_wal_that_is_no_wal_or_of_another_page_size_is_refused(tmp_path, what):
    db = catalyst_db(tmp_path / "catalyst.db")
    wal = Path(f"{db}-wal")
    if what == "junk":
        wal.write_bytes(b"\x00not a write-ahead log at all\x00" * 64)
        why = "is not a SQLite write-ahead log"
    else:
        shutil.copyfile(foreign_wal(tmp_path / "other", page_size=1024), wal)
        why = "its pages are 1024 bytes, the database's 4096"
    before = (digest(db), digest(wal))
    with pytest.raises(StoreError, match=why):
        Store.open(db)
    assert (digest(db), digest(wal)) == before


def test_its_own_wal_left_by_a_killed_process_is_replayed(tmp_path):
    """A process killed before its checkpoint leaves committed transactions in the WAL only:
    the database and its WAL, as they were at that moment, open with those transactions."""
    db = catalyst_db(tmp_path / "live.db")
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE crash_probe (x TEXT)")  # the schema: a first page in the WAL
    conn.execute("INSERT INTO crash_probe VALUES ('committed before the kill')")
    conn.execute("UPDATE tickers SET name = 'renamed before the kill'")
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):  # the files as a kill -9 leaves them
        shutil.copyfile(f"{db}{suffix}", f"{crashed / 'catalyst.db'}{suffix}")
    conn.close()
    with Store.open(crashed / "catalyst.db") as store:
        assert store.conn.execute("SELECT x FROM crash_probe").fetchall() == [
            ("committed before the kill",)
        ]
        names = {n for (n,) in store.conn.execute("SELECT name FROM tickers")}
    assert names == {"renamed before the kill"}


def test_a_wal_another_process_is_writing_is_its_own(tmp_path):
    """The TUI (another process) has the database open and writes: check opens it alongside."""
    db = catalyst_db(tmp_path / "catalyst.db")
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        for i in range(50):
            writer.execute("UPDATE tickers SET name = ?", [f"name {i}"])
        assert Path(f"{db}-wal").stat().st_size > 0
        done = run_check(db)
        assert done.returncode in (0, 1), done.stderr
        assert "write-ahead log" not in done.stderr and "another database" not in done.stderr
    finally:
        writer.close()
