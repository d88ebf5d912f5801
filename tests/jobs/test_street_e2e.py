"""The Street's view end to end, on a fake clock against the loopback market (Yahoo's
quoteSummary answering earningsTrend and earningsHistory in Yahoo's shape: tests/support/
street.py) and the loopback SEC: the estimates are asked once a symbol a day, in one request that
also gives the earnings date; the consensus of the day before the report is frozen (the
report's own day does not move it); the release that evening is compared with it, the guards
flip, and the notification names the guide and the Street. Then the faults: a crumb that cannot
be had and a 429 for quoteSummary leave the quotes coming. Nothing waits for the wall clock."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterator

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import FetchKind
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.store import Store
from tests.support.demo_data import ALAB_COMPANYFACTS, BUNDLED_CONFIG, companyfacts_as_of
from tests.support.filings_server import NEW_YORK, FilingsServer
from tests.support.market_server import MarketServer
from tests.support.releases import AlabQuarter, alab_release
from tests.support.street import history_row, modules, trend_row

UA = "Catalyst Tests tests@example.com"
DAY = dt.date(2026, 11, 3)  # a Tuesday, ALAB's earnings date
Q2 = AlabQuarter(dt.date(2026, 6, 30), 362_000_000, 96_292_000, 188_240_000, 82_250_000, 0.47, 0.55)
Q3 = AlabQuarter(
    dt.date(2026, 9, 30), 412_300_000, 126_500_000, 204_000_000, 91_000_000, 0.52, 0.61
)
Q4_END = dt.date(2026, 12, 31)
THESIS = """
[tickers.ALAB]
name = "Astera Labs"

[[tickers.ALAB.checkpoints]]
id = "beats-the-street"
title = "Beats the Street's revenue consensus"
kind = "guard"
when = "revenue_vs_consensus >= 0%"

[[tickers.ALAB.checkpoints]]
id = "revised-up"
title = "The Street keeps revising up"
kind = "guard"
when = "eps_revision_30d >= 0%"
"""


def street(end: dt.date, eps: float, revenue: float, year_now: float, year_30d: float) -> dict:
    """ALAB's modules as Yahoo would answer them on a day: this quarter (ending `end`), the
    fiscal year with its EPS consensus now and 30 days ago, and one past surprise."""
    trend = [
        trend_row(
            "0q",
            end,
            (eps, eps - 0.04, eps + 0.05, 12),
            (revenue, revenue * 0.98, revenue * 1.02, 11),
        ),
        trend_row(
            "0y",
            Q4_END,
            (year_now, year_now - 0.1, year_now + 0.2, 14),
            (1.6e9, 1.55e9, 1.7e9, 13),
            (year_now, year_now, year_30d, year_30d, 1.7),
            (1, 4, 0, 1),
        ),
    ]
    history = [history_row(Q2.end, 0.55, 0.50, 0.1)]
    return modules(trend, history, calendar={"earningsAverage": eps, "revenueAverage": revenue})


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), NEW_YORK).astimezone(dt.UTC)


@pytest.fixture
def servers() -> Iterator[tuple[MarketServer, FilingsServer]]:
    with MarketServer(symbols=["ALAB"]) as market, FilingsServer() as sec:
        market.earnings["ALAB"] = DAY
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


def loopback_client() -> MarketClient:
    return MarketClient(
        trust_env=False, rate_limits=RATE_LIMITS, bounds=PROVIDER_BOUNDS, backoff_base=0.01
    )


async def test_the_consensus_is_frozen_before_the_report_and_the_release_compared(
    tmp_path, servers
):
    market, sec = servers
    settings = sec.settings_toml(market.url, UA).replace(
        'notify = ["missed", "evidence"]', 'notify = ["missed", "results"]'
    )
    config = parse_config(settings + THESIS)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, at(DAY, 9))
        async with loopback_client() as client:

            async def refresh(moment: dt.datetime) -> int:
                """The quoteSummary requests the refresh made."""
                before = len(market.requests_for(endpoint="quoteSummary"))
                market.now = lambda: moment
                report = await refresh_in_process(config, store, now=lambda: moment, client=client)
                assert report.all_fresh, report.notes
                evaluate_checkpoints(config, store, moment)
                return len(market.requests_for(endpoint="quoteSummary")) - before

            def statuses() -> dict[str, str]:
                return {c.id: c.status for c in store.views.checkpoints("ALAB")}

            two_before = DAY - dt.timedelta(days=2)
            market.street["ALAB"] = street(Q3.end, 0.50, 400e6, 1.90, 1.80)
            assert await refresh(at(two_before, 9)) == 1  # estimates and the date in one
            assert await refresh(at(two_before, 9, 30)) == 0  # once a day
            assert store.results.earnings_dates(["ALAB"]) == {"ALAB": (DAY,)}
            # (1.90 - 1.80) / 1.80 >= 0; no release compared with the Street yet
            assert statuses() == {"beats-the-street": "pending", "revised-up": "met"}

            market.street["ALAB"] = street(Q3.end, 0.58, 405e6, 1.85, 1.90)
            assert await refresh(at(DAY - dt.timedelta(days=1), 9)) == 1
            assert statuses()["revised-up"] == "missed"  # (1.85 - 1.90) / 1.90 < 0
            market.street["ALAB"] = street(Q3.end, 0.60, 409e6, 1.85, 1.90)  # the day itself
            assert await refresh(at(DAY, 9)) == 1

            sec.add_filing(
                "ALAB",
                "8-K",
                at(DAY, 16, 20),
                items=("2.02", "9.01"),
                exhibits={"EX-99.1": ("alab-q3.htm", alab_release(Q3, guide=(440e6, 450e6)))},
            )
            assert await refresh(at(DAY, 16, 30)) == 0
            # 412.3 against the 405 frozen the day before (not the 409 of the day itself)
            assert statuses()["beats-the-street"] == "met"
            (frozen,) = store.estimates.of("ALAB").frozen  # type: ignore[union-attr]
            assert (frozen.report, frozen.period_end, frozen.revenue, frozen.eps, frozen.as_of) == (
                DAY,
                Q3.end,
                405e6,
                0.58,
                DAY - dt.timedelta(days=1),
            )
            notices = [n for n in store.outbox.claim("test", at(DAY, 21)) if n.event is None]
            assert [(n.title, n.body.split("\n")[0]) for n in notices] == [
                (
                    "ALAB results: Q3 FY26",
                    "revenue $412.3M, +5.7% vs the $390M guide, +1.8% vs Street · EPS 0.61, +5.2% "
                    "vs Street · GM 69.3% · next quarter guided $440–450M",
                )
            ]

            # The next morning the module is on the next quarter; the frozen one stays.
            market.earnings["ALAB"] = DAY + dt.timedelta(days=91)
            market.street["ALAB"] = street(Q4_END, 0.66, 446e6, 1.95, 1.85)
            assert await refresh(at(DAY + dt.timedelta(days=1), 9)) == 1
            stored = store.estimates.of("ALAB")
            assert stored is not None
            assert [(f.report, f.revenue) for f in stored.frozen] == [
                (DAY, 405e6),
                (DAY + dt.timedelta(days=91), 446e6),
            ]
            assert statuses() == {"beats-the-street": "met", "revised-up": "met"}
    # One request a day asked every module; none asked for calendarEvents alone.
    asked = {r.query["modules"][0] for r in market.requests_for(endpoint="quoteSummary")}
    assert asked == {"calendarEvents,earningsTrend,earningsHistory"}


@pytest.mark.parametrize("fault", ["getcrumb", "quoteSummary"])
async def test_no_crumb_or_a_429_for_quote_summary_leaves_the_quotes_coming(
    tmp_path, servers, fault
):
    market, sec = servers
    config = parse_config(sec.settings_toml(market.url, UA) + THESIS)
    market.street["ALAB"] = street(Q3.end, 0.50, 400e6, 1.90, 1.80)
    market.inject("rate_limit", endpoint=fault)
    moment = at(DAY - dt.timedelta(days=2), 9)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, moment)
        async with loopback_client() as client:
            for minutes in (0, 30):
                now = moment + dt.timedelta(minutes=minutes)
                clock = functools.partial(lambda at: at, now)
                market.now = clock
                report = await refresh_in_process(config, store, now=clock, client=client)
                assert report.fresh == {"ALAB"}, report.notes  # the quote came
                assert store.estimates.of("ALAB") is None
            assert "yahoo" not in store.providers.paused(now)  # its quotes are not paused
            asked = len(market.requests_for(endpoint="quoteSummary"))
            assert asked <= 3  # the first refresh's tries (no calendar asked after the refusal);
            # the refresh 30 minutes on asked none
            market.clear_faults()
            later = moment + dt.timedelta(minutes=61)  # the pause is over
            market.now = lambda: later
            await refresh_in_process(config, store, now=lambda: later, client=client)
            assert store.estimates.of("ALAB") is not None
            state = store.market.fetch_states(FetchKind.ESTIMATES)["ALAB"]
            assert state.ok


def bundled_street_guards() -> str:
    """ALAB's guards on the Street as the bundled catalysts.toml writes them (their thresholds
    are the thesis's own: revisions not turned down, the forward P/E at most 200x)."""
    bundled = parse_config(BUNDLED_CONFIG.read_text())
    street = ("eps_revision_30d", "forward_pe")
    guards = [
        c
        for c in bundled.tickers["ALAB"].checkpoints
        if c.when is not None and c.when.metric in street
    ]
    assert [c.when.text for c in guards if c.when] == [
        "eps_revision_30d >= 0%",
        "forward_pe <= 200",
    ]
    return "\n".join(
        f'[[tickers.ALAB.checkpoints]]\nid = "{c.id}"\ntitle = "{c.title}"\nkind = "guard"\n'
        f'when = "{c.when.text if c.when else ""}"\n'
        for c in guards
    )


async def test_the_bundled_theses_street_guards_flip_when_the_estimates_turn(tmp_path):
    """The Street revising up with the stock at 100x this year's EPS consensus: both guards
    hold; the next day the consensus is cut and the stock is at 400x it: both are missed."""
    with MarketServer(symbols=["ALAB"]) as market:
        config = parse_config(
            f'[settings]\nproviders = ["yahoo"]\nnotify = ["missed"]\n\n[providers.yahoo]\n'
            f'base_url = "{market.url}"\ncookie_url = "{market.url}/fc"\n\n'
            f'[tickers.ALAB]\nname = "Astera Labs"\n\n{bundled_street_guards()}'
        )
        first, second = DAY - dt.timedelta(days=2), DAY - dt.timedelta(days=1)
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config, at(first, 9))

            async def refresh(day: dt.date, eps: float, eps_30d: float) -> dict[str, object]:
                """The day's refresh with this fiscal year's EPS consensus at `eps`, `eps_30d`
                30 days ago; each guard's (status, value) after its evaluation."""
                market.street["ALAB"] = street(Q3.end, 0.5, 400e6, eps, eps_30d)
                moment = at(day, 17)
                market.now = lambda: moment  # type: ignore[method-assign]
                async with loopback_client() as client:
                    report = await refresh_in_process(
                        config, store, now=lambda: moment, client=client
                    )
                assert report.all_fresh, report.notes
                evaluate_checkpoints(config, store, moment)
                return {c.id: (c.status, c.value) for c in store.views.checkpoints("ALAB")}

            def price() -> float:
                last = store.market.last_quotes(["ALAB"])["ALAB"]
                assert last.quote is not None
                return last.quote.price

            eps = round(market.close("ALAB", first) / 100, 4)  # about 100x
            held = await refresh(first, eps, eps * 0.95)
            assert held == {
                "street-revises-up": ("met", pytest.approx(1 / 0.95 - 1)),
                "forward-pe-ceiling": ("met", pytest.approx(price() / eps)),
            }
            assert price() / eps < 200
            cut = round(market.close("ALAB", second) / 400, 4)  # about 400x
            turned = await refresh(second, cut, cut * 1.1)
            assert turned == {
                "street-revises-up": ("missed", pytest.approx(1 / 1.1 - 1)),
                "forward-pe-ceiling": ("missed", pytest.approx(price() / cut)),
            }
            assert price() / cut > 200
            assert {c.id for c in store.views.checkpoints("ALAB") if c.flagged} == {
                "street-revises-up",
                "forward-pe-ceiling",
            }
