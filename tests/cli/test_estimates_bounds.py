"""The Street's figures at their bounds, through `catalyst estimates --json` and `catalyst check`
on a real database: Yahoo's answers (its quoteSummary shape, read by the real parser) of no
analyst (figures filled with 0.00), of one analyst, of a negative count, and of a consensus next
to zero (1e-300, 5e-324). Neither command gives a forward P/E or a revision of them: JSON says
null with the reason, a guard on either stays pending with the same reason.

The commands run in the test's own process (tests/support/cli_inline.py): what they print,
exit with and store is what is tested, not the process."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.market.models import Quote, QuoteOutcome
from catalyst_tui.market.yahoo.estimates import parse_estimates
from catalyst_tui.store import Store
from tests.support import cli_inline
from tests.support.street import modules, trend_row

NOW = dt.datetime(2026, 11, 2, 14, tzinfo=dt.UTC)
FY_END = dt.date(2026, 12, 31)
PRICE = 162.0
#: symbol -> (EPS consensus, its count of analysts, the EPS trend now and 30 days ago)
YEARS = {
    "ZERO": (0.0, 0, (0.0, 0.0)),  # Yahoo's estimate of no analyst
    "ONE": (2.0, 1, (2.0, 1.5)),  # one analyst, who moved up
    "NEG": (2.0, -3, (2.0, 1.9)),  # a count below zero: bad data
    "TINY": (1e-300, 20, (1e-300, 1e-300)),
    "DENORM": (5e-324, 20, (5e-324, 5e-324)),
    "OK": (1.80, 14, (1.80, 1.71)),
}
GUARDS = ("forward_pe <= 200", "eps_revision_30d >= 0%")


def answer(symbol: str) -> str:
    eps, analysts, (now, then) = YEARS[symbol]
    row = trend_row(
        "0y",
        FY_END,
        (eps, eps, eps, analysts),
        (1e9, 1e9, 1e9, 10),
        (now, now, then, then, then),
        (1, 1, 0, 0),
    )
    return json.dumps({"quoteSummary": {"result": [modules([row], [])], "error": None}})


def catalyst(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """`catalyst ARGS` on `tmp_path`'s files, in this process (tests/support/cli_inline.py)."""
    where = ("--db", str(tmp_path / "c.db"), "--config", str(tmp_path / "catalysts.toml"))
    done = cli_inline.run(*args, *where, env={"COLUMNS": "160"})
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    return done


@pytest.fixture
def db(tmp_path: Path) -> Path:
    config = tmp_path / "catalysts.toml"
    config.write_text(
        "".join(
            f'[tickers.{s}]\nname = "{s}"\n'
            + "".join(
                f'[[tickers.{s}.checkpoints]]\nid = "g{i}"\ntitle = "guard"\nkind = "guard"\n'
                f'when = "{when}"\n'
                for i, when in enumerate(GUARDS)
            )
            for s in YEARS
        )
    )
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(config), NOW)
        store.market.save_quotes(
            [
                QuoteOutcome(s, Quote(s, PRICE, 160.0, 2.0, 0.0125, "USD", None, NOW, "yahoo"))
                for s in YEARS
            ],
            NOW,
        )
        for symbol in YEARS:
            store.estimates.save(symbol, parse_estimates(answer(symbol), symbol, NOW.date()), NOW)
    return tmp_path


def test_no_consensus_of_none_or_one_analyst_nor_a_ratio_next_to_zero(db: Path):
    done = catalyst(db, "estimates", "--json")
    assert done.returncode == 0, done.stderr
    rows = {r["symbol"]: r for r in json.loads(done.stdout)}
    assert rows["OK"]["forward_pe"] == pytest.approx(PRICE / 1.80)
    assert rows["OK"]["eps_revision_30d"] == pytest.approx(1.80 / 1.71 - 1)
    assert rows["OK"]["forward_pe_reason"] is None is rows["OK"]["eps_revision_30d_reason"]
    (zero,) = rows["ZERO"]["periods"]
    assert zero["eps"] == {"average": None, "low": None, "high": None, "analysts": 0}
    (one,) = rows["ONE"]["periods"]  # one analyst's figure is no consensus: its count alone
    assert one["eps"] == {"average": None, "low": None, "high": None, "analysts": 1}
    (negative,) = rows["NEG"]["periods"]
    assert negative["eps"]["average"] is None
    few = "the fiscal year's EPS consensus of {} is of {}: too few"
    reasons = {
        s: (
            r["forward_pe"],
            r["forward_pe_reason"],
            r["eps_revision_30d"],
            r["eps_revision_30d_reason"],
        )
        for s, r in rows.items()
    }
    assert reasons["ZERO"] == (
        None,
        few.format("ZERO", "0 analysts"),
        None,
        few.format("ZERO", "0 analysts"),
    )
    assert reasons["ONE"] == (
        None,
        few.format("ONE", "1 analyst"),
        None,
        few.format("ONE", "1 analyst"),
    )
    assert reasons["NEG"][0] is None and reasons["NEG"][2] is None
    assert reasons["NEG"][1] == "no consensus of the Street for the fiscal year's EPS of NEG"
    for symbol in ("TINY", "DENORM"):
        assert rows[symbol]["forward_pe"] is None
        assert rows[symbol]["forward_pe_reason"].startswith(
            f"forward P/E is undefined: the fiscal-year EPS consensus of {symbol} is "
        ), rows[symbol]["forward_pe_reason"]
        assert "inf" not in done.stdout.lower()


def test_a_guard_on_them_stays_pending_with_the_same_reason(db: Path):
    estimates = {r["symbol"]: r for r in json.loads(catalyst(db, "estimates", "--json").stdout)}
    done = catalyst(db, "check", "--json")
    rows = {(r["symbol"], r["id"]): r for r in json.loads(done.stdout)}
    assert rows[("OK", "g0")]["status"] == "met" and rows[("OK", "g1")]["status"] == "met"
    for symbol in ("ZERO", "ONE", "NEG", "TINY", "DENORM"):
        pe, moved = rows[(symbol, "g0")], rows[(symbol, "g1")]
        assert (pe["status"], pe["value"]) == ("pending", None), pe
        assert pe["reason"] == estimates[symbol]["forward_pe_reason"]
        if symbol in ("ZERO", "ONE", "NEG"):
            assert (moved["status"], moved["value"]) == ("pending", None), moved
            assert moved["reason"] == estimates[symbol]["eps_revision_30d_reason"]


def test_the_reason_names_a_consensus_next_to_zero_as_it_is(db: Path):
    rows = {r["symbol"]: r for r in json.loads(catalyst(db, "estimates", "--json").stdout)}
    assert rows["TINY"]["forward_pe_reason"] == (
        "forward P/E is undefined: the fiscal-year EPS consensus of TINY is 1e-300, too near zero"
    )
    assert rows["DENORM"]["forward_pe_reason"].endswith("is 4.94e-324, too near zero")
