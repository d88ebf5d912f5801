"""The keys the returns read: a lot's `fees`, a ticker's `dividend_tax` and written
`[[tickers.S.dividends]]`, `[settings] benchmark` and `[groups.NAME] benchmark`; each wrong
value refused at its line."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.config import ConfigError, parse_config
from catalyst_tui.thesis.portfolio.flows import ManualDividend


def issues(text: str) -> list[tuple[int, str, str]]:
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    return [(i.line, i.key, i.message) for i in info.value.issues]


TICKER = """[tickers.MSFT]
name = "Microsoft"
group = "software"
dividend_tax = "15%"
[[tickers.MSFT.lots]]
shares = 10
cost = 240
fees = 1.25
date = 2021-01-04
[[tickers.MSFT.dividends]]
date = 2021-03-11
amount = 4.76
note = "from the statement"
"""


def test_fees_tax_and_written_dividends_are_read() -> None:
    ticker = parse_config(TICKER).tickers["MSFT"]
    assert ticker.lots[0].fees == 1.25
    assert ticker.lots[0].cost_with_fees == pytest.approx(240.125)
    assert ticker.dividend_tax == pytest.approx(0.15)
    assert ticker.dividends == (ManualDividend(dt.date(2021, 3, 11), 4.76, "from the statement"),)


def test_a_tax_may_be_a_fraction() -> None:
    text = TICKER.replace('dividend_tax = "15%"', "dividend_tax = 0.3")
    assert parse_config(text).tickers["MSFT"].dividend_tax == pytest.approx(0.3)


@pytest.mark.parametrize("written", ['"15"', "15", '"lots%"', "-0.1", "true"])
def test_a_tax_that_is_no_share_is_refused_at_its_line(written: str) -> None:
    text = TICKER.replace('"15%"', written)
    ((line, key, message),) = issues(text)
    assert line == 4 and key.endswith("dividend_tax") and '"15%" or 0.15' in message


def test_a_written_dividend_needs_its_day_and_amount() -> None:
    text = TICKER.replace("date = 2021-03-11\n", "").replace("amount = 4.76\n", "amount = -4\n")
    found = issues(text)
    assert any("day it was received" in message for _, _, message in found)
    assert any(key.endswith("amount") for _, key, _ in found)


def test_negative_fees_on_a_lot_are_refused() -> None:
    ((line, key, _),) = issues(TICKER.replace("fees = 1.25", "fees = -1"))
    assert line == 8 and key.endswith("fees")


def test_the_benchmark_is_the_sp500_etf_unless_set_and_a_group_may_name_its_own() -> None:
    plain = parse_config(TICKER)
    assert plain.settings.benchmark == "SPY" and plain.benchmark("software") == "SPY"
    text = '[settings]\nbenchmark = "QQQ"\n[groups.semis]\nbenchmark = "SOXX"\n' + TICKER
    config = parse_config(text)
    assert config.benchmark("semis") == "SOXX"
    assert config.benchmark("software") == "QQQ"


def test_a_benchmark_that_is_no_symbol_is_refused() -> None:
    ((line, key, message),) = issues('[groups.semis]\nbenchmark = "so xx"\n')
    assert line == 2 and key.endswith("benchmark") and "not a ticker symbol" in message
    ((_, key, _),) = issues("[groups.semis]\nindex = 1\n")
    assert key.endswith("index")
