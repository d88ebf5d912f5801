"""A year-end milestone in the TUI (Pilot) with a fake clock across its due date and its
quarter's report: on 1 January (ALAB's filings read, its last 10-K among them) its row awaits the
Q4 report and the thesis is not broken; the evening the report is read without evidence, it is
missed and the thesis broken."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from catalyst_tui.config import parse_config
from catalyst_tui.market.models import EarningsDate, Fact
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp

from ...support.pilot import move_to, open_alab, text_of

CONFIG = (
    '[settings]\nproviders = ["stooq"]\ntimezone = "America/New_York"\n'
    '[providers.stooq]\nbase_url = "http://127.0.0.1:9"\n[tickers.ALAB]\n'
    '[[tickers.ALAB.checkpoints]]\nid = "scorpio"\ntitle = "Scorpio becomes the largest line"\n'
    'kind = "milestone"\ndue = 2026-12-31\n'
)
ZONE = zoneinfo.ZoneInfo("America/New_York")
NEW_YEAR = dt.datetime(2027, 1, 1, 15, 0, tzinfo=dt.UTC)
REPORT_EVENING = dt.datetime(2027, 2, 10, 23, 0, tzinfo=dt.UTC)


async def shown_at(config, store: Store, now: dt.datetime) -> tuple[str, str]:
    """The verdict line and the milestone's detail as the ticker page shows them at `now`."""
    workspace = Workspace(config, store, clock=lambda: now, zone=ZONE)
    workspace.evaluate()
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "scorpio")
        verdict = text_of(app, "#ticker-verdict").splitlines()[0]
        return verdict, text_of(app, "#checkpoint-detail")


async def test_the_ticker_page_awaits_the_report_then_misses_it_the_evening_it_is_read(tmp_path):
    config = parse_config(CONFIG)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, now=NEW_YEAR)
        expected = EarningsDate("ALAB", dt.date(2027, 2, 10), "test", False)
        store.market.save_earnings("ALAB", expected, NEW_YEAR)
        fy2025 = Fact(
            "revenue_fy",
            dt.date(2025, 1, 1),
            dt.date(2025, 12, 31),
            1.2e9,
            "USD",
            "10-K",
            dt.date(2026, 2, 12),
            "us-gaap:Revenues",
        )
        store.market.save_facts("ALAB", [fy2025], NEW_YEAR)

        verdict, detail = await shown_at(config, store, NEW_YEAR)
        assert "due passed, awaiting the Q4 FY2026 report (expected 2027-02-10)" in detail
        assert "broken" not in verdict and "0 of 1 checkpoint judged" in verdict

        q4 = Fact(
            "revenue_q",
            dt.date(2026, 10, 1),
            dt.date(2026, 12, 31),
            480e6,
            "USD",
            "8-K",
            dt.date(2027, 2, 10),
            "release",
        )
        store.market.save_facts("ALAB", [fy2025, q4], REPORT_EVENING)
        verdict, detail = await shown_at(config, store, REPORT_EVENING)
        assert "due passed; the Q4 FY2026 report is in without evidence of it" in detail
        assert verdict.startswith("Verdict: broken")
