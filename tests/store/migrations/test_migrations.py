"""The schema and its migrations: a database written by any earlier version opens with its data,
reasons recorded as sentences before they were kept in parts read back as those sentences, and so
do the sentences saying why a value was missing before that was a code."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.store import Store
from catalyst_tui.store.schema import (
    MIGRATIONS,
    REASON_PARTS,
    SCHEMA_VERSION,
    migrate,
    schema_version,
)
from catalyst_tui.thesis.evaluate import Reason, Why
from catalyst_tui.thesis.observation import Missing, MissingCode, Observation
from catalyst_tui.thesis.wording import reason_text


def _database_at(path: Path, version: int) -> sqlite3.Connection:
    """A database as version `version` of the schema left it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:version]:
        migration.apply(conn)
    conn.execute(f"PRAGMA user_version = {version}")
    return conn


def _columns(store: Store, table: str) -> list[str]:
    return [row[1] for row in store.conn.execute(f"PRAGMA table_info({table})")]


def test_every_migration_has_a_name_and_the_version_counts_them():
    assert len(MIGRATIONS) == SCHEMA_VERSION
    assert len({m.name for m in MIGRATIONS}) == len(MIGRATIONS)
    assert all(m.name and m.script.strip() for m in MIGRATIONS)


def test_a_new_database_has_every_table_and_the_reason_in_parts(db_path: Path):
    with Store.open(db_path) as store:
        tables = {
            r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        assert tables == {
            "tickers",
            "lots",
            "checkpoints",
            "quotes",
            "prices",
            "fundamentals",
            "events",
            "outbox",
            "earnings",
            "fetch_state",
            "sec_cik",
            "splits",
            "filings",
            "documents",
            "evidence",
            "fx_rates",
            "sells",
            "provider_sessions",
            "provider_health",
            "provider_requests",
            "intraday_charts",
            "intraday_bars",
            "releases",
            "release_figures",
            "release_guidance",
            "sparks",
            "meta",
            "release_places",
            "release_layouts",
            "dividends",
            "dividend_entries",
            "estimates",
            "estimate_surprises",
            "frozen_consensus",
            "segment_filings",
            "segment_members",
            "segment_figures",
            "verdicts",
            "verdict_events",
            "journal",
            "channel_deliveries",
            "goalposts",
            "kpis",
            "kpi_reads",
            "filed_values",
            "feed_releases",
        }
        parts = [name for name, _ in REASON_PARTS]
        assert set(parts) <= set(_columns(store, "events"))
        assert {f"last_{p}" for p in parts} <= set(_columns(store, "checkpoints"))
        assert "reason" not in _columns(store, "events")
        assert "last_reason" not in _columns(store, "checkpoints")


def test_migration_from_schema_1_keeps_the_data(db_path: Path):
    conn = _database_at(db_path, 1)
    conn.execute("INSERT INTO tickers (symbol, name, grp) VALUES ('ALAB', 'Astera Labs', 'ic')")
    conn.execute(
        "INSERT INTO checkpoints (symbol, id, title, kind, status, status_since)"
        " VALUES ('ALAB', 'npo', 'NPO ships', 'milestone', 'met', 'x')"
    )
    conn.close()
    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert "position" in _columns(store, "tickers")
        [row] = store.views.watch_rows()
        assert (row.symbol, row.met, row.earnings) == ("ALAB", 1, None)
        [checkpoint] = store.views.checkpoints("ALAB")
        assert checkpoint.status == "met" and checkpoint.reason == Reason(Why.NOTHING)


def test_reasons_recorded_as_sentences_read_back_as_those_sentences(db_path: Path):
    conn = _database_at(db_path, 3)
    conn.execute("INSERT INTO tickers (symbol, name, grp) VALUES ('ALAB', 'Astera Labs', 'ic')")
    sentence = "gross_margin 69.1% < 70% (quarter ended 2026-09-30, filed 2026-11-04)"
    conn.execute(
        "INSERT INTO checkpoints (symbol, id, title, kind, condition, status, status_since,"
        " last_value, last_reason) VALUES ('ALAB', 'gm', 'GM', 'guard', 'gross_margin >= 70%',"
        " 'missed', '2026-11-05T00:00:00+00:00', 0.691, ?)",
        [sentence],
    )
    conn.execute(
        "INSERT INTO events (ts, symbol, checkpoint_id, from_status, to_status, value, threshold,"
        " reason, flagged) VALUES ('2026-11-05T00:00:00+00:00', 'ALAB', 'gm', 'met', 'missed',"
        " 0.691, 'gross_margin >= 70%', ?, 1)",
        [sentence],
    )
    conn.close()
    with Store.open(db_path) as store:
        [checkpoint] = store.views.checkpoints("ALAB")
        [event] = store.views.events()
    today = dt.date(2026, 11, 22)
    assert checkpoint.reason.why == Why.RECORDED and checkpoint.value == 0.691
    assert reason_text(checkpoint.reason, checkpoint.condition, today) == sentence
    assert event.reason.why == Why.RECORDED and event.value == 0.691 and event.flagged
    assert reason_text(event.reason, event.condition, today) == sentence
    assert event.condition is not None and event.condition.text == "gross_margin >= 70%"


def test_why_a_value_was_missing_recorded_as_a_sentence_reads_back_as_that_sentence(
    db_path: Path,
):
    conn = _database_at(db_path, 8)
    conn.execute("INSERT INTO tickers (symbol, name, grp) VALUES ('ALAB', 'Astera Labs', 'ic')")
    sentence = "no quote yet for ALAB: run a refresh"
    rows = [  # (id, value, why, detail): a sentence, a mark's note, a value's note
        ("gm", None, "no_value", sentence),
        ("npo", None, "marked_met", "Q3 call"),
        ("weight", 0.0, "compared", "no lots of ALAB"),
    ]
    for ident, value, why, detail in rows:
        conn.execute(
            "INSERT INTO checkpoints (symbol, id, title, kind, status, status_since, last_value,"
            " last_why, last_detail) VALUES ('ALAB', ?, ?, 'guard', 'pending', 'x', ?, ?, ?)",
            [ident, ident, value, why, detail],
        )
    conn.execute(
        "INSERT INTO events (ts, symbol, checkpoint_id, from_status, to_status, why, detail)"
        " VALUES ('2026-11-05T00:00:00+00:00', 'ALAB', 'gm', 'met', 'pending', 'final', ?)",
        [sentence],
    )
    conn.close()
    with Store.open(db_path) as store:
        found = {c.id: c.reason for c in store.views.checkpoints("ALAB")}
        [event] = store.views.events()
        stored = store.conn.execute(
            "SELECT last_detail, last_missing FROM checkpoints WHERE id = 'gm'"
        ).fetchone()
    recorded = Observation(None, Missing(MissingCode.RECORDED, text=sentence))
    assert found["gm"] == Reason(Why.NO_VALUE, observed=recorded)
    assert stored == ("", "recorded")
    assert found["npo"] == Reason(Why.MARKED_MET, note="Q3 call")
    assert found["weight"] == Reason(
        Why.COMPARED, observed=Observation(0.0, note="no lots of ALAB")
    )
    assert event.reason == Reason(Why.FINAL, observed=recorded)
    today = dt.date(2026, 11, 22)
    assert reason_text(found["gm"], None, today) == sentence


def test_migration_to_evidence_keeps_the_outbox_and_its_sent_and_unsent_rows(db_path: Path):
    conn = _database_at(db_path, 5)
    conn.execute("INSERT INTO tickers (symbol, name, grp) VALUES ('ALAB', 'Astera Labs', 'ic')")
    conn.execute(
        "INSERT INTO checkpoints (symbol, id, title, kind, status, status_since)"
        " VALUES ('ALAB', 'npo', 'NPO ships', 'milestone', 'missed', 'x')"
    )
    for ident in (1, 2):
        conn.execute(
            "INSERT INTO events (id, ts, symbol, checkpoint_id, from_status, to_status, flagged)"
            " VALUES (?, '2026-11-05T00:00:00+00:00', 'ALAB', 'npo', 'pending', 'missed', 1)",
            [ident],
        )
    conn.execute(
        "INSERT INTO outbox (id, event_id, created_at, sent_at, channels, attempts)"
        " VALUES (7, 1, '2026-11-05T00:00:00+00:00', '2026-11-05T00:00:01+00:00',"
        " 'desktop', 1)"
    )
    conn.execute(
        "INSERT INTO outbox (id, event_id, created_at) VALUES (8, 2, '2026-11-05T00:00:00+00:00')"
    )
    conn.close()
    now = dt.datetime(2026, 11, 22, tzinfo=dt.UTC)
    with Store.open(db_path) as store:
        assert [(r.id, r.event_id, r.channels) for r in store.outbox.rows()] == [
            (7, 1, ("desktop",)),
            (8, 2, ()),
        ]
        [notice] = store.outbox.claim("me", now)  # the unsent one, still deliverable
        assert notice.outbox_id == 8 and notice.event is not None
        assert notice.event.checkpoint_id == "npo"
        [checkpoint] = store.views.checkpoints("ALAB")
        assert checkpoint.evidence == ()
        with pytest.raises(sqlite3.IntegrityError):  # a notice must say something
            store.conn.execute("INSERT INTO outbox (created_at) VALUES ('x')")


OPEN = (
    "import sys, time\nfrom pathlib import Path\nfrom catalyst_tui.store import Store\n"
    "go = Path(sys.argv[2])\nwhile not go.exists(): time.sleep(0.001)\n"
    "with Store.open(Path(sys.argv[1])) as store: print(store.schema_version)\n"
)


def test_processes_opening_an_old_database_together_migrate_it_once(db_path: Path):
    conn = _database_at(db_path, 2)
    conn.execute("INSERT INTO tickers (symbol, name, grp) VALUES ('ALAB', 'Astera Labs', 'ic')")
    conn.close()
    go = db_path.parent / "go"
    openers = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN, str(db_path), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    go.touch()
    results = [p.communicate(timeout=60) for p in openers]
    assert [(p.returncode, out.strip()) for p, (out, _) in zip(openers, results, strict=True)] == [
        (0, str(SCHEMA_VERSION))
    ] * 4, results
    with Store.open(db_path) as store:
        assert store.views.active_symbols() == ["ALAB"]


def test_migration_to_10_keeps_the_sparkline_closes_of_the_bars_already_stored(db_path: Path):
    conn = _database_at(db_path, 9)
    conn.execute("INSERT INTO tickers (symbol, name, grp) VALUES ('ALAB', 'Astera Labs', 'ic')")
    days = [dt.date(2026, 9, 1) + dt.timedelta(days=i) for i in range(60)]
    conn.executemany(
        "INSERT INTO prices (symbol, ts, close, source) VALUES ('ALAB', ?, ?, 'yahoo')",
        [(d.isoformat(), 100.0 + i) for i, d in enumerate(days)],
    )
    conn.close()
    with Store.open(db_path) as store:
        since = days[30]
        expected = [close for _, close in store.views.price_history("ALAB", since)]
        assert store.views.recent_closes(["ALAB"], since) == {"ALAB": expected}
        assert expected == [100.0 + i for i in range(30, 60)]


def test_steps_another_process_applies_meanwhile_are_applied_once(db_path: Path):
    """Migrating reads the version again once it holds the write lock: another process that
    takes the lock first and applies the next step (here before each of this one's steps) leaves
    that step applied once, and this one goes on from the version the other left."""
    conn = _database_at(db_path, 2)
    conn.execute("INSERT INTO tickers (symbol, name, grp) VALUES ('ALAB', 'Astera Labs', 'ic')")
    other = sqlite3.connect(db_path, isolation_level=None)
    by_other: list[int] = []
    by_this: list[int] = []

    def begin() -> None:
        version = schema_version(other)  # the other process wins the lock: it applies a step
        if version < SCHEMA_VERSION:
            other.execute("BEGIN IMMEDIATE")
            MIGRATIONS[version].apply(other)
            other.execute(f"PRAGMA user_version = {version + 1}")
            other.execute("COMMIT")
            by_other.append(version)
        conn.execute("BEGIN IMMEDIATE")
        by_this.append(schema_version(conn))  # the step this one applies, if any is left

    migrate(conn, begin)
    other.close()
    assert schema_version(conn) == SCHEMA_VERSION
    applied = sorted(by_other + [v for v in by_this if v < SCHEMA_VERSION])
    assert applied == list(range(2, SCHEMA_VERSION))  # each step once, the last one (KPIs) too
    assert conn.execute("SELECT symbol FROM tickers").fetchall() == [("ALAB",)]
    conn.close()
