"""`catalyst estimates` in process on a real database: the consensus by period, the trend
and the revisions, the forward P/E, the surprises, and a release against the consensus frozen
the day before it (each figure computed here from what was stored); none stored is said, never
a 0; an unknown ticker is refused with the closest ones."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.market.estimates import Consensus, Estimates, Range, Surprise
from catalyst_tui.market.models import EarningsDate, FetchError, Quote, QuoteOutcome
from catalyst_tui.store import Store
from tests.support import cli_inline
from tests.support.releases import AlabQuarter, store_alab_releases

NOW = dt.datetime(2026, 11, 2, 14, tzinfo=dt.UTC)
REPORT = dt.date(2026, 11, 3)
Q3 = AlabQuarter(
    dt.date(2026, 9, 30), 412_300_000, 126_500_000, 204_000_000, 91_000_000, 0.52, 0.61
)
QUARTER = Consensus(
    "0q",
    Q3.end,
    Range(0.58, 0.55, 0.62, 12),
    Range(405e6, 400e6, 411e6, 11),
    (0.58, 0.58, 0.56, 0.55, 0.53),
    2,
    4,
    0,
    1,
)
YEAR = Consensus(
    "0y",
    dt.date(2026, 12, 31),
    Range(1.80, 1.70, 1.95, 14),
    Range(1.6e9, 1.55e9, 1.7e9, 13),
    (1.80, 1.79, 1.71, 1.65, 1.60),
    3,
    8,
    0,
    1,
)
HISTORY = (Surprise(dt.date(2026, 6, 30), 0.55, 0.50, 0.1),)


def catalyst(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """`catalyst estimates ARGS` on `tmp_path`'s files, in this process
    (tests/support/cli_inline.py)."""
    where = ("--db", str(tmp_path / "c.db"), "--config", str(tmp_path / "catalysts.toml"))
    done = cli_inline.run("estimates", *args, *where, env={"COLUMNS": "160"})
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture
def db(tmp_path: Path) -> Path:
    config = tmp_path / "catalysts.toml"
    config.write_text('[tickers.ALAB]\nname = "Astera Labs"\n[tickers.QQQ]\nname = "QQQ"\n')
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(config), NOW)
        quote = Quote("ALAB", 162.0, 160.0, 2.0, 0.0125, "USD", None, NOW, "yahoo")
        store.market.save_quotes(
            [
                QuoteOutcome("ALAB", quote),
                QuoteOutcome("QQQ", None, errors=[FetchError("network", "down", "yahoo", "QQQ")]),
            ],
            NOW,
        )
        day = EarningsDate("ALAB", REPORT, "yahoo", False)
        store.estimates.save(
            "ALAB", Estimates("ALAB", "yahoo", day, None, (QUARTER, YEAR), HISTORY), NOW
        )
        store.estimates.save("QQQ", None, NOW)  # a fund: the provider keeps no estimates
        store_alab_releases(store, [(Q3, (440e6, 450e6), REPORT)], NOW)
    return tmp_path


def test_the_json_gives_every_figure_stored_and_the_release_against_the_street(db: Path):
    done = catalyst(db, "--json")
    assert done.returncode == 0, done.stderr
    alab, qqq = json.loads(done.stdout)
    assert (alab["symbol"], alab["as_of"], alab["source"]) == ("ALAB", "2026-11-02", "yahoo")
    assert alab["forward_pe"] == pytest.approx(162.0 / 1.80)
    assert alab["eps_revision_30d"] == pytest.approx(1.80 / 1.71 - 1)
    assert alab["forward_pe_reason"] is None is alab["eps_revision_30d_reason"]
    q, y = alab["periods"]
    assert q["eps"] == {"average": 0.58, "low": 0.55, "high": 0.62, "analysts": 12}
    assert q["revenue"] == {"average": 405e6, "low": 400e6, "high": 411e6, "analysts": 11}
    assert y["eps_trend"] == {"now": 1.80, "7d": 1.79, "30d": 1.71, "60d": 1.65, "90d": 1.60}
    assert y["revisions"] == {"up_7d": 3, "up_30d": 8, "down_7d": 0, "down_30d": 1}
    assert alab["surprises"] == [
        {"quarter": "2026-06-30", "eps_actual": 0.55, "eps_estimate": 0.50, "surprise": 0.1}
    ]
    (release,) = alab["releases"]
    assert release["revenue"] == 412_300_000 and release["street_revenue"] == 405e6
    assert release["revenue_vs_consensus"] == pytest.approx(412.3 / 405 - 1)
    assert (release["eps"], release["eps_basis"], release["street_eps"]) == (0.61, "non-GAAP", 0.58)
    assert release["eps_vs_consensus"] == pytest.approx(0.61 / 0.58 - 1)
    assert release["consensus_as_of"] == "2026-11-02"
    assert qqq == {
        "symbol": "QQQ",
        "as_of": None,
        "source": None,
        "price": None,
        "forward_pe": None,
        "forward_pe_reason": "no quote yet for QQQ: run a refresh",
        "eps_revision_30d": None,
        "eps_revision_30d_reason": "no estimates of the Street for QQQ yet: they come "
        "with a refresh, once a day, from Yahoo",
        "next_report": None,
        "periods": [],
        "surprises": [],
        "releases": [],
    }


def test_the_tables_say_the_consensus_and_the_release_against_it(db: Path):
    done = catalyst(db, "ALAB")
    assert done.returncode == 0, done.stderr
    assert (
        "ALAB: forward P/E 90.0x, FY EPS revised +5.3% in 30 days (as of 2026-11-02" in done.stdout
    )
    assert "this fiscal year  2026-12-31  1.80  1.70–1.95        14    $1.6B" in done.stdout
    assert "+1.8%" in done.stdout and "+5.2%" in done.stdout  # revenue and EPS vs the Street


def test_an_unknown_ticker_is_refused_with_the_closest(db: Path):
    done = catalyst(db, "ALB")
    assert done.returncode != 0 and "no ticker ALB" in done.stderr and "ALAB" in done.stderr


def test_none_stored_is_said(tmp_path: Path):
    config = tmp_path / "catalysts.toml"
    config.write_text('[tickers.ALAB]\nname = "Astera Labs"\n')
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(config), NOW)
    done = catalyst(tmp_path)
    assert done.returncode == 0 and "no estimates stored yet" in done.stdout
