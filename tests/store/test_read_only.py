"""`Store.read_only`: a database read and never written (SQLite's mode=ro): its doors read as
the writer's do, a write fails in SQLite itself, the file's bytes stay as they were, an answer
made of many reads is of one moment while another connection writes, and a file that is missing,
empty, someone else's or of an earlier schema is refused in one sentence naming it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from catalyst_tui.store import Store, StoreError
from catalyst_tui.store.schema import SCHEMA_VERSION

from ..conftest import BUNDLED_CONFIG
from ..support.demo_data import demo_database


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    _config, store = demo_database(tmp_path, BUNDLED_CONFIG)
    store.close()
    return tmp_path / "demo.db"


def test_a_read_only_store_reads_what_the_writer_stored_and_writes_nothing(demo_db: Path):
    with Store.open(demo_db) as writer:
        written = writer.views.checkpoints()
    before = demo_db.read_bytes()
    with Store.read_only(demo_db) as store:
        assert store.views.checkpoints() == written
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.journal.add("ALAB", "a note", dt.datetime(2026, 11, 21, tzinfo=dt.UTC))
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.checkpoints.acknowledge(None, dt.datetime(2026, 11, 21, tzinfo=dt.UTC))
    assert demo_db.read_bytes() == before


def test_one_moment_sees_the_database_as_its_first_read_found_it(demo_db: Path):
    with Store.read_only(demo_db) as store, Store.open(demo_db) as writer:
        with store.one_moment():
            notes = store.journal.entries("ALAB", limit=-1)
            later = dt.datetime(2026, 11, 21, tzinfo=dt.UTC)
            writer.journal.add("ALAB", "written meanwhile", later)
            assert store.journal.entries("ALAB", limit=-1) == notes
        after = store.journal.entries("ALAB", limit=-1)
        assert [n.text for n in after] == ["written meanwhile", *(n.text for n in notes)]
        assert not store.conn.in_transaction


def test_a_missing_or_empty_file_is_refused_and_not_made(tmp_path: Path):
    missing = tmp_path / "none.db"
    with pytest.raises(StoreError, match=r"no database at .*none\.db: run `catalyst refresh`"):
        Store.read_only(missing)
    assert not missing.exists()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(StoreError, match=r"empty\.db: holds nothing yet"):
        Store.read_only(empty)
    assert empty.read_bytes() == b""


def test_another_applications_database_is_refused_untouched(tmp_path: Path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("PRAGMA application_id = 1234")
        conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="belongs to another application"):
        Store.read_only(other)
    assert other.read_bytes() == before


def test_an_earlier_schema_is_refused_not_migrated(demo_db: Path):
    with sqlite3.connect(demo_db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.close()
    before = demo_db.read_bytes()
    with pytest.raises(StoreError, match=r"earlier catalyst .* run `catalyst refresh` once"):
        Store.read_only(demo_db)
    assert demo_db.read_bytes() == before


def test_a_newer_schema_is_refused(demo_db: Path):
    with sqlite3.connect(demo_db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer catalyst"):
        Store.read_only(demo_db)
