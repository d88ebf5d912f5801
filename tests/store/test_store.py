"""Store: opening safely (0600, WAL, foreign keys), refusing what it can't use with the file
named, transactions, and a lock held by another process reported as such."""

from __future__ import annotations

import multiprocessing
import re
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import catalyst_tui.store as store_package
from catalyst_tui.config import load_config, parse_config
from catalyst_tui.store import Store, StoreError, describe_sqlite_error
from catalyst_tui.store.schema import SCHEMA_VERSION

from ..conftest import BUNDLED_CONFIG
from .conftest import T0, THESIS


def test_new_database_is_private_wal_with_foreign_keys(db_path: Path):
    with Store.open(db_path) as store:
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert store.schema_version == SCHEMA_VERSION
        store.sync.apply(load_config(BUNDLED_CONFIG))
        for suffix in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                assert stat.S_IMODE(side.stat().st_mode) == 0o600, suffix
        with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:
            conn.execute("INSERT INTO lots (symbol, seq, shares, cost) VALUES ('NOPE', 0, 1, 1)")


def test_a_failed_transaction_leaves_nothing_and_a_nested_one_rolls_back_alone(store: Store):
    with pytest.raises(RuntimeError), store.transaction():
        store.checkpoints.mark("ALAB", "npo", "met", "", T0)
        raise RuntimeError("boom")
    assert [c.status for c in store.views.checkpoints("ALAB")] == ["pending", "pending"]
    with store.transaction():
        store.checkpoints.mark("ALAB", "npo", "met", "", T0)
        with pytest.raises(RuntimeError), store.transaction():
            store.checkpoints.mark("ALAB", "gm", "missed", "", T0)
            raise RuntimeError("inner")
    assert {c.id: c.status for c in store.views.checkpoints("ALAB")} == {
        "gm": "pending",
        "npo": "met",
    }


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


def test_sqlite_utils_is_imported_only_by_a_write_that_needs_it(db_path: Path):
    Store.open(db_path).close()
    script = (
        "import sys\nfrom pathlib import Path\nfrom catalyst_tui.config import parse_config\n"
        "from catalyst_tui.store import Store\n"
        f"store = Store.open(Path({str(db_path)!r}))\n"
        f"config = parse_config({THESIS!r})\n"
        "store.sync.apply(config)\nfirst = 'sqlite_utils' in sys.modules\n"
        "store.sync.apply(config)\nagain = 'sqlite_utils' in sys.modules\n"
        "print(first, again)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    # A sync writes its rows in SQL, the first one that inserts them too (store/sync.py).
    assert done.stdout.split() == ["False", "False"]
    script += "store.db\nprint('sqlite_utils' in sys.modules)\n"  # a write that needs it
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False", "True"]


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
            store.sync.apply(parse_config(THESIS))
        message = describe_sqlite_error(db_path, info.value)
        assert str(db_path) in message and "locked by another process" in message
    finally:
        release.set()
        holder.join(30)


def doors() -> dict[str, tuple[str, str]]:
    """Each door of the Store: {attribute: (module, class)}, as Store declares them."""
    found = {
        name: (door.module, door.name)
        for name, door in vars(Store).items()
        if isinstance(door, store_package._Door)
    }
    assert len(found) >= 17
    return found


def test_the_store_s_docstring_lists_every_door_with_its_module():
    listed = re.findall(
        r"^- `store\.(\w+)`.*?\((\w+)\.py\)$", store_package.__doc__ or "", re.M | re.S
    )
    assert [(name, f"{module}") for name, module in listed] == [
        (name, module) for name, (module, _) in doors().items()
    ]


def test_every_door_is_a_door_made_on_the_facade():
    """Each door subclasses store/door.py's `Door` and keeps its constructor: it is made on the
    Store as store/facade.py declares it, and never names the package that names it."""
    import importlib

    from catalyst_tui.store.door import Door

    for name, (module, kind) in doors().items():
        cls = getattr(importlib.import_module(f"catalyst_tui.store.{module}"), kind)
        assert issubclass(cls, Door), name
        assert all("__init__" not in vars(c) for c in cls.__mro__[: cls.__mro__.index(Door)]), name


def test_no_door_of_the_store_hands_out_untyped_rows():
    """Every public method of every job returns records or plain values: never Any, never a
    dict of columns (dicts keyed by symbol or kind, of records, are fine)."""
    import importlib
    import inspect

    members = [
        (cls.__name__, name, member)
        for module, kind in doors().values()
        for cls in [getattr(importlib.import_module(f"catalyst_tui.store.{module}"), kind)]
        for name, member in vars(cls).items()
        if not name.startswith("_") and inspect.isfunction(member)
    ]
    assert len(members) > 100
    for owner, name, member in members:
        returned = str(inspect.signature(member).return_annotation)
        assert "Any" not in returned and "dict[str, object]" not in returned, (owner, name)
        assert returned != "inspect._empty", (owner, name)
