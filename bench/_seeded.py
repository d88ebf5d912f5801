"""Seeded databases for the benchmarks, made once and copied: 5,000 tickers with five years of
daily bars each (6.5 million bars) take a minute to seed, and several benchmarks want them.

A template is tests/support/demo_data.seed_big's database for (tickers, years), its bars ending
on the last weekday before today, kept in the system's temp folder under a name that holds the
day and a digest of the code that seeds and migrates it: another day, or changed seeding or
schema code, makes a new one (older ones are removed). Each benchmark gets its own copy, so
nothing it does changes the template. Setup, never timed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOLDER = Path(tempfile.gettempdir()) / "catalyst-bench-seeds"
_CODE = (
    "tests/support/demo_data.py", "src/catalyst_tui/store/schema.py",
    "src/catalyst_tui/store/migrations", "src/catalyst_tui/store/market_data.py",  # a folder
    "src/catalyst_tui/store/sync.py",
)  # fmt: skip


def _name(tickers: int, years: int) -> str:
    digest = hashlib.blake2b(digest_size=8)
    for name in _CODE:
        path = REPO / name
        for part in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            digest.update(part.read_bytes())
    return f"{tickers}x{years}y-{dt.date.today().isoformat()}-{digest.hexdigest()}.db"


def seeded_database(dest: Path, config_path: Path, tickers: int, years: int) -> str:
    """Copy a database seeded for the config at `config_path` (big_config_text(tickers)) to
    `dest`, seeding the template first if there is none for today and this code; a note of
    what was done, for the benchmark's setup line."""
    FOLDER.mkdir(exist_ok=True)
    template = FOLDER / _name(tickers, years)
    note = f"{tickers} tickers x {years}y from the seed cache ({template.name})"
    if not template.exists():
        note = _seed(template, config_path, years)
        for old in FOLDER.glob(f"{tickers}x{years}y-*.db"):
            if old != template:
                old.unlink(missing_ok=True)
    shutil.copyfile(template, dest)
    return note


def _seed(template: Path, config_path: Path, years: int) -> str:
    from tests.support.demo_data import seed_big

    from catalyst_tui.config import load_config
    from catalyst_tui.store import Store

    config = load_config(config_path)
    partial = template.with_suffix(".partial")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    now = dt.datetime.now(dt.UTC)
    with Store.open(partial) as store:
        seed_big(store, config, now=now, years=years)
        # Their whole window is stored: a refresh asks for the days since, not five years again.
        store.market.mark_backfilled(list(config.tickers), now)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.replace(template)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    return (
        f"seeded {len(config.tickers)} tickers x {years}y in {time.perf_counter() - started:.0f} s"
    )
