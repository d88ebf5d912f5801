"""The SQLite store: safe opening, permissions, migrations, and config → database sync."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sqlite3
import stat
from pathlib import Path

import pytest
import sqlite_utils

from catalyst_tui.config import load_config, parse_config
from catalyst_tui.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Store,
    StoreError,
    describe_sqlite_error,
)

from .conftest import BUNDLED_CONFIG

T0 = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)
T1 = T0 + dt.timedelta(hours=1)


def _dump(path: Path) -> list[tuple]:
    """Every row of every table, to compare database states exactly."""
    conn = sqlite3.connect(path)
    try:
        out = []
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]  # fmt: skip
        for table in tables:
            out.extend((table, *row) for row in conn.execute(f"SELECT * FROM [{table}] ORDER BY 1"))
        return out
    finally:
        conn.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "catalyst.db"


def test_new_database_is_private_wal_with_foreign_keys(db_path: Path):
    with Store.open(db_path) as store:
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert store.schema_version == SCHEMA_VERSION
        store.sync_config(load_config(BUNDLED_CONFIG))
        for suffix in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                assert stat.S_IMODE(side.stat().st_mode) == 0o600, suffix
        with pytest.raises(sqlite3.IntegrityError), store.transaction() as db:
            db["lots"].insert({"symbol": "NOPE", "seq": 0, "shares": 1, "cost": 1})


def test_sync_of_the_bundled_thesis_is_idempotent(db_path: Path):
    config = load_config(BUNDLED_CONFIG)
    with Store.open(db_path) as store:
        first = store.sync_config(config, now=T0)
        assert first.tickers_added == len(config.tickers)
        assert first.checkpoints_added == sum(len(t.checkpoints) for t in config.tickers.values())
    before = _dump(db_path)
    with Store.open(db_path) as store:
        second = store.sync_config(config, now=T1)
        changes = store.conn.total_changes
    assert not second.changed
    assert changes == 0
    assert _dump(db_path) == before


THESIS = """
[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.lots]]
shares = 40
cost = 118.5
[[tickers.ALAB.checkpoints]]
id = "gm"
title = "Gross margin holds"
kind = "guard"
when = "gross_margin >= 70%"
[[tickers.ALAB.checkpoints]]
id = "npo"
title = "NPO ships"
kind = "milestone"
due = 2027-12-31
[tickers.CRDO]
name = "Credo"
"""


def _record_miss(store: Store, symbol: str, checkpoint_id: str) -> None:
    with store.transaction() as db:
        db.execute(
            "UPDATE checkpoints SET status = 'missed' WHERE symbol = ? AND id = ?",
            [symbol, checkpoint_id],
        )
        db["events"].insert({
            "ts": T0.isoformat(), "symbol": symbol, "checkpoint_id": checkpoint_id,
            "from_status": "pending", "to_status": "missed", "value": 0.62,
            "threshold": "gross_margin >= 70%", "reason": "62% < 70%", "flagged": 1,
        })  # fmt: skip


def test_removed_checkpoint_is_archived_with_its_history_and_restored_when_back(db_path: Path):
    with Store.open(db_path) as store:
        store.sync_config(parse_config(THESIS), now=T0)
        _record_miss(store, "ALAB", "gm")

        without_gm = THESIS.replace('id = "gm"', 'id = "gm-renamed"')
        report = store.sync_config(parse_config(without_gm), now=T1)
        assert report.checkpoints_archived == 1 and report.checkpoints_added == 1
        gm = store.db["checkpoints"].get(("ALAB", "gm"))
        assert gm["archived"] == 1 and gm["archived_at"] == T1.isoformat()
        assert gm["status"] == "missed"  # history kept as it was
        events = list(store.db.query("SELECT * FROM events WHERE checkpoint_id = 'gm'"))
        assert len(events) == 1 and events[0]["reason"] == "62% < 70%"
        assert [c["id"] for c in store.checkpoint_rows("ALAB")] == ["gm-renamed", "npo"]

        report = store.sync_config(parse_config(THESIS), now=T1)
        assert report.checkpoints_updated == 1 and report.checkpoints_archived == 1
        gm = store.db["checkpoints"].get(("ALAB", "gm"))
        assert gm["archived"] == 0 and gm["status"] == "missed"


def test_removed_ticker_is_archived_not_deleted(db_path: Path):
    with Store.open(db_path) as store:
        store.sync_config(parse_config(THESIS), now=T0)
        _record_miss(store, "ALAB", "gm")
        only_crdo = '[tickers.CRDO]\nname = "Credo"\n'
        report = store.sync_config(parse_config(only_crdo), now=T1)
        assert report.tickers_archived == 1 and report.checkpoints_archived == 2
        assert [r["symbol"] for r in store.watch_rows()] == ["CRDO"]
        assert store.db["tickers"].get("ALAB")["archived"] == 1
        assert store.db["lots"].count == 1
        assert store.db["events"].count == 1


def test_edited_fields_update_in_place_and_keep_status(db_path: Path):
    with Store.open(db_path) as store:
        store.sync_config(parse_config(THESIS), now=T0)
        _record_miss(store, "ALAB", "gm")
        edited = THESIS.replace(">= 70%", ">= 72%").replace("shares = 40", "shares = 50")
        report = store.sync_config(parse_config(edited), now=T1)
        assert report.checkpoints_updated == 1 and report.lots_replaced == 1
        gm = store.db["checkpoints"].get(("ALAB", "gm"))
        assert gm["condition"] == "gross_margin >= 72%" and gm["status"] == "missed"
        assert [r["shares"] for r in store.db["lots"].rows] == [50]


def test_watch_rows_count_checkpoints_flags_and_position_in_file_order(db_path: Path):
    with Store.open(db_path) as store:
        store.sync_config(parse_config(THESIS), now=T0)
        _record_miss(store, "ALAB", "gm")
        rows = store.watch_rows()
        store.acknowledge(None, T1)
        after_ack = store.watch_rows()[0]["flagged"]
    counts = [(r["symbol"], r["met"], r["missed"], r["pending"], r["flagged"]) for r in rows]
    assert counts == [("ALAB", 0, 1, 1, 1), ("CRDO", 0, 0, 0, 0)]
    assert (rows[0]["shares"], rows[0]["basis"]) == (40, 40 * 118.5)
    assert rows[1]["shares"] is None and rows[0]["price"] is None
    assert after_ack == 0


def test_migration_from_schema_1_keeps_the_data(db_path: Path):
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    MIGRATIONS[0](db)
    conn.execute("PRAGMA user_version = 1")
    db["tickers"].insert({"symbol": "ALAB", "name": "Astera Labs", "grp": "interconnect"})
    db["checkpoints"].insert(
        {
            "symbol": "ALAB",
            "id": "npo",
            "title": "NPO ships",
            "kind": "milestone",
            "status": "met",
            "status_since": "x",
        }
    )
    conn.close()

    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION == 3
        assert "position" in store.db["tickers"].columns_dict
        assert store.db["earnings"].exists()
        assert store.db["checkpoints"].get(("ALAB", "npo"))["status"] == "met"
        assert store.watch_rows()[0]["met"] == 1


def test_database_from_a_newer_version_is_refused(db_path: Path):
    with Store.open(db_path) as store:
        store.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer catalyst"):
        Store.open(db_path)


def test_corrupt_file_is_named_in_the_error(tmp_path: Path):
    bad = tmp_path / "catalyst.db"
    bad.write_bytes(b"this is not a database, just text " * 200)
    with pytest.raises(StoreError) as info:
        Store.open(bad)
    assert str(bad) in str(info.value) and "not a SQLite database" in str(info.value)
    assert bad.read_bytes().startswith(b"this is not a database")  # left as it was


def test_directory_and_uncreatable_paths_are_named(tmp_path: Path):
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot be created"):
        Store.open(blocker / "sub" / "catalyst.db")


def _hold_write_lock(path: str, ready, release) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    ready.set()
    release.wait(30)
    conn.execute("ROLLBACK")
    conn.close()


def test_locked_database_is_reported_after_the_busy_timeout(db_path: Path):
    Store.open(db_path).close()
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_write_lock, args=(str(db_path), ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        with (
            Store.open(db_path, busy_timeout_ms=300) as store,
            pytest.raises(sqlite3.OperationalError) as info,
        ):
            store.sync_config(parse_config(THESIS))
        message = describe_sqlite_error(db_path, info.value)
        assert str(db_path) in message and "locked by another process" in message
    finally:
        release.set()
        holder.join(30)
