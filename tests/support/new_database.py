"""A new database for each example of a property test, copied from one made once a process.

`Store.open` on a new file makes the schema and a first `sync.apply` writes the thesis: an
example's whole cost where the property needs a fresh database. The first
call for a config (by its file's digest, else the config itself) and moment makes that database
once; every call copies it (SQLite's backup, 3 ms), opens the copy and syncs it again with the
caller's config, as tests/support/demo_data.py does for the demo: the copy follows the caller's
own file, and is what a new database synced with that config at that moment holds.
"""

from __future__ import annotations

import atexit
import datetime as dt
import shutil
import sqlite3
import tempfile
from pathlib import Path

from catalyst_tui.config import Config
from catalyst_tui.store import Store

_MADE: dict[tuple[object, dt.datetime | None], tuple[Config, Path]] = {}


def synced(path: Path, config: Config, now: dt.datetime | None = None) -> Store:
    """An open Store at `path` (a new file) as `Store.open(path)` then `sync.apply(config, now)`
    leave it. The caller closes it."""
    key = (config.digest or id(config), now)
    if key not in _MADE:
        folder = Path(tempfile.mkdtemp(prefix="catalyst-new-db-"))
        atexit.register(shutil.rmtree, folder, True)
        with Store.open(folder / "c.db") as store:
            store.sync.apply(config, now)
        _MADE[key] = (config, folder / "c.db")  # the config kept: its id names no other
    _, made = _MADE[key]
    source, copy = sqlite3.connect(made), sqlite3.connect(path)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()
    store = Store.open(path)
    store.sync.apply(config, now)
    return store
