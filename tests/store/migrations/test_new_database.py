"""A new database is given the schema as it stands in one step (store/schema.py): it must be the
database every migration, one after another, leaves, down to each column's type, default and
constraint, each index's columns and condition, and each foreign key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from catalyst_tui.store import Store
from catalyst_tui.store.schema import MIGRATIONS, SCHEMA_VERSION, schema_as_it_stands


def _stepped(path: Path) -> sqlite3.Connection:
    """A database taken through every migration, one after another, as an old one is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    for version, migration in enumerate(MIGRATIONS, start=1):
        conn.execute("BEGIN IMMEDIATE")
        migration.apply(conn)
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    return conn


def _described(conn: sqlite3.Connection) -> dict[str, object]:
    """Everything SQLite says of each table: its columns (type, not null, default, key, hidden),
    its indexes (unique, origin, partial, their columns and order), its foreign keys, and the
    statements it keeps; the tables' and indexes' names by kind."""
    out: dict[str, object] = {}
    master = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    out["master"] = master
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        out[f"{table} columns"] = conn.execute(f"PRAGMA table_xinfo({table})").fetchall()
        out[f"{table} keys"] = conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()
        indexes = sorted(conn.execute(f"PRAGMA index_list({table})").fetchall(), key=str)
        out[f"{table} indexes"] = [row[1:] for row in indexes]  # seq: the order of creation
        for index in indexes:
            out[f"{index[1]} of {table}"] = conn.execute(
                f"PRAGMA index_xinfo('{index[1]}')"
            ).fetchall()
    return out


def test_a_new_database_is_what_every_step_leaves(tmp_path: Path):
    stepped = _stepped(tmp_path / "stepped.db")
    with Store.open(tmp_path / "new.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        new = _described(store.conn)
    old = _described(stepped)
    stepped.close()
    tables = [key for key in old if key.endswith(" columns")]
    assert len(tables) >= 40  # the probe read every table
    master = old["master"]
    assert isinstance(master, list) and sum(row[0] == "index" for row in master) >= 20
    assert new == old


def test_the_schema_as_it_stands_makes_every_table_before_what_reads_it():
    statements = schema_as_it_stands()
    conn = sqlite3.connect(":memory:")
    for statement in statements:  # an index before its table would fail here
        conn.execute(statement)
    made = conn.execute("SELECT count(*) FROM sqlite_master WHERE sql IS NOT NULL").fetchone()
    assert made == (len(statements),)
