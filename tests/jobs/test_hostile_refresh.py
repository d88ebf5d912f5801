"""Hostile answers, second round: a refresh against the loopback market and EDGAR where one row of
an answer is bad (a lone surrogate, a date no clock holds, a price no market quotes) keeps that
row's harm to itself: every other quote, filing, headline and checkpoint is stored and judged."""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalyst_tui.config import Config, load_config, parse_config
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import YahooSession
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.store import Store
from tests.support.filings_server import FilingsServer
from tests.support.limits import ClientLimits
from tests.support.market_server import MarketServer, Reply

from .test_refresh import write_config

LIMITS: ClientLimits = {"rate_limits": RATE_LIMITS, "bounds": PROVIDER_BOUNDS}
UA = "Catalyst Tests tests@example.com"
SYMBOLS = ("ALAB", "CRDO", "NVDA", "TSLA")
NOW = dt.datetime.now(dt.UTC)
# JSON text spelling a lone UTF-16 surrogate: Python decodes it, UTF-8 (SQLite, a log) can't hold it
LONE = "\\ud800"


@pytest.fixture
def servers() -> Iterator[tuple[MarketServer, FilingsServer]]:
    with MarketServer(symbols=SYMBOLS) as market, FilingsServer() as sec:
        yield market, sec


def thesis(market: MarketServer, sec: FilingsServer, extra: str = "") -> Config:
    """The four tickers; ALAB's checkpoint reads evidence (its filings' documents, its news)."""
    tickers = "".join(f"[tickers.{s}]\n" for s in SYMBOLS if s != "ALAB")
    return parse_config(
        sec.settings_toml(market.url, UA)
        + tickers
        + """
[tickers.ALAB]
[[tickers.ALAB.checkpoints]]
id = "scorpio"
title = "Scorpio X ramps"
kind = "milestone"
due = 2099-12-31
evidence = ['"Scorpio X"']
"""
        + extra
    )


async def refresh(store: Store, config: Config, **kwargs: object):
    async with MarketClient(trust_env=False, **LIMITS, backoff_base=0.01) as client:
        return await refresh_in_process(config, store, client=client, **kwargs)  # type: ignore[arg-type]


def rows(db: Path, sql: str, *args: object) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def chart_error(description: str):
    def rewrite(reply: Reply) -> Reply:
        body = '{"chart":{"result":null,"error":{"code":"Not Found","description":"%s"}}}'
        return Reply(404, body % description)

    return rewrite


# --- class 1: lone surrogates ---------------------------------------------------------------------


async def test_a_lone_surrogate_in_a_yahoo_error_loses_no_other_quote(tmp_path, servers):
    """Yahoo's error text for CRDO spells "\\ud800": it was kept in the FetchError, SQLite could
    not bind it, and the transaction of the whole quote batch failed, good quotes included."""
    market, sec = servers
    market.getcrumb_body = "Too Many Requests"  # no crumb: one chart per symbol
    market.inject(
        "rewrite",
        provider="yahoo",
        endpoint="chart",
        symbol="CRDO",
        rewrite=chart_error(f"No data found {LONE} here"),
    )
    config = thesis(market, sec)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        report = await refresh(store, config)
        assert report.fresh == {"ALAB", "NVDA", "TSLA"}
        crdo = store.market.last_quotes(["CRDO"])["CRDO"]
        assert crdo.error is not None and "No data found \ufffd here" in crdo.error
    fresh = rows(tmp_path / "c.db", "SELECT symbol FROM quotes WHERE stale = 0 ORDER BY 1")
    assert fresh == [("ALAB",), ("NVDA",), ("TSLA",)]


async def test_a_lone_surrogate_in_one_submissions_row_keeps_the_companys_filings(
    tmp_path, servers
):
    market, sec = servers
    sec.add_filing("ALAB", "8-K", NOW - dt.timedelta(days=3), items=("8.01",))
    sec.add_filing(
        "ALAB",
        "10-Q",
        NOW - dt.timedelta(days=2),
        raw={"primaryDocument": f"alab{chr(0xD800)}-10q.htm"},
    )
    config = thesis(market, sec)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        await refresh(store, config)
        stored = store.evidence.filings("ALAB")
    assert [f.form for f in stored] == ["10-Q", "8-K"]
    assert stored[0].filing.primary_document == "alab\ufffd-10q.htm"


# --- class 2: one bad row, not the whole answer ---------------------------------------------------


async def test_filings_with_impossible_or_future_acceptance_times_spoil_only_themselves(
    tmp_path, servers
):
    """Year 1 and 9999 raised OverflowError (every filing of the company lost); one accepted
    three years ahead was stored and listed first."""
    market, sec = servers
    good = sec.add_filing("ALAB", "8-K", NOW - dt.timedelta(days=3), items=("8.01",))
    sec.add_filing(
        "ALAB",
        "8-K",
        NOW - dt.timedelta(days=4),
        items=("7.01",),
        raw={"acceptanceDateTime": "0001-01-01T00:00:00.000Z"},
    )
    sec.add_filing(
        "ALAB",
        "8-K",
        NOW - dt.timedelta(days=5),
        items=("7.01",),
        raw={"acceptanceDateTime": "9999-12-31T23:59:59.000Z"},
    )
    ahead = NOW + dt.timedelta(days=3 * 365)
    sec.add_filing("ALAB", "10-K", ahead, raw={"filingDate": ahead.date().isoformat()})
    config = thesis(market, sec)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        await refresh(store, config)
        stored = store.evidence.filings("ALAB")
    assert [f.accession for f in stored] == [good]


async def test_a_headline_dated_9999_spoils_only_its_own_date(tmp_path, servers):
    market, sec = servers
    sec.add_headline(
        "ALAB", "Scorpio X ships", "Scorpio X is in production.", NOW - dt.timedelta(hours=2)
    )
    sec.add_headline(
        "ALAB",
        "A date no clock has",
        "Dated the last minute of 9999, east of UTC.",
        NOW,
        pub_date="Fri, 31 Dec 9999 23:59:59 -0500",
    )
    config = thesis(market, sec)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        report = await refresh(store, config, now=lambda: NOW)
        news = {d.title: d.published for d in store.evidence.documents("ALAB")}
    assert set(news) == {"Scorpio X ships", "A date no clock has"}, report.notes
    assert news["A date no clock has"] <= NOW + dt.timedelta(days=1)  # not in 9999


def v7_price(symbol: str, price: str):
    """The v7 batch with `symbol`'s regularMarketPrice spelled `price` (JSON text)."""

    def rewrite(reply: Reply) -> Reply:
        data = json.loads(reply.body)
        for row in data["quoteResponse"]["result"]:
            if row["symbol"] == symbol:
                row["regularMarketPrice"] = "@@price@@"
        return Reply(reply.status, json.dumps(data).replace('"@@price@@"', price))

    return rewrite


async def test_a_price_of_1e_320_is_refused_and_the_others_stored(tmp_path, servers):
    """1e-320 is a finite float JSON may spell: it was stored, and the portfolio's total made
    of it underflowed to 0 (thesis/test_hostile_values.py: what a stored one does)."""
    market, sec = servers
    market.inject("rewrite", provider="yahoo", endpoint="quote", rewrite=v7_price("ALAB", "1e-320"))
    config = thesis(market, sec)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        report = await refresh(store, config)
        alab = store.market.last_quotes(["ALAB"])["ALAB"]
    assert report.fresh == {"CRDO", "NVDA", "TSLA"}
    assert alab.error is not None and "price is 9.99989e-321, out of range" in alab.error


async def test_a_bar_dated_3000_is_left_out_and_the_history_kept(tmp_path, servers):
    """The last bar of ALAB's first-sight history is dated 3000-01-02: once every bar of its
    five years went with it."""
    market, sec = servers
    market.inject("far_future", provider="yahoo", endpoint="chart", symbol="ALAB")
    config = thesis(market, sec)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        report = await refresh(store, config)
    assert "ALAB" in report.fresh
    days = dict(rows(tmp_path / "c.db", "SELECT symbol, COUNT(*) FROM prices GROUP BY symbol"))
    assert days["ALAB"] == days["NVDA"] - 1 > 1000  # five years less the bar of 3000
    assert (
        rows(
            tmp_path / "c.db",
            "SELECT ts FROM prices WHERE ts > ?",
            (NOW + dt.timedelta(days=2)).date().isoformat(),
        )
        == []
    )


# --- class 6: FX rates ----------------------------------------------------------------------------


@pytest.mark.parametrize("gbp", ["1.2.3", "0." + "0" * 320 + "1"], ids=["1.2.3", "1e-321"])
async def test_an_ecb_rate_that_is_no_rate_spoils_its_currency_alone(tmp_path, gbp):
    """The ECB's GBP rate is "1.2.3" (ValueError: every later step of the refresh was skipped,
    fundamentals included) or 1e-321 (GBPUSD stored as inf, printed as Infinity): GBP has no
    rate, JPY has the ECB's, and the refresh goes on to the fundamentals and earnings dates."""
    symbols = ("ALAB", "VOD.L", "7203.T")
    with MarketServer(symbols=symbols) as market:
        market.currencies.update({"VOD.L": "GBp", "7203.T": "JPY"})  # no pair charts: the ECB
        market.ecb_rates = {"USD": "1.1280", "GBP": gbp, "JPY": "163.02"}  # type: ignore[dict-item]
        config = load_config(
            write_config(
                tmp_path / "catalysts.toml", market.url, providers='["yahoo"]', symbols=symbols
            )
        )
        assert config.path is not None
        config_text = config.path.read_text() + (
            f'[providers.ecb]\ndaily_url = "{market.url}/stats/eurofxref/eurofxref-daily.xml"\n'
        )
        config.path.write_text(config_text)
        config = load_config(config.path)
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config)
            report = await refresh(store, config)
            rates = {c: r.rate for c, r in store.fx.latest("USD").items()}
    assert rates == {"JPY": pytest.approx(1.1280 / 163.02)}
    assert any("no rate to USD for GBP" in note for note in report.notes), report.notes
    # The steps after the rates were taken: ALAB's fundamentals and next earnings date.
    assert "ALAB" in report.fundamentals_updated and "ALAB" in report.earnings_updated
    assert all(math.isfinite(r) for (r,) in rows(tmp_path / "c.db", "SELECT rate FROM fx_rates"))


async def test_a_yahoo_rate_of_5e_324_is_refused_and_the_ecb_asked(tmp_path):
    symbols = ("ALAB", "VOD.L")
    with MarketServer(symbols=symbols) as market:
        market.currencies["VOD.L"] = "GBp"
        pair = market.fx_pair("GBP", "USD", 1.27)
        market.inject(
            "rewrite",
            provider="yahoo",
            endpoint="chart",
            symbol=pair,
            rewrite=chart_prices("5e-324"),
        )
        path = write_config(
            tmp_path / "catalysts.toml", market.url, providers='["yahoo"]', symbols=symbols
        )
        path.write_text(
            path.read_text()
            + (f'[providers.ecb]\ndaily_url = "{market.url}/stats/eurofxref/eurofxref-daily.xml"\n')
        )
        config = load_config(path)
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config)
            await refresh(store, config)
            gbp = store.fx.latest("USD")["GBP"]
    assert gbp.source == "ecb" and 1.0 < gbp.rate < 2.0


def chart_prices(price: str):
    """A chart whose price and every close are spelled `price` (JSON text)."""

    def rewrite(reply: Reply) -> Reply:
        data = json.loads(reply.body)
        result = data["chart"]["result"][0]
        result["meta"]["regularMarketPrice"] = "@@p@@"
        series = result["indicators"]["quote"][0]
        for key in ("open", "high", "low", "close"):
            series[key] = ["@@p@@" for _ in series[key]]
        return Reply(reply.status, json.dumps(data).replace('"@@p@@"', price))

    return rewrite


# --- class 10: a cookie that is no ASCII ----------------------------------------------------------


def non_ascii_cookie(reply: Reply) -> Reply:
    """fc.yahoo.com's answer setting `A3=d=café` (its UTF-8 bytes on the wire)."""
    wire = "A3=d=café; Max-Age=31557600; Path=/".encode().decode("latin-1")
    return Reply(reply.status, reply.body, reply.content_type, {"Set-Cookie": wire})


async def test_a_non_ascii_cookie_is_dropped_and_breaks_no_later_request(tmp_path, servers):
    """Once kept, `A3=d=café` went with every later request to the host, each failing with
    UnicodeEncodeError, reported as "no network": no quote, and the fundamentals skipped."""
    market, sec = servers
    market.inject("rewrite", provider="yahoo", endpoint="cookie", rewrite=non_ascii_cookie)
    path = write_config(
        tmp_path / "catalysts.toml", market.url, providers='["yahoo"]', symbols=SYMBOLS
    )
    config = load_config(path)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        report = await refresh(store, config)
        session = store.providers.session("yahoo")
    assert report.fresh == set(SYMBOLS), report.notes
    assert report.reach is None and "ALAB" in report.fundamentals_updated, report.notes
    assert session is None  # no cookie kept: none was one a request can carry
    assert not [r for r in market.requests if "caf" in r.headers.get("cookie", "")]


async def test_a_non_ascii_cookie_an_older_version_kept_is_replaced(tmp_path, servers):
    market, sec = servers
    path = write_config(
        tmp_path / "catalysts.toml", market.url, providers='["yahoo"]', symbols=SYMBOLS
    )
    config = load_config(path)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        store.providers.save_session("yahoo", YahooSession("A3=d=café", market.crumb, NOW))
        report = await refresh(store, config)
        session = store.providers.session("yahoo")
    assert report.fresh == set(SYMBOLS), report.notes
    assert session is not None and session.cookie.isascii()
    assert market.requests_for(provider="yahoo", endpoint="quote")  # the batch, with the new one


# --- class 11: a redirect to another origin ----------------------------------------------------


async def test_an_sec_document_redirected_to_another_origin_is_not_stored(tmp_path, servers):
    """EDGAR answers the press release with a 302 to another host, which serves a text of its
    own: it was followed, and that text stored as SEC evidence under the sec.gov URL."""
    market, sec = servers
    accepted = NOW - dt.timedelta(days=2)
    release = "<html><body><p>Scorpio X is in volume production.</p></body></html>"
    forged = "<html><body><p>Scorpio X is cancelled, says nobody at Astera.</p></body></html>"
    sec.add_filing(
        "ALAB", "8-K", accepted, items=("8.01",), exhibits={"EX-99.1": ("pr.htm", release)}
    )
    with FilingsServer() as elsewhere:
        elsewhere.add_filing(
            "ALAB", "8-K", accepted, items=("8.01",), exhibits={"EX-99.1": ("pr.htm", forged)}
        )
        document = f"{sec.filings[0].folder}/pr.htm"
        sec.redirects[document] = elsewhere.url + document
        config = thesis(market, sec)
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config)
            await refresh(store, config)
            [filing] = store.evidence.filings("ALAB")
            texts = [store.evidence.text(d.id) for d in store.evidence.documents("ALAB")]
        assert elsewhere.requests() == []
    assert filing.read == 0 and "redirected to another origin" in filing.read_error
    assert not any("cancelled" in text for text in texts)
