"""A metric read from XBRL is one declaration: a row of thesis/catalogue.py with its concepts
(`xbrl=`). Registered for these tests only (`rd_expense`, research and development
expense), it is read from a built XBRL instance (tests/reading/xbrl/built.py) for the filing's
own period, stored with the filing's split, and judged in a checkpoint's `when`; through a
refresh, read from NVIDIA's real 10-K on the loopback SEC. No other file declares it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from catalyst_tui.config import ConfigError, parse_config
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.reading.xbrl import read_segments
from catalyst_tui.store import Store
from catalyst_tui.thesis.catalogue import METRICS, Metric, Source, Unit, xbrl_concepts
from catalyst_tui.thesis.metrics import observe
from catalyst_tui.thesis.observation import MissingCode
from tests.jobs.test_segments import UA, add_10k, first_refresh
from tests.reading.xbrl.built import PRODUCT, QUARTER, context, fact, instance
from tests.support.filings_server import FilingsServer
from tests.support.market_server import MarketServer

NAME = "rd_expense"
RD = "us-gaap:ResearchAndDevelopmentExpense"
REV = "us-gaap:Revenues"
NOW = dt.datetime(2024, 8, 1, 15, tzinfo=dt.UTC)


@pytest.fixture
def registered() -> Iterator[None]:
    METRICS[NAME] = Metric(
        NAME,
        Unit.MONEY,
        Source.LINES,
        "research and development expense",
        "lines.xbrl_figure",
        xbrl=("ResearchAndDevelopmentExpense",),
    )
    yield
    del METRICS[NAME]


def thesis(symbol: str, when: str) -> str:
    return (
        f'[tickers.{symbol}]\nname = "{symbol}"\n'
        f"[[tickers.{symbol}.checkpoints]]\n"
        f'id = "rd"\ntitle = "Spends on R&D"\nkind = "guard"\nwhen = "{when}"\n'
    )


def built(rd_quarter: str, *more: str) -> bytes:
    """A 10-Q instance: revenue of the quarter and the half year, R&D of the quarter
    (`rd_quarter` dollars), of the half year (250M), of one product line (99M, dimensioned)."""
    return instance(
        fact(REV, "c-q", "1000000000")
        + fact(REV, "c-h", "1900000000")
        + fact(RD, "c-q", rd_quarter)
        + fact(RD, "c-h", "250000000")
        + context("q-line", QUARTER, (PRODUCT, "acme:ScorpioMember"))
        + fact(RD, "q-line", "99000000")
        + "".join(more)
    )


def test_a_declared_metric_is_read_for_the_filings_period_and_judged(tmp_path, registered):
    assert "ResearchAndDevelopmentExpense" in xbrl_concepts()
    segments = read_segments(built("123000000"), figures=xbrl_concepts())
    # The quarter's, undimensioned: not the half year's 250M, not the line's 99M.
    assert segments.figures == {"ResearchAndDevelopmentExpense": 123_000_000.0}
    assert segments.total_revenue == 1_000_000_000
    config = parse_config(thesis("ACME", f"{NAME} >= 100M"))
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW)
        store.segments.save("ACME", "0000000001-24-000001", None, segments, NOW)
        (guard,) = evaluate_checkpoints(config, store, NOW)
    assert guard.status == "met"
    assert guard.reason.observed is not None and guard.reason.observed.value == 123_000_000.0


def test_a_figure_stated_twice_differently_is_none_with_its_reason(tmp_path, registered):
    twice = built("123000000", fact(RD, "c-q", "124000000"))
    segments = read_segments(twice, figures=xbrl_concepts())
    assert segments.figures == {} and segments.total_revenue == 1_000_000_000
    config = parse_config(thesis("ACME", f"{NAME} >= 100M"))
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW)
        store.segments.save("ACME", "0000000001-24-000001", None, segments, NOW)
        found = observe(NAME, "ACME", store.market.snapshot(NOW, sec_configured=True))
    assert found.value is None
    assert found.missing is not None and found.missing.code == MissingCode.NOT_REPORTED


def test_without_its_declaration_the_metric_is_unknown_and_not_read():
    assert NAME not in METRICS
    with pytest.raises(ConfigError, match=NAME):
        parse_config(thesis("ACME", f"{NAME} >= 100M"))
    assert read_segments(built("123000000")).figures == {}


async def test_a_refresh_reads_it_from_nvidias_10k(tmp_path, registered):
    with MarketServer(symbols=["NVDA"]) as market, FilingsServer() as sec:
        accession = add_10k(sec)
        config = parse_config(sec.settings_toml(market.url, UA) + thesis("NVDA", f"{NAME} >= 8B"))
        now = dt.datetime(2024, 3, 1, 15, 0, tzinfo=dt.UTC)
        with Store.open(tmp_path / "c.db") as store:
            await first_refresh(config, store, now)
            (split,) = store.segments.of("NVDA")
            snap = store.market.snapshot(now, sec_configured=True)
            found = observe(NAME, "NVDA", snap)
            (guard,) = evaluate_checkpoints(config, store, now)
    # NVIDIA's fiscal 2024 R&D as its 10-K's instance states it (f-58, context c-1): $8,675M.
    assert split.accession == accession
    assert split.figures == {"ResearchAndDevelopmentExpense": 8_675_000_000.0}
    assert found.value == 8_675_000_000.0 and found.period is not None
    assert guard.status == "met"
