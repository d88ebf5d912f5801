"""A verdict computed from stale data says since when: real refreshes against the loopback market
(Yahoo's and SEC EDGAR's own formats) on a fake clock, SEC answering on the 20th and failing
(HTTP 500) from the 21st; `review` (lines and JSON), the report, the watchlist's Verdict column
with its status line, and the ticker page say the verdict is from the data of the 20th, SEC
failing since the 21st; until SEC answers again."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import zoneinfo
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from catalyst_tui.cli.output.review import review_json, review_lines
from catalyst_tui.config import load_config
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.widgets.watchlist.cells import COLUMNS
from catalyst_tui.views.report import load_report
from catalyst_tui.views.review import load_review
from catalyst_tui.views.watchlist import load_watchlist

from ..support import scenes
from ..support.market_server import MarketServer
from ..support.pilot import rows, text_of

D20 = dt.datetime(2026, 11, 20, 21, 0, tzinfo=dt.UTC)
D21 = D20 + dt.timedelta(days=1)
D22 = D21 + dt.timedelta(days=1)
SAID = "from data of 2026-11-20 (sec failing, last tried 2026-11-21)"


def thesis(url: str) -> str:
    """ALAB reads SEC (its gross margin) and its quote (a floor it holds); MU reads its quote
    alone: SEC failing leaves its verdict fresh."""
    return f"""[settings]
providers = ["yahoo"]
[providers.yahoo]
base_url = "{url}"
cookie_url = "{url}/fc"
[providers.sec]
base_url = "{url}"
tickers_url = "{url}/files/company_tickers.json"
archives_url = "{url}"
user_agent = "Test test@example.com"
[tickers.ALAB]
[[tickers.ALAB.checkpoints]]
id = "gm"
title = "Gross margin"
kind = "guard"
when = "gross_margin >= 1%"
[[tickers.ALAB.checkpoints]]
id = "floor"
title = "Price floor"
kind = "guard"
when = "price >= 1"
[tickers.MU]
[[tickers.MU.checkpoints]]
id = "floor"
title = "Price floor"
kind = "guard"
when = "price >= 1"
"""


@pytest.fixture
def market() -> Iterator[MarketServer]:
    with MarketServer(["ALAB", "MU"]) as server:
        yield server


async def refresh(config, store: Store, now: dt.datetime) -> None:
    """A refresh at `now`, then the evaluation after it, as the scheduler runs them."""
    async with MarketClient(
        trust_env=False, rate_limits=RATE_LIMITS, bounds=PROVIDER_BOUNDS, backoff_base=0.01
    ) as client:
        await refresh_in_process(config, store, now=lambda: now, client=client)
    evaluate_checkpoints(config, store, now)


@pytest.fixture
async def failing(tmp_path: Path, market: MarketServer):
    """SEC answered the refresh of the 20th and fails from the 21st's on."""
    (tmp_path / "catalysts.toml").write_text(thesis(market.url))
    config = load_config(tmp_path / "catalysts.toml")
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(config, D20 - dt.timedelta(days=1))
    await refresh(config, store, D20)
    market.inject("http500", provider="sec")
    await refresh(config, store, D21)
    yield config, store
    store.close()


async def test_review_and_its_json_say_the_verdict_is_from_the_data_of_the_day_sec_answered(
    failing,
):
    _config, store = failing
    review = load_review(store)
    alab, mu = review.tickers
    assert alab.verdict.verdict == "proven"  # both guards holding on the 20th's figures
    assert alab.stale is not None and alab.stale.since == D20  # nothing renewed after it
    assert mu.stale is None  # its quote is renewed; it reads nothing from SEC
    lines = review_lines(review)
    assert lines[0] == f"ALAB     proven  since 2026-11-20 — {SAID}  (2 of 2 checkpoints judged)"
    assert not any("failing" in line for line in lines if line.startswith("MU"))
    as_json = {t["symbol"]: t for t in review_json(review)["tickers"]}
    assert as_json["ALAB"]["stale_since"] == "2026-11-20T21:00:00+00:00"  # its data's moment
    assert as_json["ALAB"]["stale"] == SAID
    assert as_json["MU"]["stale_since"] is None and as_json["MU"]["stale"] is None


async def test_catalyst_review_says_it_in_its_lines_and_its_json(failing, tmp_path: Path):
    """The same, through the command: `catalyst review` and `review --json` on the file and the
    database the refreshes wrote."""
    args = ["--config", str(tmp_path / "catalysts.toml"), "--db", str(tmp_path / "c.db")]
    env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost", "COLUMNS": "400"}

    def catalyst(*more: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "catalyst_tui.cli", *args, *more],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert f"ALAB     proven  since 2026-11-20 — {SAID}" in catalyst("review")
    tickers = {t["symbol"]: t for t in json.loads(catalyst("review", "--json"))["tickers"]}
    assert tickers["ALAB"]["stale_since"] == "2026-11-20T21:00:00+00:00"
    assert tickers["MU"]["stale_since"] is None


async def test_the_report_says_it_under_its_verdict(failing):
    _config, store = failing
    report = load_report(store, "ALAB", D21, D21.date(), "USD")
    assert report.verdict[0] == f"proven since 2026-11-20 — {SAID}"


async def test_sec_answering_again_makes_it_fresh(failing, market: MarketServer):
    config, store = failing
    market.clear_faults()
    await refresh(config, store, D22)
    assert [t.stale for t in load_review(store).tickers] == [None, None]


async def test_a_quote_the_refresh_failed_to_renew_is_stale_data_since_its_provider_failed(
    failing, market: MarketServer
):
    """Yahoo failing too on the 22nd: MU's verdict is from its quote of the 21st."""
    config, store = failing
    market.inject("http500", provider="yahoo")
    await refresh(config, store, D22)
    alab, mu = load_review(store).tickers
    assert mu.stale is not None
    assert mu.stale.sources == (("yahoo", D22),)
    assert (mu.stale.since, mu.stale.data_of) == (D21, D21.date())
    # ALAB: SEC's data of the 20th first, then its quote of the 21st; each last tried the 22nd
    assert alab.stale is not None
    assert alab.stale.sources == (("sec", D22), ("yahoo", D22))
    assert (alab.stale.since, alab.stale.data_of) == (D20, D20.date())
    assert review_lines(load_review(store))[0].endswith(
        "from data of 2026-11-20 (sec failing, last tried 2026-11-22; yahoo failing, last tried"
        " 2026-11-22)  (2 of 2 checkpoints judged)"
    )


async def test_the_watchlist_judges_staleness_from_the_quotes_its_rows_read_as_review_does(
    failing, market: MarketServer
):
    """The watchlist's read judges its verdicts from the quotes its rows read (not read twice:
    views/watchlist.py); `review` reads the stale quotes itself. Both say the same, Yahoo
    failing too: MU's from its quote of the 21st, ALAB's from SEC's data of the 20th."""
    config, store = failing
    market.inject("http500", provider="yahoo")
    await refresh(config, store, D22)
    said = {t.verdict.symbol: t.stale for t in load_review(store).tickers}
    rows = {r.symbol: r.verdict_stale for r in load_watchlist(store, D22.date()).rows}
    assert rows == said
    assert rows["MU"] is not None and rows["MU"].since == D21
    assert rows["ALAB"] is not None and rows["ALAB"].since == D20


async def test_the_watchlist_marks_the_verdict_and_the_ticker_page_says_since_when(failing):
    config, store = failing
    workspace = Workspace(config, store, clock=lambda: D21, zone=zoneinfo.ZoneInfo("UTC"))
    app = CatalystApp(workspace, live=False, watch_file=False)
    verdict = [key for key, _ in COLUMNS].index("verdict")
    async with app.run_test(size=(160, 36)) as pilot:
        await scenes.watchlist(pilot)
        cells = {r[0]: r[verdict] for r in rows(app)}
        assert cells == {"ALAB": "proven* 2/2", "MU": "proven 1/1"}
        status = text_of(app, "#status-line")
        assert f"* ALAB verdict {SAID}" in status
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen) and app.screen.symbol == "ALAB"
        first = text_of(app, "#ticker-verdict").splitlines()[0]
        assert first.startswith(
            f"Verdict: proven since 2026-11-20 — {SAID} · 2 of 2 checkpoints judged"
        )
        assert app.screen.query_one("#ticker-verdict", Static).display
