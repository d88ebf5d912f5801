"""Seeded databases for the benchmarks, made once and copied: 5,000 tickers with five years of
daily bars each (6.5 million bars) take a minute to seed, and several benchmarks want them.

A template is tests/support/demo_data.seed_big's database for (tickers, years), its bars ending
on the last weekday before today, with the benchmark the positions are held against (SPY, the
same years of bars) and the Street's estimates of every ticker (ESTIMATE_DAYS days of them, the
surprises of four quarters and the consensus frozen before each of their reports: what a tracker
that read them daily for a quarter holds), kept in the system's temp folder under a name that
holds the day and a digest of the code that seeds and migrates it: another day, or changed
seeding or schema code, makes a new one (older ones are removed). Each benchmark gets its own
copy, so nothing it does changes the template. Setup, never timed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from catalyst_tui.store import Store

REPO = Path(__file__).resolve().parents[1]
FOLDER = Path(tempfile.gettempdir()) / "catalyst-bench-seeds"
_CODE = (
    "tests/support/demo_data.py",
    "src/catalyst_tui/store/schema.py",
    "src/catalyst_tui/store/migrations",
    "src/catalyst_tui/store/market_data.py",  # a folder
    "src/catalyst_tui/store/sync.py",
    "bench/_seeded.py",
)
BENCHMARK = "SPY"  # the default benchmark, big_config_text's: every position is held against it
ESTIMATE_DAYS = 60  # the days of estimates each ticker has stored, the seed's day the last


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
        _seed_benchmark(store, now, years)
        _seed_estimates(store, list(config.tickers), now)
        # Their whole window is stored: a refresh asks for the days since, not five years again.
        store.market.mark_backfilled(list(config.tickers), now)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.replace(template)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    return (
        f"seeded {len(config.tickers)} tickers x {years}y in {time.perf_counter() - started:.0f} s"
    )


def _seed_benchmark(store: Store, now: dt.datetime, years: int) -> None:
    """The benchmark's quote and daily bars, as a refresh fetches them for the positions (five
    years at least: big_config_text's lots go back to 2024)."""
    from tests.support.demo_data import demo_bars, demo_quote, last_weekday

    from catalyst_tui.market.models import QuoteOutcome

    fetched = now - dt.timedelta(minutes=5)
    bars = demo_bars(BENCHMARK, last_weekday(now.date()), max(years, 5))
    store.market.save_quotes([QuoteOutcome(BENCHMARK, demo_quote(bars, fetched), bars)], fetched)


def _seed_estimates(store: Store, symbols: list[str], now: dt.datetime) -> None:
    """Each ticker's estimates as the day's fetch stores them (the replay market's answer, read
    as Yahoo's is), the same rows on each of the ESTIMATE_DAYS - 1 days before, and the
    consensus frozen the day before each reported quarter's report (its estimate, a month after
    the quarter's end)."""
    from catalyst_tui.demo import yahoo as demo_yahoo
    from catalyst_tui.market.yahoo.estimates import MODULES, parse_estimates
    from catalyst_tui.store.columns import iso

    modules = MODULES.split(",")
    for symbol in symbols:
        body = demo_yahoo.calendar(symbol, now, modules)
        store.estimates.save(symbol, parse_estimates(body, symbol, now.date()), now)
    conn = store.conn
    names = [row[1] for row in conn.execute("PRAGMA table_info(estimates)")]
    rest = ", ".join(n for n in names if n not in ("symbol", "day", "read_at"))
    today = now.date()
    with store.transaction():
        for back in range(1, ESTIMATE_DAYS):
            # Read on its own day, as a daily fetch reads it (store.estimates.save: day, read_at).
            then = now - dt.timedelta(days=back)
            conn.execute(
                f"INSERT INTO estimates (symbol, day, read_at, {rest})"
                f" SELECT symbol, ?, ?, {rest} FROM estimates WHERE day = ?",
                [then.date().isoformat(), iso(then), today.isoformat()],
            )
        conn.execute(
            "INSERT OR IGNORE INTO frozen_consensus (symbol, report, period_end, eps, revenue,"
            " eps_analysts, revenue_analysts, as_of) SELECT symbol, date(quarter, '+30 days'),"
            " quarter, eps_estimate, NULL, 12, NULL, date(quarter, '+29 days')"
            " FROM estimate_surprises"
        )
