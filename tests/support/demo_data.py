"""Owns the demo database: fixed, deterministic data that looks like months of real use.

For snapshot tests, screenshots and benchmarks. Everything is written through the project's real
code paths, never with SQL: `Store.sync_config`, `save_quotes`, `save_facts`, `save_earnings`,
`mark`, `acknowledge`, the outbox calls, SEC companyfacts through `market.sec.derive_facts`, and
evaluation through `cycle.evaluate_checkpoints`. Every timestamp is derived from `now` (DEMO_NOW by
default), never from the wall clock, so two seedings give byte-identical databases.

The story `seed_demo` tells about the bundled catalysts.toml, with DEMO_NOW (Fri 2026-11-20
21:30 UTC, after the US close):

- 2026-05-15 (now - 189 d): first refresh, a half-year of bars backfilled; ALAB's Q1 FY26
  release (2026-05-05, guiding Q2 to $355-365M) and 10-Q are out, so both margin guards hold
  (met) and beats-own-guide waits (no release before Q1's is stored); the example lots make
  ALAB about a fifth of the portfolio, over its 15% cap, so position-weight-cap is missed
  (flagged, notified).
- 2026-05-18: that flag is acknowledged.
- 2026-08-07 (now - 105 d): the Q2 release (2026-08-04, $362.0M against the $360M midpoint,
  guiding Q3 to $385-395M) and 10-Q are out: beats-own-guide holds (+0.6%).
- 2026-11-03: the Q3 release ($415.0M, +6.4% against $390M; Q4 guided to $440-450M).
- 2026-11-04 22:30 UTC: after the Q3 call, scorpio-x-full-volume is marked met by hand.
- 2026-11-05 (now - 15 d): the Q3 10-Q is out (XBRL confirms each release): gross margin 69.1%
  < 70% and operating margin 19.6% < 20%, both guards missed (flagged, notified, not
  acknowledged); beats-own-guide still holds.
- now - 10 min: a refresh of every symbol, fundamentals, ALAB's product lines from each 10-Q and
  10-K out (the replay market's XBRL: Scorpio the largest line since Q2 FY26), next earnings
  dates and the Street's
  estimates (the replay market's, demo/street.py); now - 5 min: a
  refresh where MRVL fails ("yahoo: HTTP 503") and keeps its last good (stale) quote; at now the
  stored data is evaluated once more: ALAB's two guards on the Street (revisions up, forward
  P/E under 200) hold, met for the first time.

Usable outside pytest (bench/): nothing here imports pytest or tests.conftest.
"""

from __future__ import annotations

import atexit
import dataclasses
import functools
import hashlib
import json
import math
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from catalyst_tui.config import Config, load_config
from catalyst_tui.demo import sec as demo_sec
from catalyst_tui.demo import xbrl as demo_xbrl
from catalyst_tui.demo import yahoo as demo_yahoo
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.jobs.results import store_release
from catalyst_tui.market.models import Bar, EarningsDate, FetchError, Quote, QuoteOutcome
from catalyst_tui.market.sec.facts import derive_facts
from catalyst_tui.market.sec.filings import Filing
from catalyst_tui.market.yahoo.estimates import MODULES as ESTIMATE_MODULES
from catalyst_tui.market.yahoo.estimates import parse_estimates
from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.xbrl.reader import read_segments
from catalyst_tui.store import Store
from catalyst_tui.thesis.vocabulary import RESULTS
from tests.support.shared import OWN_SEC

from .market_server import synthetic_companyfacts
from .releases import AlabQuarter, alab_release

REPO = Path(__file__).resolve().parents[2]
BUNDLED_CONFIG = REPO / "catalysts.toml"  # the same file as tests.conftest.BUNDLED_CONFIG
ALAB_COMPANYFACTS = OWN_SEC / "alab_companyfacts_CIK0001736297.json"
CRDO_CIK = 1807794

DEMO_NOW = datetime(2026, 11, 20, 21, 30, tzinfo=UTC)
# The zone the demo is evaluated in when the config names none: evaluation would otherwise use
# the machine's zone, and "today" (the milestones' "N days left") would depend on the machine.
DEMO_ZONE = "America/New_York"
NEW_YORK = ZoneInfo("America/New_York")
SESSION_CLOSE = time(16, 0)  # New York
SOURCE = "yahoo"
CURRENCY = "USD"
DAEMON = "demo-host:4242:daemon"  # the outbox's claimed_by of the (simulated) daemon
BATCH = 50  # symbols per save_quotes call in seed_big
STALE_SYMBOL = "MRVL"
STALE_ERROR = "yahoo: HTTP 503"
GROUPS = ("semis", "software", "energy", "financials", "healthcare")


@dataclass(frozen=True)
class Profile:
    """How a symbol's synthetic price moves: `start` is the close a year before the last bar,
    `end` the last close, `vol` the daily volatility (log), `volume` a typical day's volume."""

    start: float
    end: float
    vol: float
    volume: int


PROFILES: dict[str, Profile] = {
    "ALAB": Profile(120.0, 190.0, 0.030, 4_500_000),
    "CRDO": Profile(72.0, 138.0, 0.032, 5_200_000),
    "LITE": Profile(92.0, 158.0, 0.028, 2_600_000),
    "COHR": Profile(88.0, 114.0, 0.026, 3_100_000),
    "NVDA": Profile(146.0, 181.0, 0.021, 180_000_000),
    "MRVL": Profile(92.0, 76.0, 0.028, 14_000_000),
    "AVGO": Profile(232.0, 341.0, 0.021, 21_000_000),
    "ANET": Profile(104.0, 133.0, 0.022, 8_300_000),
    "SPY": Profile(590.0, 680.0, 0.010, 70_000_000),  # the benchmark the positions are held to
    "SOXX": Profile(228.0, 302.0, 0.019, 4_200_000),  # the interconnect group's benchmark
}

# Next earnings dates, as days after now's date: (days, estimate). LITE: the source has none.
EARNINGS: dict[str, tuple[int, bool] | None] = {
    "ALAB": (82, False),  # 2027-02-10 with DEMO_NOW
    "CRDO": (12, False),
    "MRVL": (12, False),
    "AVGO": (20, True),
    "COHR": (76, True),
    "ANET": (88, True),
    "NVDA": (97, True),
    "LITE": None,
}


# --------------------------------------------------------------------------------------------
# Synthetic market
# --------------------------------------------------------------------------------------------


def profile(symbol: str) -> Profile:
    """The symbol's entry in PROFILES, else one derived from its name (same in every process)."""
    known = PROFILES.get(symbol)
    if known is not None:
        return known
    rng = random.Random(f"{symbol}/profile")
    end = round(10 ** rng.uniform(1.2, 2.8), 2)  # about 16 to 630
    return Profile(
        start=round(end / rng.uniform(0.7, 1.6), 2),
        end=end,
        vol=rng.uniform(0.012, 0.035),
        volume=int(10 ** rng.uniform(5.3, 7.3)),
    )


def last_weekday(day: date) -> date:
    """The last weekday on or before `day`."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@functools.lru_cache(maxsize=64)
def trading_days(last: date, years: int) -> tuple[date, ...]:
    """The weekdays after the same date `years` years before `last`, up to `last` (no holidays:
    about 261 a year)."""
    first = _years_before(last, years)
    count = (last - first).days
    days = (first + timedelta(days=i) for i in range(1, count + 1))
    return tuple(d for d in days if d.weekday() < 5)


def _cents(price: float) -> float:
    """Rounded to the cent, half up (three times faster than round(price, 2))."""
    return int(price * 100 + 0.5) / 100


def demo_bars(symbol: str, last_day: date, years: int = 1) -> list[Bar]:
    """Daily bars for `years` years to `last_day`: a random walk of the log price seeded by the
    symbol (random.Random(symbol), not the per-process salted hash()), pinned to the profile's
    level `years` years back (its yearly trend extended) and to about its `end` on the last
    bar (within a day's move). Opens gap from the previous close; volume rises with the move."""
    p = profile(symbol)
    days = trading_days(last_day, years)
    rng = random.Random(symbol)
    gauss, rand, exp = rng.gauss, rng.random, math.exp
    log_start = math.log(p.end) - years * math.log(p.end / p.start)
    log_end = math.log(p.end) + gauss(0.0, p.vol)  # near `end`, not on a round number
    steps = [gauss(0.0, p.vol) for _ in range(len(days) - 1)]
    # A bridge: spread the walk's end error over the path so it ends exactly at log_end.
    pull = (log_end - log_start - sum(steps)) / max(1, len(steps))
    gap, wick = p.vol * 0.8, p.vol * 1.2
    level = log_start
    previous: float | None = None
    bars: list[Bar] = []
    for i, day in enumerate(days):
        move = steps[i - 1] if i else 0.0
        level += move + pull if i else 0.0
        close = _cents(exp(level))
        open_ = _cents((previous or close) * (1 + gap * (rand() - 0.5)))
        top, bottom = (open_, close) if open_ > close else (close, open_)
        high = _cents(top * (1 + wick * rand()))  # >= top: both are whole cents
        low = _cents(bottom * (1 - wick * rand()))
        volume = int(p.volume * (0.6 + 0.8 * rand() + 10 * abs(move)))
        bars.append(Bar(symbol, day, open_, high, low, close, volume, SOURCE))
        previous = close
    return bars


def session_close(day: date) -> datetime:
    """16:00 New York on `day`, in UTC."""
    return datetime.combine(day, SESSION_CLOSE, NEW_YORK).astimezone(UTC)


def demo_quote(bars: Sequence[Bar], at: datetime) -> Quote:
    """The quote a provider gives at `at` (after the close) for history ending with bars[-1]."""
    last = bars[-1]
    previous = bars[-2].close if len(bars) > 1 else None
    change = round(last.close - previous, 2) if previous is not None else None
    year_ago = last.day - timedelta(days=365)
    year = [b for b in bars[-270:] if b.day > year_ago]
    return Quote(
        symbol=last.symbol,
        price=last.close,
        prev_close=previous,
        change=change,
        change_pct=change / previous if change is not None and previous else None,
        currency=CURRENCY,
        market_state="CLOSED",
        quote_time=min(session_close(last.day), at),
        source=SOURCE,
        day_high=last.high,
        day_low=last.low,
        volume=last.volume,
        fifty_two_week_high=max(b.high for b in year),
        fifty_two_week_low=min(b.low for b in year),
    )


# --------------------------------------------------------------------------------------------
# Fundamentals
# --------------------------------------------------------------------------------------------


def companyfacts_as_of(body: dict[str, Any], day: date) -> dict[str, Any]:
    """A companyfacts body as EDGAR served it on `day`: only the values filed by then."""
    cutoff = day.isoformat()
    out = dict(body)
    out["facts"] = {
        taxonomy: {
            concept: {
                **entry,
                "units": {
                    unit: [v for v in values if str(v.get("filed", "")) <= cutoff]
                    for unit, values in entry.get("units", {}).items()
                },
            }
            for concept, entry in concepts.items()
        }
        for taxonomy, concepts in body["facts"].items()
    }
    return out


def _alab_companyfacts() -> dict[str, Any]:
    return json.loads(ALAB_COMPANYFACTS.read_text(encoding="utf-8"))


def _save_fundamentals(store: Store, config: Config, at: datetime) -> None:
    """What the daily SEC fetch at `at` stores: ALAB from the recorded fixture, CRDO from the
    market server's synthetic filer, each through the real derivation."""
    if "ALAB" in config.tickers:
        facts = derive_facts(companyfacts_as_of(_alab_companyfacts(), at.date()))
        store.market.save_facts("ALAB", facts, at)
    if "CRDO" in config.tickers:
        facts = derive_facts(synthetic_companyfacts("CRDO", CRDO_CIK, at.date()))
        store.market.save_facts("CRDO", facts, at)


def _save_lines(store: Store, config: Config, at: datetime) -> None:
    """What the refresh reads of each ALAB 10-Q and 10-K out by `at` for its product lines: the
    replay market's XBRL instances (demo/xbrl.py), through the real reader."""
    for symbol in sorted(set(demo_xbrl.LINES) & set(config.tickers)):  # the others' state none
        for filing in demo_sec.filings(symbol, at):
            body = filing.data_files()
            if filing.form == "8-K" or not body:
                continue
            split = read_segments(next(iter(body.values())))
            store.segments.save(
                symbol, filing.accession, date.fromisoformat(filing.filed), split, at
            )


# --------------------------------------------------------------------------------------------
# Seeding
# --------------------------------------------------------------------------------------------


def _evaluation_config(config: Config) -> Config:
    """The config with DEMO_ZONE as its time zone when it names none (see DEMO_ZONE)."""
    if config.settings.timezone:
        return config
    settings = config.settings._replace(timezone=DEMO_ZONE)
    return dataclasses.replace(config, settings=settings)


def _refresh(
    store: Store,
    series: dict[str, list[Bar]],
    at: datetime,
    since: date | None,
    failed: dict[str, str] | None = None,
) -> None:
    """One quote refresh at `at`, as jobs.refresh stores it: one save_quotes call, each
    symbol's quote with its bars from `since` (the last stored day, fetched again) on, or
    only its error."""
    failed = failed or {}
    batch: list[QuoteOutcome] = []
    for symbol, bars in series.items():
        if symbol in failed:
            batch.append(QuoteOutcome(symbol, None, [], [FetchError("http", failed[symbol])]))
            continue
        known = [b for b in bars if b.day <= at.date()]
        fresh = [b for b in known if since is None or b.day >= since]
        batch.append(QuoteOutcome(symbol, demo_quote(known, at), fresh))
    store.market.save_quotes(batch, at)


def _deliver(store: Store, at: datetime) -> None:
    """What the daemon does with new outbox rows: claim them and record them sent."""
    for notice in store.outbox.claim(DAEMON, at):
        store.outbox.sent(notice.outbox_id, ["desktop"], at)


def _save_earnings(store: Store, config: Config, at: datetime) -> None:
    for symbol in config.tickers:
        if symbol not in EARNINGS:
            continue
        found = EARNINGS[symbol]
        if found is None:  # the source answered, with no date: stored as "not known yet"
            store.market.save_earnings(symbol, None, at)
            continue
        days, estimate = found
        day = at.date() + timedelta(days=days)
        store.market.save_earnings(symbol, EarningsDate(symbol, day, SOURCE, estimate), at)


def _save_estimates(store: Store, config: Config, at: datetime) -> None:
    """What the day's estimates fetch at `at` stores: the replay market's quoteSummary answer
    (demo/street.py) for each ticker, read as Yahoo's is (market/yahoo/estimates.py)."""
    for symbol in config.tickers:
        body = demo_yahoo.calendar(symbol, at, ESTIMATE_MODULES.split(","))
        store.estimates.save(symbol, parse_estimates(body, symbol, at.date()), at)


# ALAB's earnings releases of FY26 (the project's own, in the shape of its real EX-99.1): the
# quarter as its 10-Q files it in the fixture (net income and non-GAAP EPS added), the day it
# was released, and the next quarter's revenue guide it gave.
ALAB_RELEASES = (
    (
        AlabQuarter(
            date(2026, 3, 31), 308_400_000, 76_791_600, 166_536_000, 70_000_000, 0.40, 0.48
        ),
        date(2026, 5, 5),
        (355e6, 365e6),
    ),
    (
        AlabQuarter(
            date(2026, 6, 30), 362_000_000, 96_292_000, 188_240_000, 82_250_000, 0.47, 0.55
        ),
        date(2026, 8, 4),
        (385e6, 395e6),
    ),
    (
        AlabQuarter(
            date(2026, 9, 30), 415_000_000, 128_235_000, 205_425_000, 91_000_000, 0.52, 0.61
        ),
        date(2026, 11, 3),
        (440e6, 450e6),
    ),
)
ALAB_CIK = "0001736297"
ARCHIVES = "https://www.sec.gov"


def _save_releases(store: Store, config: Config, at: datetime) -> None:
    """ALAB's releases out by `at`, each as the refresh stores it: the 8-K, then what
    read_release gives of its EX-99.1 (notified when "results" is in notify and it is news)."""
    if "ALAB" not in config.tickers:
        return
    stored = {r.accession for r in store.results.releases("ALAB")}
    for n, (quarter, day, guide) in enumerate(ALAB_RELEASES, 1):
        accepted = datetime.combine(day, time(16, 5), NEW_YORK)
        accession = f"{ALAB_CIK}-{day.year % 100}-{n:06d}"
        if accepted > at or accession in stored:
            continue
        filing = Filing(
            ALAB_CIK,
            accession,
            "8-K",
            ("2.02", "9.01"),
            accepted,
            day,
            day,
            f"alab-{day:%Y%m%d}.htm",
        )
        (record,) = store.evidence.save_filings("ALAB", [filing], ARCHIVES, at)
        body = alab_release(quarter, guide=guide, fiscal_quarter=quarter.end.month // 3)
        url = filing.document_url(ARCHIVES, f"alab-ex991-q{quarter.end.month // 3}fy26.htm")
        store_release(
            store, record, url, read_release(body), at, notify=RESULTS in config.settings.notify
        )


def _cycle(
    store: Store,
    config: Config,
    series: dict[str, list[Bar]],
    at: datetime,
    since: datetime | None,
) -> None:
    """One refresh cycle at `at` after one at `since`: quotes with the bars since then,
    releases, fundamentals, evaluation, and the daemon's delivery a minute later."""
    _refresh(store, series, at, None if since is None else last_weekday(since.date()))
    _save_releases(store, config, at)
    _save_fundamentals(store, config, at)
    evaluate_checkpoints(config, store, at)
    _deliver(store, at + timedelta(minutes=1))


def seed_demo(store: Store, config: Config, *, now: datetime = DEMO_NOW, years: int = 1) -> None:
    """Fill `store` with the demo story for `config` (see the module docstring)."""
    evaluation = _evaluation_config(config)
    last_day = last_weekday(now.date())
    series = {symbol: demo_bars(symbol, last_day, years) for symbol in config.tickers}
    # the benchmarks the positions are held against, back to the oldest lot (as a refresh's 5y)
    for symbol in sorted({config.benchmark(t.group) for t in config.tickers.values() if t.lots}):
        series.setdefault(symbol, demo_bars(symbol, last_day, max(years, 3)))
    first = now - timedelta(days=189)
    second = now - timedelta(days=105)
    third = now - timedelta(days=15)

    store.sync.apply(config, first - timedelta(minutes=10))
    _cycle(store, evaluation, series, first, None)
    store.checkpoints.acknowledge(None, first + timedelta(days=3))
    _cycle(store, evaluation, series, second, first)
    store.checkpoints.mark(
        "ALAB",
        "scorpio-x-full-volume",
        "met",
        "Q3 call: full volume shipping",
        third - timedelta(hours=23),
    )
    _cycle(store, evaluation, series, third, second)

    good = now - timedelta(minutes=10)
    _refresh(store, series, good, last_weekday(third.date()))
    _save_fundamentals(store, config, good)
    _save_lines(store, config, good)
    _save_earnings(store, config, good)
    _save_estimates(store, config, good)
    failed = {STALE_SYMBOL: STALE_ERROR} if STALE_SYMBOL in series else {}
    _refresh(store, series, now - timedelta(minutes=5), last_weekday(good.date()), failed)
    evaluate_checkpoints(evaluation, store, now)
    _deliver(store, now)


def big_config_text(n: int = 500) -> str:
    """A valid catalysts.toml with `n` tickers T0001…: five groups, a lot on every third
    ticker, and two checkpoints each (a `price >= X` guard and a milestone with a due date)."""
    lines = [
        f"# {n} generated tickers for benchmarks (tests/support/demo_data.py: big_config_text).",
        "",
        "[settings]",
        'notify = ["missed"]',
        'timezone = "America/New_York"',
    ]
    for i in range(1, n + 1):
        symbol = f"T{i:04d}"
        p = profile(symbol)
        rng = random.Random(f"{symbol}/config")
        floor = round(p.end * rng.uniform(0.7, 1.3), 2)
        due = date(2026, 1, 15) + timedelta(days=(i * 37) % 1095)
        lines += [
            "",
            f"[tickers.{symbol}]",
            f'name = "Test Company {i:04d}"',
            f'group = "{GROUPS[i % len(GROUPS)]}"',
            f'thesis = "Generated ticker {i} of {n}."',
        ]
        if i % 3 == 0:
            bought = date(2024, 1, 2) + timedelta(days=(i * 11) % 900)
            lines += [
                "",
                f"[[tickers.{symbol}.lots]]",
                f"shares = {10 + i % 90}",
                f"cost = {round(p.start * rng.uniform(0.8, 1.1), 2)}",
                f"date = {bought.isoformat()}",
            ]
        lines += [
            "",
            f"[[tickers.{symbol}.checkpoints]]",
            'id = "price-floor"',
            f'title = "Price holds at or above {floor}"',
            'kind = "guard"',
            f'when = "price >= {floor}"',
            "",
            f"[[tickers.{symbol}.checkpoints]]",
            'id = "product-launch"',
            'title = "The next product ships"',
            'kind = "milestone"',
            f"due = {due.isoformat()}",
        ]
    return "\n".join(lines) + "\n"


def seed_big(store: Store, config: Config, *, now: datetime = DEMO_NOW, years: int = 5) -> None:
    """Sync `config` and store `years` years of bars and a quote for each of its tickers, the
    same deterministic way as seed_demo, BATCH symbols per save_quotes call. No evaluation:
    call evaluate_checkpoints yourself when the checkpoints should have statuses."""
    store.sync.apply(config, now - timedelta(hours=1))
    last_day = last_weekday(now.date())
    fetched = now - timedelta(minutes=5)
    symbols = list(config.tickers)
    for start in range(0, len(symbols), BATCH):
        batch = []
        for symbol in symbols[start : start + BATCH]:
            bars = demo_bars(symbol, last_day, years)
            batch.append(QuoteOutcome(symbol, demo_quote(bars, fetched), bars))
        store.market.save_quotes(batch, fetched)


DEMO_CONTACT = "Demo User demo@example.com"  # the SEC contact of a set-up tracker


def demo_database(
    tmp_path: Path,
    config_path: Path = BUNDLED_CONFIG,
    *,
    sec_contact: str | None = DEMO_CONTACT,
    fresh: bool = False,
) -> tuple[Config, Store]:
    """The config (copied into tmp_path first, so a test may edit it; with `sec_contact` as
    providers.sec.user_agent, as a user who set it up has it: the demo has SEC's figures) and
    an open Store at tmp_path/demo.db seeded with seed_demo. The caller closes the store.

    Two seedings of one file give the same database (its only own line, the file it follows,
    aside: tests/store/test_demo_data.py), so a process seeds each catalysts.toml once and each
    later call gets a copy (SQLite's backup) that follows its own file (`fresh`: seeded anew)."""
    config_file = tmp_path / "catalysts.toml"
    if Path(config_path).resolve() != config_file.resolve():
        shutil.copyfile(config_path, config_file)
    if sec_contact is not None:
        text = config_file.read_text(encoding="utf-8")
        if "\nuser_agent = " not in text:
            config_file.write_text(_with_contact(text, sec_contact), encoding="utf-8")
    config = load_config(config_file)
    db = tmp_path / "demo.db"
    if fresh:
        store = Store.open(db)
        seed_demo(store, config)
        return config, store
    template = _seeded(config)
    with sqlite3.connect(template) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    store = Store.open(db)
    store.sync.apply(config)  # the same file's digest: only the file it follows is written
    return config, store


@functools.lru_cache(maxsize=16)
def _with_contact(text: str, contact: str) -> str:
    """`text` with `contact` as SEC's user agent, written as the TUI writes it: once a process
    for each file (a test of the demo's copies the same file)."""
    from catalyst_tui.config.write import set_sec_contact

    return set_sec_contact(text, contact)


_TEMPLATES: dict[str, Path] = {}  # this process's seeded databases, by their file's bytes


def _seeded(config: Config) -> Path:
    """A database seeded with seed_demo for `config`'s file, once in this process."""
    assert config.path is not None
    key = hashlib.sha256(config.path.read_bytes()).hexdigest()
    template = _TEMPLATES.get(key)
    if template is None or not template.exists():
        folder = Path(tempfile.mkdtemp(prefix="catalyst-demo-"))
        atexit.register(shutil.rmtree, folder, True)
        template = folder / "demo.db"
        with Store.open(template) as store:
            seed_demo(store, config)
        _TEMPLATES[key] = template
    return template
