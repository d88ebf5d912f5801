"""Every fault the loopback server injects ends as a FetchError of the right kind, never a Quote:
also the hostile ones (an absurd value, a body that drips or inflates without end)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

import pytest
from tests.support.gzip_bomb import read_bomb
from tests.support.liveness import HANG
from tests.support.market_server import MarketServer

from catalyst_tui.market.bounds import EARNINGS_AHEAD
from catalyst_tui.market.finnhub import FinnhubEarnings, FinnhubProvider
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import FetchError, Quote
from catalyst_tui.market.provider import QuoteProvider
from catalyst_tui.market.sec.client import SecEdgar
from catalyst_tui.market.stooq import StooqProvider
from catalyst_tui.market.yahoo.earnings import YahooEarnings
from catalyst_tui.market.yahoo.provider import YahooProvider

FAULTS = [
    ("http500", "http"),
    ("http503", "http"),
    ("rate_limit", "rate_limited"),
    ("timeout", "timeout"),
    ("reset", "network"),
    ("html", "bad_body"),
    ("truncated", "bad_body"),
    ("unknown", "unknown_symbol"),
    ("auth", "auth"),
]
PROVIDER_FAULTS = {
    "yahoo": [*FAULTS, ("quota", "bad_body")],
    "stooq": [*[f for f in FAULTS if f[0] != "auth"], ("quota", "quota")],
    "finnhub": [*FAULTS, ("quota", "bad_body")],
}
CASES = [(name, fault, kind) for name, faults in PROVIDER_FAULTS.items() for fault, kind in faults]


def make_provider(name: str, server: MarketServer) -> QuoteProvider:
    factories: dict[str, Callable[[], QuoteProvider]] = {
        "yahoo": lambda: YahooProvider(server.url),
        "stooq": lambda: StooqProvider(server.url),
        "finnhub": lambda: FinnhubProvider(server.finnhub_token, server.url),
    }
    return factories[name]()


@pytest.mark.parametrize(
    ("provider_name", "fault", "kind"), CASES, ids=[f"{p}-{f}" for p, f, _ in CASES]
)
async def test_fault_becomes_fetch_error_of_its_kind(
    market_server: MarketServer,
    make_client: Callable[..., MarketClient],
    provider_name: str,
    fault: str,
    kind: str,
) -> None:
    provider = make_provider(provider_name, market_server)
    # Only the stall is met by the client's deadline, and it outlasts any machine's pace; every
    # other fault's answer is read whenever it comes (a 0.2 s deadline for all made a 503 a
    # timeout on a busy machine).
    stall = kind == "timeout"
    market_server.inject(
        fault, provider=provider_name, symbol="ALAB", delay=HANG if stall else None
    )
    async with make_client(read_timeout=0.2 if stall else HANG, attempts=2) as client:
        results = await provider.fetch_quotes(client, ["ALAB", "NVDA"])
    failed = results["ALAB"]
    assert isinstance(failed, FetchError), failed
    assert (failed.kind, failed.provider, failed.symbol) == (kind, provider_name, "ALAB")
    assert failed.message
    if provider_name != "stooq":  # a Stooq batch shares one request, so its fault hits both
        assert isinstance(results["NVDA"], Quote)


async def test_stooq_unknown_symbol_in_a_batch_fails_only_that_symbol(
    market_server: MarketServer, client: MarketClient, stooq: StooqProvider
) -> None:
    market_server.inject("unknown", provider="stooq", symbol="ALAB")
    results = await stooq.fetch_quotes(client, ["ALAB", "NVDA", "CRDO"])
    assert isinstance(results["ALAB"], FetchError) and results["ALAB"].kind == "unknown_symbol"
    assert isinstance(results["NVDA"], Quote) and isinstance(results["CRDO"], Quote)
    assert len(market_server.requests) == 1


@pytest.mark.parametrize(("fault", "kind"), [("quota", "quota"), ("html", "bad_body")])
async def test_stooq_body_fault_fails_the_whole_batch(
    market_server: MarketServer, client: MarketClient, stooq: StooqProvider, fault: str, kind: str
) -> None:
    market_server.inject(fault, provider="stooq")
    results = await stooq.fetch_quotes(client, ["ALAB", "NVDA"])
    assert {r.kind for r in results.values() if isinstance(r, FetchError)} == {kind}
    assert len(results) == 2


@pytest.mark.parametrize("fault", ["http500", "html", "truncated", "unknown", "reset"])
async def test_yahoo_history_faults_raise_fetch_error(
    market_server: MarketServer,
    make_client: Callable[..., MarketClient],
    yahoo: YahooProvider,
    fault: str,
) -> None:
    market_server.inject(fault, provider="yahoo")
    async with make_client(attempts=2) as client:
        with pytest.raises(FetchError):
            await yahoo.fetch_quote_and_history(client, "ALAB", None)
        with pytest.raises(FetchError):
            await yahoo.fetch_history(client, "ALAB", None)


@pytest.mark.parametrize(
    ("fault", "kind"),
    [("quota", "quota"), ("html", "bad_body"), ("unknown", "unknown_symbol"), ("http500", "http")],
)
async def test_stooq_history_faults_raise_fetch_error(
    market_server: MarketServer, client: MarketClient, stooq: StooqProvider, fault: str, kind: str
) -> None:
    market_server.inject(fault, provider="stooq", endpoint="history")
    with pytest.raises(FetchError) as raised:
        await stooq.fetch_history(client, "ALAB", None)
    assert raised.value.kind == kind and raised.value.symbol == "ALAB"


# -- hostile answers: absurd values, endless bodies, bombs ------------------------------------

# What each provider's quote answer can carry (tests/support/hostile.py), and a word of the
# FetchError that names it: the value and why, never "unexpected failure".
VALUE_FAULTS = {
    "huge_volume": "volume",
    "negative_volume": "volume",
    "far_future": "3000-01-02",
    "nan": "NaN",
    "infinity": "Infinity",
    "overflow": "1e400",
    "deep_json": "nests too deep",
}
CSV_WORDS = {"nan": "'nan'", "infinity": "'inf'", "overflow": "'1e400'"}
QUOTE_VALUE_CASES = [
    (name, fault, CSV_WORDS.get(fault, word) if name == "stooq" else word)
    for name in ("yahoo", "stooq", "finnhub")
    for fault, word in VALUE_FAULTS.items()
    if not (name == "stooq" and fault == "deep_json")  # CSV
    and not (name == "finnhub" and fault.endswith("_volume"))  # its quote carries none
    # Yahoo's chart carries the date in its last bar only: that bar is left out and the quote,
    # sane in itself, stands (test_history_with_an_absurd_bar_keeps_every_other_bar).
    and (name, fault) != ("yahoo", "far_future")
]


@pytest.mark.parametrize(
    ("provider_name", "fault", "word"),
    QUOTE_VALUE_CASES,
    ids=[f"{p}-{f}" for p, f, _ in QUOTE_VALUE_CASES],
)
async def test_an_absurd_value_is_a_fetch_error_of_that_symbol_alone(
    market_server: MarketServer, client: MarketClient, provider_name: str, fault: str, word: str
) -> None:
    provider = make_provider(provider_name, market_server)
    market_server.inject(fault, provider=provider_name, symbol="ALAB")
    results = await provider.fetch_quotes(client, ["ALAB", "NVDA"])
    failed = results["ALAB"]
    assert isinstance(failed, FetchError), failed
    assert (failed.kind, failed.provider, failed.symbol) == ("bad_body", provider_name, "ALAB")
    assert word in failed.message and "unexpected" not in failed.message, failed.message
    assert isinstance(results["NVDA"], Quote)  # the same batch, the same answer for Stooq


HISTORY_CASES = [
    (name, fault)
    for name in ("yahoo", "stooq")
    for fault in ("huge_volume", "negative_volume", "far_future", "nan")
]


@pytest.mark.parametrize(
    ("provider_name", "fault"), HISTORY_CASES, ids=[f"{p}-{f}" for p, f in HISTORY_CASES]
)
async def test_history_with_an_absurd_bar_keeps_every_other_bar(
    market_server: MarketServer, client: MarketClient, provider_name: str, fault: str
) -> None:
    """A bar dated 3000 would hold the symbol's history still (it resumes from the last stored
    day); a volume of 1e30 would abort the whole batch's transaction: neither is a bar, and each
    is left out alone (once, the whole history went with it). Only JSON that spells NaN is no
    answer at all: it is not read."""
    provider = make_provider(provider_name, market_server)
    clean = (await provider.fetch_history(client, "ALAB", None)).bars
    market_server.inject(fault, provider=provider_name, symbol="ALAB")
    if (provider_name, fault) == ("yahoo", "nan"):
        with pytest.raises(FetchError) as raised:
            await provider.fetch_history(client, "ALAB", None)
        assert (raised.value.kind, raised.value.symbol) == ("bad_body", "ALAB")
        return
    bars = (await provider.fetch_history(client, "ALAB", None)).bars
    assert bars == clean[:-1]  # the poisoned last bar left out, every other one kept
    assert (await provider.fetch_history(client, "NVDA", None)).bars  # other symbols unharmed


@pytest.mark.parametrize("source", ["yahoo", "finnhub"])
@pytest.mark.parametrize("fault", ["far_future", "nan", "infinity", "overflow", "deep_json"])
async def test_an_absurd_earnings_answer_is_a_fetch_error(
    market_server: MarketServer, client: MarketClient, source: str, fault: str
) -> None:
    """Earnings dates are in the future by nature: up to three years ahead, not the year 3000;
    a timestamp of Infinity raised OverflowError, which aborted the whole refresh."""
    earnings = (
        YahooEarnings(market_server.url, market_server.cookie_url)
        if source == "yahoo"
        else FinnhubEarnings(market_server.finnhub_token, market_server.url)
    )
    market_server.inject(
        fault,
        provider=source,
        endpoint="quoteSummary" if source == "yahoo" else "calendar",
        symbol="ALAB",
    )
    today = date.today()
    try:
        found = await earnings.next_earnings(client, "ALAB", today)
    except FetchError as error:
        assert (error.kind, error.symbol) == ("bad_body", "ALAB"), error
    else:  # Finnhub's epsEstimate is not read: a NaN there harms nothing
        assert source == "finnhub" and fault in ("nan", "infinity", "overflow"), found
        assert found is not None and found.day <= today + EARNINGS_AHEAD
    assert await earnings.next_earnings(client, "NVDA", today) is not None


@pytest.mark.parametrize("fault", ["huge_volume", "far_future", "nan", "overflow", "deep_json"])
async def test_an_absurd_companyfacts_answer_is_a_fetch_error(
    market_server: MarketServer, client: MarketClient, fault: str
) -> None:
    edgar = SecEdgar(market_server.url, market_server.sec_tickers_url, "Tests tests@example.com")
    ciks = await edgar.fetch_cik_map(client)
    market_server.inject(fault, provider="sec", endpoint="companyfacts", symbol="CRDO")
    with pytest.raises(FetchError) as raised:
        await edgar.fetch_facts(client, ciks["CRDO"])
    assert (raised.value.kind, raised.value.provider) == ("bad_body", "sec"), raised.value
    assert await edgar.fetch_facts(client, ciks["NVDA"])


@pytest.mark.parametrize("provider_name", ["yahoo", "stooq", "finnhub"])
async def test_a_dripping_answer_ends_at_the_request_deadline(
    market_server: MarketServer,
    make_client: Callable[..., MarketClient],
    provider_name: str,
) -> None:
    """A byte every 50 ms never lets the read timeout (0.5 s) fire; the request's deadline
    (1 s, its own time in all) ends it, and nothing is retried past it."""
    provider = make_provider(provider_name, market_server)
    market_server.inject("drip", provider=provider_name, symbol="ALAB", delay=0.05)
    async with make_client(read_timeout=0.5, deadline=1.0) as client:
        started = time.monotonic()
        results = await provider.fetch_quotes(client, ["ALAB"])
        elapsed = time.monotonic() - started
    failed = results["ALAB"]
    assert isinstance(failed, FetchError) and failed.kind == "timeout"
    assert "no complete answer" in failed.message and "within 1s" in failed.message
    assert 0.9 < elapsed < HANG, elapsed  # not before the deadline; the drip would take minutes
    assert len(market_server.requests) == 1


async def test_a_gzip_bomb_is_refused_past_the_cap_after_decompression(
    market_server: MarketServer, client: MarketClient
) -> None:
    """64 MiB of zeros in a 64 KiB gzip body: the chart's cap (8 MiB) counts inflated bytes."""
    market_server.inject("gzip_bomb", provider="yahoo", symbol="ALAB", size=64 << 20)
    yahoo = YahooProvider(market_server.url)
    results = await yahoo.fetch_quotes(client, ["ALAB", "NVDA"])
    failed = results["ALAB"]
    # Refused at the cap: the work it costs is bounded in CPU time by tests/support/gzip_bomb.py
    assert isinstance(failed, FetchError) and failed.kind == "bad_body"
    assert "too large" in failed.message and "8 MiB" in failed.message
    assert isinstance(results["NVDA"], Quote)
    assert len(market_server.requests_for(symbol="ALAB")) == 1  # not asked again


async def test_sec_bodies_may_be_tens_of_mib_and_no_more(
    market_server: MarketServer, client: MarketClient
) -> None:
    """companyfacts of the largest filers is tens of MB: 40 MiB passes SEC's cap (and is then
    no JSON), 200 MiB does not."""
    edgar = SecEdgar(market_server.url, market_server.sec_tickers_url, "Tests tests@example.com")
    market_server.inject(
        "gzip_bomb", provider="sec", endpoint="companyfacts", times=1, size=40 << 20
    )
    with pytest.raises(FetchError) as raised:
        await edgar.fetch_companyfacts(client, "2012383")
    assert "not valid JSON" in raised.value.message  # read whole: under the cap
    market_server.inject("gzip_bomb", provider="sec", endpoint="companyfacts", size=200 << 20)
    with pytest.raises(FetchError) as raised:
        await edgar.fetch_companyfacts(client, "2012383")
    assert "too large" in raised.value.message and "128 MiB" in raised.value.message


def test_a_gibibyte_gzip_bomb_fails_fast_in_little_memory(market_server: MarketServer) -> None:
    """A 1 MiB gzip body inflating to 1 GiB of zeros, read by a child process with the default
    client: refused once past the chart's cap, its peak resident memory hardly grown, and its
    CPU a few times that of inflating the cap once (the whole gibibyte is over a hundred)."""
    market_server.inject("gzip_bomb", provider="yahoo", symbol="ALAB")
    found = read_bomb(market_server.url, browser=False)
    assert "too large" in found["outcome"], found
    grown = found["after"] - found["before"]
    assert grown < 48 << 20, f"peak RSS grew by {grown >> 20} MiB"
    assert found["cpu"] < 20 * found["floor"] + 0.5, found


async def test_a_connection_nobody_answers_is_said_in_a_sentence(
    make_client: Callable[..., MarketClient],
) -> None:
    """Offline, the failure reads as a sentence (what the user can tell from it), not the
    resolver's or libcurl's text: a closed port on 127.0.0.1 is a refused connection."""
    import socket

    with socket.socket() as probe:  # a port of this machine nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with make_client(read_timeout=0.5, attempts=1) as client:
        results = await StooqProvider(f"http://127.0.0.1:{port}").fetch_quotes(client, ["ALAB"])
    failed = results["ALAB"]
    assert isinstance(failed, FetchError) and failed.kind == "network"
    assert failed.message.startswith(f"cannot connect to 127.0.0.1:{port}/")
    assert failed.message.endswith("the connection was refused (nothing listens there)")


@pytest.mark.parametrize(
    "said",
    [
        "Failed to perform, curl: (6) Could not resolve host: query1.finance.yahoo.com. See "
        "https://curl.se/libcurl/c/libcurl-errors.html first for more details.",
        "[Errno -2] Name or service not known",
        "[Errno -3] Temporary failure in name resolution",
    ],
)
def test_a_name_that_cannot_be_looked_up_is_said_as_no_network(said: str) -> None:
    import httpx

    from catalyst_tui.market.http.transport import transport_failure

    error, _retry = transport_failure(httpx.ConnectError(said), "stooq.com/q/l/", "stooq", None)
    assert error.message == (
        "cannot connect to stooq.com/q/l/: its name could not be looked up (no network, or no DNS)"
    )
