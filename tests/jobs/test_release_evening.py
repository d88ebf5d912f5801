"""The release evening, on a fake clock against the loopback SEC and market servers: a company's
submissions are asked daily, then every 15 minutes from 16:00 New York on its earnings date until
its 8-K with item 2.02 is stored, and no more after; the 8-K's EX-99.1 is read in the refresh that
finds it and the guards flip in the evaluation after it; the scheduler keeps its cycles at least
15 minutes apart while the company is awaited. Nothing here waits for the wall clock."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.jobs.scheduler import ThesisScheduler
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.store import Store
from tests.support.demo_data import ALAB_COMPANYFACTS, companyfacts_as_of
from tests.support.filings_server import NEW_YORK, FilingsServer
from tests.support.market_server import MarketServer
from tests.support.releases import ALAB_GUARDS, AlabQuarter, alab_release

UA = "Catalyst Tests tests@example.com"
DAY = dt.date(2026, 11, 3)  # a Tuesday, ALAB's earnings date
Q2 = AlabQuarter(dt.date(2026, 6, 30), 362_000_000, 96_292_000, 188_240_000, 82_250_000, 0.47, 0.55)
Q3 = AlabQuarter(
    dt.date(2026, 9, 30), 412_300_000, 126_500_000, 204_000_000, 91_000_000, 0.52, 0.61
)
THESIS = ALAB_GUARDS


def loopback_client() -> MarketClient:
    """A refresh's client, with the providers' own rate limits and request bounds."""
    return MarketClient(
        trust_env=False, rate_limits=RATE_LIMITS, bounds=PROVIDER_BOUNDS, backoff_base=0.01
    )


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute), NEW_YORK).astimezone(dt.UTC)


async def evening_watch(config, store: Store, moment: list[dt.datetime]) -> ThesisScheduler:
    """The day as a daemon lives it before results are awaited: the database synced at 09:00,
    a refresh then and at 16:15 (the earnings date learned, the first poll made), and the
    scheduler whose fast watch the evening's test drives on `moment`'s clock."""
    store.sync.apply(config, at(9))
    async with loopback_client() as client:
        for when in (at(9), at(16, 15)):
            moment[0] = when
            await refresh_in_process(config, store, now=lambda: moment[0], client=client)
    return ThesisScheduler(config, store, [], role="test", clock=lambda: moment[0])


@pytest.fixture
def servers() -> Iterator[tuple[MarketServer, FilingsServer]]:
    with MarketServer(symbols=["ALAB"]) as market, FilingsServer() as sec:
        market.earnings["ALAB"] = DAY
        # XBRL as EDGAR served it that day: the quarters to June and the year 2025
        sec.companyfacts["ALAB"] = companyfacts_as_of(
            json.loads(ALAB_COMPANYFACTS.read_text()), DAY
        )
        accepted = dt.datetime(2026, 8, 4, 16, 5, tzinfo=NEW_YORK)
        sec.add_filing(
            "ALAB",
            "8-K",
            accepted,
            items=("2.02", "9.01"),
            exhibits={
                "EX-99.1": ("alab-q2.htm", alab_release(Q2, guide=(385e6, 395e6), fiscal_quarter=2))
            },
        )
        yield market, sec


async def test_submissions_are_asked_every_15_minutes_from_the_close_until_the_8k(
    tmp_path, servers
):
    market, sec = servers
    settings = sec.settings_toml(market.url, UA).replace(
        'notify = ["missed", "evidence"]', 'notify = ["missed", "results"]'
    )
    config = parse_config(settings + THESIS)
    asked: list[tuple[str, int]] = []
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, at(9))
        async with loopback_client() as client:

            async def refresh(moment: dt.datetime) -> None:
                before = len(sec.requests("/submissions/"))
                # The market's quotes say the session's state at the refresh's moment, not at
                # the wall clock's (its REGULAR made the evening look open in New York hours).
                market.now = lambda: moment
                await refresh_in_process(config, store, now=lambda: moment, client=client)
                evaluate_checkpoints(config, store, moment)
                asked.append(
                    (
                        moment.astimezone(NEW_YORK).strftime("%H:%M"),
                        len(sec.requests("/submissions/")) - before,
                    )
                )

            await refresh(at(9))  # the first look: daily, and the earnings date is stored
            assert store.results.earnings_dates(["ALAB"]) == {"ALAB": (DAY,)}
            (q2,) = store.results.releases("ALAB")  # read, quietly: it is months old
            assert q2.results.found and q2.quarter_guide() == (385e6, 395e6)
            for moment in (at(15, 45), at(16), at(16, 10), at(16, 15)):
                await refresh(moment)
            scheduler = ThesisScheduler(config, store, [], role="test")
            assert scheduler.interval_for(at(16, 20)) == 15 * 60  # refresh_closed is 30m

            sec.add_filing(
                "ALAB",
                "8-K",
                at(16, 20),
                items=("2.02", "9.01"),
                exhibits={"EX-99.1": ("alab-q3.htm", alab_release(Q3, guide=(440e6, 450e6)))},
            )
            await refresh(at(16, 30))
            stored = store.results.releases("ALAB")
            assert [r.period_end for r in stored] == [Q3.end, Q2.end]
            statuses = {c.id: c.status for c in store.views.checkpoints("ALAB")}
            # 412.3 against the $385-395M guide's 390; gross margin 285.8 / 412.3 = 69.3%
            assert statuses == {"beats-own-guide": "met", "gross-margin-floor": "missed"}
            for moment in (at(16, 45), at(17), at(20)):
                await refresh(moment)
            assert scheduler.interval_for(at(20)) == 30 * 60
            # one notice, of the new release: the Q2 one, months old, was read quietly
            notices = [n for n in store.outbox.claim("test", at(21)) if n.event is None]
            assert [(n.title, n.body.split("\n")[0]) for n in notices] == [
                (
                    "ALAB results: Q3 FY26",
                    "revenue $412.3M, +5.7% vs the $390M guide · GM 69.3% · next quarter guided "
                    "$440–450M",
                )
            ]

    assert asked == [
        ("09:00", 1),
        ("15:45", 0),
        ("16:00", 1),
        ("16:10", 0),
        ("16:15", 1),
        ("16:30", 1),
        ("16:45", 0),
        ("17:00", 0),
        ("20:00", 0),
    ]
    # each exhibit fetched once, though the refreshes went on
    exhibits = [r.path for r in sec.requests("/Archives/") if r.path.endswith((".htm",))]
    assert sorted(exhibits) == sorted(set(exhibits)) and len(exhibits) == 2


async def test_a_date_the_calendar_moved_on_from_is_awaited_for_a_week_then_not(tmp_path, servers):
    """The 8-K does not come. The next morning the calendar answers no date (or the next
    quarter's): the date that came is kept and still awaited, for a week after its close."""
    market, sec = servers
    config = parse_config(sec.settings_toml(market.url, UA) + THESIS)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, at(9))
        async with loopback_client() as client:

            async def asked(moment: dt.datetime) -> int:
                before = len(sec.requests("/submissions/"))
                await refresh_in_process(config, store, now=lambda: moment, client=client)
                return len(sec.requests("/submissions/")) - before

            assert await asked(at(9)) == 1
            next_day = at(9) + dt.timedelta(days=1)
            market.earnings["ALAB"] = DAY + dt.timedelta(days=91)  # the calendar moved on
            assert await asked(next_day) == 1  # the daily look; the new date is stored
            assert store.results.earnings_dates(["ALAB"]) == {
                "ALAB": (DAY + dt.timedelta(days=91), DAY)
            }
            assert await asked(next_day + dt.timedelta(minutes=20)) == 1  # still awaited
            week = at(16) + dt.timedelta(days=7)
            assert await asked(week - dt.timedelta(minutes=20)) == 1
            assert await asked(week + dt.timedelta(minutes=10)) == 0  # a week after the close


async def test_junk_and_an_8k_without_a_press_release_are_kept_with_why_and_spoil_nothing(
    tmp_path, servers
):
    market, sec = servers
    config = parse_config(sec.settings_toml(market.url, UA) + THESIS)
    junk = "<html>" + "\x00\ufffd<table><tr><td>Revenue</td><td>(((</td></tr>" * 200 + "</html>"
    sec.add_filing(
        "ALAB",
        "8-K",
        at(16, 5) - dt.timedelta(days=20),
        items=("2.02",),
        exhibits={"EX-99.1": ("junk.htm", junk)},
    )
    sec.add_filing("ALAB", "8-K", at(16, 5) - dt.timedelta(days=10), items=("2.02", "9.01"))
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, at(9))
        async with loopback_client() as client:
            report = await refresh_in_process(config, store, now=lambda: at(9), client=client)
        assert report.fresh == {"ALAB"}  # the quotes and the rest of the refresh stand
        found = {r.url.rsplit("/", 1)[1]: r.results for r in store.results.releases("ALAB")}
        assert found["junk.htm"].found is False and found["junk.htm"].reason is not None
        (index,) = [name for name in found if name.endswith("-index.html")]
        assert str(found[index].reason) == "no_exhibit"
        assert found["alab-q2.htm"].found  # the good one beside them
        assert store.results.unread(["ALAB"]) == []  # none of them is fetched again
