"""Market data: a refresh's quotes and bars stored whole, a failed symbol kept stale with its
last good quote, daily fetch times, the CIK map, fundamentals and earnings dates, and the snapshot
evaluation reads, all through the store's doors."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.market.models import (
    Bar,
    EarningsDate,
    Fact,
    FetchError,
    LastQuote,
    Quote,
    QuoteOutcome,
)
from catalyst_tui.store import Store
from catalyst_tui.thesis.portfolio.positions import Lot

from .conftest import T0, T1, bars, fresh, quote

DAYS = [dt.date(2026, 11, 16) + dt.timedelta(days=i) for i in range(5)]


def test_a_fresh_quote_comes_back_as_it_was_saved(store: Store):
    saved = quote(
        "ALAB",
        227.88,
        day_high=230.0,
        day_low=220.5,
        volume=1_234_567,
        fifty_two_week_high=262.9,
        fifty_two_week_low=47.1,
    )
    store.market.save_quotes([QuoteOutcome("ALAB", saved, bars("ALAB", DAYS))], T1)
    last = store.market.last_quotes(["ALAB"])["ALAB"]
    assert last == LastQuote("ALAB", saved, T1, False, "")
    assert store.views.price_history("ALAB") == [(d, 100.0 + i) for i, d in enumerate(DAYS)]


def test_every_field_of_a_quote_comes_back_in_its_own_column(store: Store):
    """Each field a value of its own: a row whose columns were written in another order would
    give another quote back."""
    saved = Quote(
        "ALAB",
        227.88,
        225.5,
        2.38,
        0.0106,
        "USD",
        "POST",
        T0 - dt.timedelta(hours=2),
        "yahoo",
        230.0,
        220.5,
        1_234_567,
        262.9,
        47.1,
        "post",
        228.4,
        0.52,
        0.0023,
        (T0 - dt.timedelta(hours=1)).astimezone(dt.timezone(dt.timedelta(hours=-5))),
    )
    store.market.save_quotes([QuoteOutcome("ALAB", saved)], T1)
    last = store.market.last_quotes(["ALAB"])["ALAB"]
    assert last == LastQuote("ALAB", saved, T1, False, "")
    assert last.quote is not None and last.quote.ext_time is not None
    assert last.quote.ext_time.utcoffset() == dt.timedelta(0)  # stored as UTC, the same moment


def test_every_field_of_a_bar_comes_back_in_its_own_column(store: Store):
    """A bar's fields each a value of its own (save_quotes unpacks a Bar by position into the
    prices table's row): a field moved in Bar would put a value in another column."""
    saved = Bar(
        symbol="ALAB",
        day=DAYS[0],
        open=10.5,
        high=12.25,
        low=9.75,
        close=11.0,
        volume=4321,
        source="stooq",
    )
    store.market.save_quotes([QuoteOutcome("ALAB", quote("ALAB", 11.0), [saved])], T1)
    (row,) = store.views.iter_prices("ALAB")
    assert tuple(row) == tuple(saved)
    assert row.day == saved.day and row.open == 10.5 and row.volume == 4321


def test_a_failed_symbol_keeps_its_last_good_quote_marked_stale_with_why(store: Store):
    store.market.save_quotes([fresh("ALAB", 200.0, DAYS)], T0)
    failure = QuoteOutcome(
        "ALAB",
        errors=[
            FetchError("http", "HTTP 500", "yahoo", "ALAB"),
            FetchError("unknown_symbol", "N/D", "stooq", "ALAB"),
        ],
    )
    never = QuoteOutcome("CRDO", errors=[FetchError("network", "no route", "yahoo", "CRDO")])
    store.market.save_quotes([failure, never], T1)
    last = store.market.last_quotes(["ALAB", "CRDO", "NVDA"])
    assert last["ALAB"].price == 200.0 and last["ALAB"].fetched_at == T0
    assert last["ALAB"].stale and last["ALAB"].error == "yahoo ALAB: HTTP 500; stooq ALAB: N/D"
    assert last["CRDO"] == LastQuote("CRDO", None, None, True, "yahoo CRDO: no route")
    assert last["NVDA"] == LastQuote("NVDA", None, None, True, "")  # never asked for
    store.market.save_quotes([fresh("ALAB", 210.0)], T1)
    assert not store.market.last_quotes(["ALAB"])["ALAB"].stale


def test_the_stale_quotes_are_the_stored_quotes_read_back_stale(store: Store):
    """What a verdict's staleness reads: exactly the stored rows `last_quotes` says are stale
    (a failed renewal, a symbol that never answered), each as it reads it; none fresh."""
    store.market.save_quotes([fresh("ALAB", 200.0, DAYS), fresh("NVDA", 180.0, DAYS)], T0)
    failed = QuoteOutcome("ALAB", errors=[FetchError("http", "HTTP 500", "yahoo", "ALAB")])
    never = QuoteOutcome("CRDO", errors=[FetchError("network", "no route", "yahoo", "CRDO")])
    store.market.save_quotes([failed, never], T1)
    every = store.market.last_quotes()
    assert set(every) == {"ALAB", "CRDO", "NVDA"}
    assert store.market.stale_quotes() == {s: q for s, q in every.items() if q.stale}
    assert set(store.market.stale_quotes()) == {"ALAB", "CRDO"}
    store.market.save_quotes([fresh("ALAB", 210.0), fresh("CRDO", 80.0)], T1)
    assert store.market.stale_quotes() == {}


def test_a_bar_fetched_again_replaces_that_day_and_history_starts_at_the_last_day(store: Store):
    assert store.market.history_starts(["ALAB"], T0) == {"ALAB": None}
    store.market.save_quotes([fresh("ALAB", 200.0, DAYS)], T0)
    store.market.save_quotes([fresh("ALAB", 205.0, DAYS[-1:])], T1)  # the day's bar, again
    history = store.views.price_history("ALAB")
    assert len(history) == len(DAYS) and history[-1] == (DAYS[-1], 100.0)
    assert store.market.history_starts(["ALAB", "CRDO"], T1) == {"ALAB": DAYS[-1], "CRDO": None}
    assert store.views.price_history("ALAB", DAYS[3]) == history[3:]


def test_history_is_due_once_a_quote_after_the_last_fetch_says_the_session_is_over(store: Store):
    """ALAB's bars were fetched at T0 (with the five-year backfill); CRDO was never backfilled."""
    store.market.save_quotes([fresh("ALAB", 200.0, DAYS)], T0)
    store.market.mark_backfilled(["ALAB"], T0)
    assert store.market.history_due(["ALAB", "CRDO"], T1) == {"CRDO": None}
    trading = QuoteOutcome("ALAB", quote("ALAB", 201.0, T1))
    store.market.save_quotes([trading], T1)
    assert store.market.history_due(["ALAB"], T1) == {}  # still in its session
    before = QuoteOutcome(
        "ALAB", quote("ALAB", 201.0, T0 - dt.timedelta(hours=1), market_state="CLOSED")
    )
    store.market.save_quotes([before], T1)
    assert store.market.history_due(["ALAB"], T1) == {}  # closed before the bars were fetched
    failed = QuoteOutcome("ALAB", errors=[FetchError("http", "HTTP 500", "yahoo", "ALAB")])
    store.market.save_quotes([failed], T1)
    assert store.market.history_due(["ALAB"], T1) == {}  # a failure keeps the quote it had
    closed = QuoteOutcome("ALAB", quote("ALAB", 202.0, T1, market_state="POST"))
    store.market.save_quotes([closed], T1)
    assert store.market.history_due(["ALAB"], T1) == {"ALAB": DAYS[-1]}


def test_market_states_are_as_the_quotes_reported(store: Store):
    store.market.save_quotes(
        [fresh("ALAB", 10.0), QuoteOutcome("CRDO", quote("CRDO", 20.0, market_state=None))], T0
    )
    assert sorted(store.market.market_states(), key=str) == [None, "REGULAR"]


def test_fetch_states_and_the_cik_map(store: Store):
    assert store.market.fetch_states("earnings") == {}
    store.market.mark_fetched("earnings", "ALAB", T0, ok=False, detail="HTTP 500")
    store.market.mark_fetched("earnings", "ALAB", T1)  # the retry worked
    [(symbol, state)] = store.market.fetch_states("earnings").items()
    assert symbol == "ALAB" and (state.fetched_at, state.ok, state.detail) == (T1, True, "")
    store.market.save_cik_map({"ALAB": "0001736297", "BRK-B": "0001067983"}, T0)
    assert store.market.cik_map() == {"ALAB": "0001736297", "BRK-B": "0001067983"}
    assert store.market.fetch_states("cik_map")[""].detail == "2 tickers"
    assert store.views.health().failed == {}


def _fact(end: dt.date, value: float, concept: str = "revenue_q") -> Fact:
    return Fact(
        concept,
        end - dt.timedelta(days=90),
        end,
        value,
        "USD",
        "10-Q",
        end + dt.timedelta(days=35),
        "us-gaap:Revenues",
    )


def test_fundamentals_are_replaced_whole_and_read_back_in_period_order(store: Store):
    ends = [dt.date(2026, 3, 31), dt.date(2025, 12, 31), dt.date(2026, 6, 30)]
    store.market.save_facts("ALAB", [_fact(e, v) for e, v in zip(ends, (2, 1, 3), strict=True)], T0)
    restated = [_fact(dt.date(2026, 6, 30), 3.5), _fact(dt.date(2026, 9, 30), 4)]
    store.market.save_facts("ALAB", restated, T1)
    snapshot = store.market.snapshot(T1, sec_configured=True)
    assert snapshot.facts["ALAB"]["revenue_q"] == restated
    assert store.market.fetch_states("fundamentals")["ALAB"].detail == "2 facts"


def test_the_snapshot_holds_quotes_year_highs_facts_and_lots_of_active_tickers(store: Store):
    year = [T0.date() - dt.timedelta(days=400), T0.date() - dt.timedelta(days=10)]
    old_peak, recent = bars("ALAB", year[:1], 500.0), bars("ALAB", year[1:], 100.0)
    store.market.save_quotes([QuoteOutcome("ALAB", quote("ALAB", 99.0), old_peak + recent)], T0)
    store.market.save_facts("CRDO", [_fact(dt.date(2026, 9, 30), 1e8)], T0)
    snapshot = store.market.snapshot(T0, sec_configured=False)
    assert snapshot.quotes["ALAB"].price == 99.0 and not snapshot.sec_configured
    assert snapshot.history_high == {}  # read when a drawdown first asks, a ticker at a time
    # The bar 400 days back is out of the year; CRDO has no bars.
    assert (snapshot.year_high("ALAB"), snapshot.year_high("CRDO")) == (102.0, None)
    assert snapshot.history_high == {"ALAB": 102.0}
    assert snapshot.lots == {"ALAB": [Lot(40, 118.5)]}
    assert set(snapshot.facts) == {"CRDO"}
    only = store.market.snapshot(T0, sec_configured=True, symbol="ALAB")
    assert set(only.facts) == set() and set(only.lots) == {"ALAB"}


def test_earnings_dates_saved_and_shown_on_the_watch_row(store: Store):
    store.market.save_earnings(
        "ALAB", EarningsDate("ALAB", dt.date(2027, 2, 10), "yahoo", True), T0
    )
    store.market.save_earnings("CRDO", None, T0)  # asked, none known
    earnings = {r.symbol: r.earnings for r in store.views.watch_rows()}
    assert earnings == {
        "ALAB": EarningsDate("ALAB", dt.date(2027, 2, 10), "yahoo", True),
        "CRDO": None,
    }
    assert set(store.market.fetch_states("earnings")) == {"ALAB", "CRDO"}


def _closes_since(store: Store, symbol: str, since: dt.date) -> list[float]:
    """What the sparkline should show: the stored bars' own closes from `since` on."""
    return [close for day, close in store.views.price_history(symbol, since)]


def test_the_sparkline_closes_are_kept_as_the_bars_are_written(store: Store):
    """The watchlist reads each symbol's last closes from one short row kept with every write of
    its bars (not from its bars): the same closes as the bars say, from any day in the kept
    window (45 days before the last bar) on, after a first fetch and after a day fetched again."""
    days = [dt.date(2026, 9, 1) + dt.timedelta(days=i) for i in range(80)]
    store.market.save_quotes([fresh("ALAB", 200.0, days), fresh("CRDO", 90.0)], T0)
    for since in (days[40], days[70], days[-1]):
        assert store.views.recent_closes(["ALAB"], since)["ALAB"] == _closes_since(
            store, "ALAB", since
        )
    assert len(store.views.recent_closes(["ALAB"], days[0])["ALAB"]) == 46  # the window kept
    assert store.views.recent_closes(["CRDO", "NVDA"], days[0]) == {"CRDO": [], "NVDA": []}
    store.market.save_quotes(
        [QuoteOutcome("ALAB", quote("ALAB", 205.0), bars("ALAB", days[-1:], 150.0))], T1
    )
    assert store.views.recent_closes(["ALAB"], days[70])["ALAB"][-1] == 150.0
    assert store.views.recent_closes(["ALAB"], days[70])["ALAB"] == _closes_since(
        store, "ALAB", days[70]
    )


def test_no_fundamentals_says_why_they_will_or_will_not_come(store: Store):
    """Without fundamentals a checkpoint says what is true of its symbol: a listing SEC does not
    know never gets them; after SEC refused, they come after the pause; else with a refresh."""
    from catalyst_tui.thesis.metrics import observe
    from catalyst_tui.thesis.wording import missing_text

    def why(symbol: str, now: dt.datetime = T0) -> str:
        snap = store.market.snapshot(now, sec_configured=True)
        return missing_text(observe("revenue_q", symbol, snap).missing)

    assert (
        why("ALAB") == "no fundamentals yet for ALAB: not read from SEC EDGAR yet"
        " (a refresh that reaches it reads them)"
    )
    store.market.save_cik_map({"ALAB": "0001736297", "BRK-B": "0001067983"}, T0)
    assert why("SAP.DE").startswith("no fundamentals for SAP.DE: SEC EDGAR lists no such filer")
    assert (
        why("BRK.B") == "no fundamentals yet for BRK.B: not read from SEC EDGAR yet"
        " (a refresh that reaches it reads them)"
    )
    store.providers.record(T0, succeeded=set(), failed={}, refused={"sec": "429"}, requests={})
    paused = why("ALAB")
    assert paused.startswith("no fundamentals yet for ALAB: SEC EDGAR refused the last request")
    assert "asks again after 2026-11-21 " in paused and paused.endswith(" UTC")
    after = why("ALAB", T0 + dt.timedelta(days=2))  # the pause over, the refusal the last word
    assert after == (
        "no fundamentals yet for ALAB: SEC EDGAR could not be asked at 2026-11-21 12:00 UTC"
        " (`catalyst status` says why); catalyst asks again at the next refresh"
    )
    later = T0 + dt.timedelta(days=2)
    store.providers.record(later, succeeded={"sec"}, failed={}, refused={}, requests={})
    assert why("ALAB", later).endswith(
        "not read from SEC EDGAR yet (a refresh that reaches it reads them)"
    )  # SEC answers again


def test_no_quote_after_a_failed_refresh_says_the_failure_not_run_a_refresh(store: Store):
    """A symbol the last refresh could not quote says why (the provider's failure, as the
    header and `catalyst status` say it), not the advice to run the refresh that just failed."""
    from catalyst_tui.market.models import FetchError
    from catalyst_tui.thesis.metrics import observe
    from catalyst_tui.thesis.wording import missing_text

    def why() -> str:
        snap = store.market.snapshot(T0, sec_configured=True)
        return missing_text(observe("price", "ALAB", snap).missing)

    assert why() == "no quote yet for ALAB: run a refresh"
    down = "cannot connect to stooq.com/q/l/: the connection was refused (nothing listens there)"
    failed = QuoteOutcome("ALAB", None, errors=[FetchError("network", down, "stooq", "ALAB")])
    store.market.save_quotes([failed], T0)
    assert (
        why() == f"no quote yet for ALAB: the last refresh could not get one (stooq ALAB: {down})"
    )


def test_a_provider_is_failing_from_its_failure_until_it_answers_again():
    """One rule for "its last try failed" (ProviderHealth.failing_since), read by the snapshot's
    reasons and by the CLI's sentences alike: an answer at the failure's moment or after it
    ends it."""
    from catalyst_tui.store.records import ProviderHealth

    def health(success: dt.datetime | None, failure: dt.datetime | None) -> ProviderHealth:
        return ProviderHealth("sec", success, failure, "HTTP 403", None, 1)

    later = T0 + dt.timedelta(minutes=5)
    assert health(None, None).failing_since is None
    assert health(None, T0).failing_since == T0
    assert health(T0, later).failing_since == later
    assert health(later, T0).failing_since is None
    assert health(T0, T0).failing_since is None


def test_secs_names_are_kept_with_the_map_and_a_map_without_them_is_fetched_again(tmp_path):
    """SEC's name of each company, by its ticker as SEC or a symbol spells it; a database whose
    map was stored before the names were kept forgets when it was fetched (the migration), so
    the next refresh fetches it again, names and all."""
    import sqlite3

    from catalyst_tui.store.migrations.sec_names import V_SEC_NAMES
    from catalyst_tui.store.schema import MIGRATIONS

    with Store.open(tmp_path / "c.db") as store:
        names = {"ALAB": "Astera Labs, Inc.", "BRK-B": "BERKSHIRE HATHAWAY INC"}
        store.market.save_cik_map({"ALAB": "0001736297", "BRK-B": "0001067983"}, T0, names)
        assert store.market.company_name("ALAB") == "Astera Labs, Inc."
        assert store.market.company_name("BRK.B") == "BERKSHIRE HATHAWAY INC"
        assert store.market.company_name("NVDA") == ""
        version = next(i for i, m in enumerate(MIGRATIONS) if m.script == V_SEC_NAMES)
    conn = sqlite3.connect(tmp_path / "c.db", isolation_level=None)
    conn.execute("ALTER TABLE sec_cik DROP COLUMN name")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    with Store.open(tmp_path / "c.db") as store:
        assert store.market.cik_map() == {"ALAB": "0001736297", "BRK-B": "0001067983"}
        assert store.market.company_name("ALAB") == ""
        assert store.market.fetch_states("cik_map") == {}  # due at the next refresh
