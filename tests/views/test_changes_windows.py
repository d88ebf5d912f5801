"""What changed in a window, on a real SQLite file: a change appears in every window that holds
its moment and in no other (a property over random moments and windows: a journal note, a
Street revision, a close), and the two windows the user names, `--since 7d` and `--since` a day
in the user's zone, agree on a Street revision read within the week and on a day's closes."""

from __future__ import annotations

import datetime as dt
import tempfile
import zoneinfo
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalyst_tui.cli.output.changes import since_moment
from catalyst_tui.config import load_config
from catalyst_tui.market.estimates import Consensus, Estimates, Range
from catalyst_tui.market.models import Bar
from catalyst_tui.reading.moments import market_day
from catalyst_tui.store import Store
from catalyst_tui.store.changes import close_moment
from catalyst_tui.views.changes import load_changes
from tests.support import new_database

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
THESIS = "[tickers.ALAB]\nname = 'A'\n[tickers.NVDA]\nname = 'N'\n"
START = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 12, 3, 10, tzinfo=dt.UTC)


def _year(symbol: str, eps: float) -> Estimates:
    year = Consensus("0y", dt.date(2026, 12, 31), Range(eps, analysts=10), Range(None))
    return Estimates(symbol, "yahoo", None, None, (year,), ())


def _bars(symbol: str, closes: list[tuple[dt.date, float]]) -> list[Bar]:
    return [Bar(symbol, d, c, c, c, c, 1000, "yahoo") for d, c in closes]


def _store(where: Path) -> Store:
    """A new database synced with THESIS at START (a copy of one made once: new_database)."""
    (where / "catalysts.toml").write_text(THESIS)
    return new_database.synced(where / "c.db", load_config(where / "catalysts.toml"), START)


seconds = st.integers(min_value=0, max_value=int((NOW - START).total_seconds()))


def _moment(second: int) -> dt.datetime:
    return START + dt.timedelta(seconds=second)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    notes=st.lists(seconds, min_size=1, max_size=4),
    street=st.tuples(seconds, seconds).filter(
        # two readings of two market days (New York's): a day keeps its last reading
        lambda p: market_day(_moment(p[0])) < market_day(_moment(p[1]))
    ),
    closes=st.tuples(st.integers(0, 60), st.integers(0, 60)).filter(lambda p: p[0] < p[1]),
    since=seconds,
)
def test_a_change_is_in_every_window_that_holds_its_moment_and_no_other(
    notes: list[int], street: tuple[int, int], closes: tuple[int, int], since: int
) -> None:
    first_day = START.date()
    close_days = [first_day + dt.timedelta(days=n) for n in closes]
    expected_all = {("journal", "ALAB", _moment(n)) for n in notes}
    expected_all.add(("street", "ALAB", _moment(street[1])))
    expected_all.add(("price", "NVDA", close_moment(close_days[1])))
    window = _moment(since)
    with tempfile.TemporaryDirectory() as where:
        store = _store(Path(where))
        try:
            for n in notes:
                store.journal.add("ALAB", f"note {n}", _moment(n))
            store.estimates.save("ALAB", _year("ALAB", 1.80), _moment(street[0]))
            store.estimates.save("ALAB", _year("ALAB", 1.90), _moment(street[1]))  # +5.6%
            prices = [(close_days[0], 100.0), (close_days[1], 120.0)]  # +20%
            store.market.replace_history("NVDA", _bars("NVDA", prices))
            found = {(c.kind, c.symbol, c.at) for c in load_changes(store, window)}
        finally:
            store.close()
    assert found == {c for c in expected_all if c[2] >= window}


def test_seven_days_and_the_day_they_start_on_agree(tmp_path: Path) -> None:
    """From 10:00 UTC on 3 December, a New York user: ALAB's year revised 1.80 → 1.90 by a
    reading at 15:00 UTC on 26 November; NVDA closed 100 on the 25th and 120 on the 26th. Both
    `--since 7d` (10:00 UTC on the 26th) and `--since 2026-11-26` (its start in New York)
    list both; `--since 2026-11-27` lists neither: they came before it."""
    store = _store(tmp_path)
    try:
        store.estimates.save(
            "ALAB", _year("ALAB", 1.80), dt.datetime(2026, 11, 20, 14, tzinfo=dt.UTC)
        )
        store.estimates.save(
            "ALAB", _year("ALAB", 1.90), dt.datetime(2026, 11, 26, 15, tzinfo=dt.UTC)
        )
        store.estimates.save(
            "ALAB", _year("ALAB", 1.90), dt.datetime(2026, 12, 3, 9, tzinfo=dt.UTC)
        )
        days = [dt.date(2026, 11, 24), dt.date(2026, 11, 25), dt.date(2026, 11, 26)]
        history = [*zip(days, (100.0, 100.0, 120.0), strict=True), (dt.date(2026, 12, 2), 120.0)]
        store.market.replace_history("NVDA", _bars("NVDA", history))

        def listed(said: str) -> set[tuple[str, str]]:
            since = since_moment(said, NOW, None, NEW_YORK)
            return {(c.kind, c.symbol) for c in load_changes(store, since)}

        both = {("street", "ALAB"), ("price", "NVDA")}
        assert listed("7d") == both
        assert listed("2026-11-26") == both
        assert listed("2026-11-27") == set()
        assert since_moment("2026-11-26", NOW, None, NEW_YORK) == dt.datetime(
            2026, 11, 26, 5, tzinfo=dt.UTC
        )
        [street] = [c for c in load_changes(store, since_moment("7d", NOW)) if c.kind == "street"]
        assert (street.before, street.after) == (1.80, 1.90)
    finally:
        store.close()
