"""The report day, hour by hour, on a fake clock: a calendar first read at any hour of a company's
report day (New York's) stores that day, and the company is awaited from 16:00 New York until
its 8-K is in, through midnight UTC (20:00 New York in winter, 19:00 in summer) and across a DST
change. Each hour is a first refresh on a new database against the loopback servers."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.config import Config, parse_config
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.jobs.results import awaited
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.store import Store
from tests.jobs.test_release_evening import Q3, THESIS, UA, loopback_client
from tests.support.filings_server import NEW_YORK, FilingsServer
from tests.support.market_server import MarketServer
from tests.support.releases import alab_release

WINTER = dt.date(2026, 11, 3)  # a Tuesday: New York is UTC-5, midnight UTC is 19:00 there
SUMMER = dt.date(2026, 7, 28)  # UTC-4: midnight UTC is 20:00 there
SPRING = dt.date(2026, 3, 8)  # the clocks go forward at 02:00 New York: a 23-hour day


async def refresh_at(
    config: Config, store: Store, client: MarketClient, market: MarketServer, moment: dt.datetime
) -> None:
    """A refresh at `moment`, the market's quotes saying the session's state then."""
    market.now = lambda: moment  # type: ignore[method-assign]
    await refresh_in_process(config, store, now=lambda: moment, client=client)


def hours_of(day: dt.date) -> list[dt.datetime]:
    """Every hour of `day` in New York, 00:00 to 23:00 (past midnight UTC), stepped in UTC: a
    DST day has 23 of them, none repeated or skipped."""
    start = dt.datetime.combine(day, dt.time(0), NEW_YORK).astimezone(dt.UTC)
    end = dt.datetime.combine(day, dt.time(23), NEW_YORK).astimezone(dt.UTC)
    moments = []
    moment = start
    while moment <= end:
        moments.append(moment)
        moment += dt.timedelta(hours=1)
    return moments


@pytest.mark.parametrize("day", [WINTER, SUMMER, SPRING], ids=["winter", "summer", "dst"])
async def test_a_calendar_first_read_at_any_hour_of_the_report_day_awaits_from_the_close(
    tmp_path, day
):
    close = dt.datetime.combine(day, dt.time(16), NEW_YORK)
    seen: list[tuple[str, tuple[dt.date, ...], bool]] = []
    with MarketServer(symbols=["ALAB"]) as market, FilingsServer() as sec:
        market.earnings["ALAB"] = day  # Yahoo's stamp: 20:30 UTC on the day, 15:30/16:30 NY
        config = parse_config(sec.settings_toml(market.url, UA) + THESIS)
        async with loopback_client() as client:
            for n, moment in enumerate(hours_of(day)):
                with Store.open(tmp_path / f"{n}.db") as store:
                    store.sync.apply(config, moment)
                    await refresh_at(config, store, client, market, moment)
                    dates = store.results.earnings_dates(["ALAB"]).get("ALAB", ())
                    waiting = awaited(store, ["ALAB"], moment) == ["ALAB"]
                seen.append((moment.astimezone(NEW_YORK).isoformat(), dates, waiting))
    # the report day is stored at every hour of it
    assert [when for when, dates, _ in seen if day not in dates] == []
    # awaited from the close on: through midnight UTC, 19:00/20:00 New York
    assert [when for when, _, waiting in seen if waiting] == [
        when for when, _, _ in seen if dt.datetime.fromisoformat(when) >= close
    ]
    # 16:00 to 23:00: 8 hours of 24 (of 23 on the spring DST day)
    assert sum(waiting for *_, waiting in seen) == 8
    assert len(seen) == (23 if day == SPRING else 24)


async def test_the_evening_after_midnight_utc_polls_every_15_minutes_until_the_8k(tmp_path):
    """A refresh at 19:30 New York (00:30 UTC the next day in winter), the calendar first read
    then: SEC's submissions are asked, and again every 15 minutes, until the 8-K is stored."""
    day = WINTER

    def at(hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), NEW_YORK).astimezone(dt.UTC)

    with MarketServer(symbols=["ALAB"]) as market, FilingsServer() as sec:
        market.earnings["ALAB"] = day
        config = parse_config(sec.settings_toml(market.url, UA) + THESIS)
        asked = []
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config, at(19, 30))
            async with loopback_client() as client:
                after = at(23, 59) + dt.timedelta(hours=2)  # 01:59 New York, the next day
                for moment in (at(19, 30), at(19, 40), at(19, 45), at(20, 0), at(20, 15)):
                    before = len(sec.requests("/submissions/"))
                    await refresh_at(config, store, client, market, moment)
                    asked.append(len(sec.requests("/submissions/")) - before)
                    assert awaited(store, ["ALAB"], moment) == ["ALAB"]
                sec.add_filing(
                    "ALAB",
                    "8-K",
                    at(20, 20),
                    items=("2.02", "9.01"),
                    exhibits={"EX-99.1": ("alab-q3.htm", alab_release(Q3, guide=(440e6, 450e6)))},
                )
                for moment in (at(20, 30), at(20, 45), after):
                    before = len(sec.requests("/submissions/"))
                    await refresh_at(config, store, client, market, moment)
                    asked.append(len(sec.requests("/submissions/")) - before)
                assert awaited(store, ["ALAB"], after) == []
                assert [r.period_end for r in store.results.releases("ALAB")] == [Q3.end]
    assert at(19, 30).date() == day + dt.timedelta(days=1)  # past midnight UTC
    assert asked == [1, 0, 1, 1, 1, 1, 0, 0]  # the 8-K found at 20:30: no more
