"""The shared client against the loopback server: retries, backoff, Retry-After, caps, deadlines."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from email.utils import formatdate

import pytest
from tests.support.liveness import HANG, no_hang_async
from tests.support.market_server import MarketServer, unused_local_url
from tests.support.network import Network, transport

from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.http.pacing import parse_retry_after
from catalyst_tui.market.http.transport import BROWSER_USER_AGENT
from catalyst_tui.market.models import FetchError
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS

MakeClient = Callable[..., MarketClient]


def chart(server: MarketServer, symbol: str = "ALAB") -> str:
    return f"{server.url}/v8/finance/chart/{symbol}?range=5d&interval=1d"


class TopOfRange(random.Random):
    """Jitter that always picks the top of its range, so backoff delays are exact."""

    def uniform(self, a: float, b: float) -> float:
        return b


class RecordingSleep:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


async def fails(client: MarketClient, url: str, **kwargs: object) -> FetchError:
    with pytest.raises(FetchError) as raised:
        await client.get("yahoo", url, **kwargs)  # type: ignore[arg-type]
    return raised.value


async def test_server_errors_are_retried_three_times_in_all(
    market_server: MarketServer, client: MarketClient
) -> None:
    market_server.inject("http500", provider="yahoo")
    error = await fails(client, chart(market_server))
    assert error.kind == "http" and "500" in error.message
    assert len(market_server.requests_for("yahoo", "chart")) == 3


async def test_retry_succeeds_once_the_fault_clears(
    market_server: MarketServer, client: MarketClient
) -> None:
    market_server.inject("http500", provider="yahoo", times=2)
    response = await client.get("yahoo", chart(market_server))
    assert response.status_code == 200
    assert [r.status for r in market_server.requests] == [500, 500, 200]


@pytest.mark.parametrize(
    ("fault", "kind"), [("rate_limit", "rate_limited"), ("http503", "http"), ("reset", "network")]
)
async def test_transient_faults_are_retried_and_bounded(
    market_server: MarketServer, client: MarketClient, fault: str, kind: str
) -> None:
    market_server.inject(fault)
    assert (await fails(client, chart(market_server))).kind == kind
    assert len(market_server.requests) == 3


async def test_read_timeout_is_retried_then_reported(
    market_server: MarketServer, make_client: MakeClient
) -> None:
    """The server stalls past the liveness ceiling (until it stops), the request's deadline
    too: only the read timeout can end each attempt."""
    market_server.inject("timeout", delay=2 * HANG)
    async with (
        make_client(read_timeout=0.2, attempts=2, deadline=2 * HANG) as client,
        no_hang_async("two attempts at a stalled server"),
    ):
        error = await fails(client, chart(market_server))
    assert error.kind == "timeout" and "within" not in error.message, error.message
    assert len(market_server.requests) == 2


async def test_client_errors_are_final_answers_not_retried(
    market_server: MarketServer, client: MarketClient
) -> None:
    response = await client.get("yahoo", chart(market_server, "NOSUCH"))
    assert response.status_code == 404
    assert len(market_server.requests) == 1


@pytest.mark.parametrize("fault", ["rate_limit", "http503"])
async def test_retry_after_seconds_are_waited_before_the_retry(
    market_server: MarketServer, client: MarketClient, fault: str
) -> None:
    market_server.inject(fault, times=1, retry_after=1)
    response = await client.get("yahoo", chart(market_server))
    assert response.status_code == 200
    first, retry = market_server.requests
    assert retry.time - first.time >= 1.0


async def test_retry_after_above_the_cap_is_not_slept(
    market_server: MarketServer, make_client: MakeClient
) -> None:
    market_server.inject("rate_limit", retry_after=120)
    sleep = RecordingSleep()
    async with make_client(sleep=sleep) as client:
        error = await fails(client, chart(market_server))
    assert error.kind == "rate_limited" and "120" in error.message
    assert sleep.delays == []  # not the 120 s asked for, nor any backoff
    assert len(market_server.requests) == 1


async def test_retry_after_as_http_date_is_understood(
    market_server: MarketServer, client: MarketClient
) -> None:
    market_server.inject("rate_limit", retry_after=formatdate(time.time() + 3600, usegmt=True))
    error = await fails(client, chart(market_server))
    assert error.kind == "rate_limited" and len(market_server.requests) == 1


def test_parse_retry_after_reads_seconds_and_http_dates() -> None:
    now = 1_445_412_480.0  # Wed, 21 Oct 2015 07:28:00 GMT
    assert parse_retry_after("7", now) == 7.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now) == 30.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now) == 0.0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


async def test_backoff_doubles_with_full_jitter_and_is_capped(market_server: MarketServer) -> None:
    market_server.inject("http500")
    sleep = RecordingSleep()
    async with MarketClient(
        trust_env=False,
        attempts=5,
        backoff_base=1.0,
        backoff_max=4.0,
        sleep=sleep,
        rng=TopOfRange(),
    ) as client:
        await fails(client, chart(market_server))
    assert sleep.delays == [1.0, 2.0, 4.0, 4.0]  # the top of each jitter range
    assert len(market_server.requests) == 5


async def test_backoff_jitter_stays_within_its_range(market_server: MarketServer) -> None:
    market_server.inject("http500")
    sleep = RecordingSleep()
    async with MarketClient(
        trust_env=False, attempts=4, backoff_base=1.0, sleep=sleep, rng=random.Random(7)
    ) as client:
        await fails(client, chart(market_server))
    assert len(sleep.delays) == 3
    assert all(0 <= delay <= 2**i for i, delay in enumerate(sleep.delays))
    assert len(set(sleep.delays)) == 3  # jittered, not a fixed schedule


NO_NAME = "its name could not be looked up (no network, or no DNS)"


async def test_a_name_that_does_not_resolve_is_looked_up_once_in_a_refresh() -> None:
    """No network: two hundred requests to a host whose name does not resolve (each look-up
    taking its time) make one look-up; the others wait for it, then fail at once, saying so,
    and so does every later request of this client (one refresh)."""
    network = Network(delay=0.2)
    async with MarketClient(trust_env=False, transport=transport(network)) as client:
        url = "http://query1.example/v8/finance/chart/S{}?range=5d&interval=1d"
        errors = await asyncio.gather(*(fails(client, url.format(i)) for i in range(200)))
        later = await fails(client, url.format("LATER"))
    assert network.connects == {"query1.example": 1}
    assert all(e.kind == "network" for e in [*errors, later])
    # The resolver's failure said in words (NONAME: "Name or service not known"), in every one.
    assert all(NO_NAME in e.message for e in errors)
    assert sum("not tried again in this refresh" in e.message for e in errors) == 199
    assert "not tried again in this refresh" in later.message and NO_NAME in later.message
    # Each says its own request's address, never the first one's (another symbol's).
    assert later.message == (
        "cannot connect to query1.example/v8/finance/chart/SLATER: not tried again in this "
        f"refresh ({NO_NAME})"
    )
    assert all(e.message.count("chart/") == 1 for e in errors)


async def test_a_refused_first_contact_is_not_retried_and_nothing_more_is_sent() -> None:
    network = Network()
    sleep = RecordingSleep()
    async with MarketClient(
        trust_env=False, sleep=sleep, attempts=5, transport=transport(network)
    ) as client:
        url = unused_local_url() + "/v8/finance/chart/ALAB"
        errors = await asyncio.gather(*(fails(client, url) for _ in range(50)))
    assert network.connects == {"127.0.0.1": 1} and sleep.delays == []
    assert all(e.kind == "network" for e in errors)


def test_a_refused_address_stays_refused_while_the_tests_run() -> None:
    """The address the tests use for a host that refuses: a connection is refused, and no
    other server can be given its port (a port let go at once once was, under a busy suite,
    and a refresh read a quote from another test's server there)."""
    import socket
    from urllib.parse import urlsplit

    port = urlsplit(unused_local_url()).port
    assert port is not None
    with socket.socket() as client, socket.socket() as server:
        client.settimeout(5)
        with pytest.raises(ConnectionRefusedError):
            client.connect(("127.0.0.1", port))
        with pytest.raises(OSError):
            server.bind(("127.0.0.1", port))


async def test_a_host_that_answered_gets_one_quick_retry_then_is_down() -> None:
    """A blip: a host reached in this refresh that refuses a connection is tried once more,
    quickly; refused again, it is down for the rest of the refresh."""
    sleep = RecordingSleep()
    with MarketServer() as market:
        url = chart(market)
        async with MarketClient(trust_env=False, attempts=5, sleep=sleep) as client:
            assert (await client.get("yahoo", url)).status_code == 200
            market.stop()
            await client.aclose()  # its kept connection: the next request must connect anew
            client._http = type(client._http)(follow_redirects=False, trust_env=False)
            error = await fails(client, url)
            assert error.kind == "network"
            assert len(sleep.delays) == 1 and sleep.delays[0] <= 0.2
            again = await fails(client, url)
            assert "not tried again in this refresh" in again.message
            assert len(sleep.delays) == 1


async def test_the_first_contact_holds_the_others_only_until_it_connects(
    market_server: MarketServer,
) -> None:
    """Requests to a host being met for the first time wait for its connection, not for its
    answer: five slow answers are all in flight together."""
    market_server.latency = 0.3
    async with MarketClient(trust_env=False) as client:
        await asyncio.gather(
            *(client.get("yahoo", chart(market_server, f"S{i}")) for i in range(5))
        )
    assert market_server.max_in_flight == 5


async def test_deadline_bounds_the_whole_call(
    market_server: MarketServer, make_client: MakeClient
) -> None:
    """The server stalls past the liveness ceiling (until it stops), the read timeout too:
    only the call's deadline can end it, and no retry comes after it."""
    market_server.inject("timeout", delay=2 * HANG)
    async with (
        make_client(read_timeout=2 * HANG) as client,
        no_hang_async("a call with a deadline of 0.3 s"),
    ):
        error = await fails(client, chart(market_server), deadline=0.3)
    assert error.kind == "timeout" and "0.3s" in error.message
    assert len(market_server.requests) == 1


async def test_concurrency_cap_limits_requests_in_flight(
    market_server: MarketServer, make_client: MakeClient
) -> None:
    market_server.latency = 0.05
    async with make_client(max_concurrency=4) as client:
        symbols = [f"S{i}" for i in range(24)]
        await asyncio.gather(*(client.get("yahoo", chart(market_server, s)) for s in symbols))
    assert market_server.max_in_flight == 4
    assert len(market_server.requests) == 24


async def test_provider_rate_limit_spaces_requests(
    market_server: MarketServer, make_client: MakeClient
) -> None:
    """The moments the client lets each request go (its turns, on its own clock, as the limit
    set them under its lock): the server's arrival times would add the machine's jitter, which
    a loaded machine makes tens of ms, and so would a clock read after the turn returned (a
    task resumed late makes the gap to the next turn look short)."""
    turns: list[float] = []
    async with make_client(rate_limits={"stooq": 20.0}) as client:
        limit = client._limits["stooq"]
        take_turn = limit.acquire

        async def timed(slots: asyncio.Semaphore) -> None:
            await take_turn(slots)
            turns.append(limit._next - limit.interval)  # when this turn was given

        limit.acquire = timed  # type: ignore[method-assign]
        url = f"{market_server.url}/q/d/l/?s=alab.us&i=d&d1=20250101&d2=20250110"
        await asyncio.gather(*(client.get("stooq", url) for _ in range(6)))
        await client.get("yahoo", chart(market_server))  # other providers are not held back
    assert len(turns) == len(market_server.requests_for("stooq")) == 6
    assert all(b - a >= 1 / 20 for a, b in zip(turns, turns[1:], strict=False)), turns


async def test_browser_user_agent_by_default_and_per_request_override(
    market_server: MarketServer, client: MarketClient
) -> None:
    await client.get("yahoo", chart(market_server))
    await client.get("sec", market_server.sec_tickers_url, headers={"User-Agent": "Me me@x.org"})
    default, override = market_server.requests
    assert default.headers["user-agent"] == BROWSER_USER_AGENT
    assert "Chrome/" in BROWSER_USER_AGENT
    assert override.headers["user-agent"] == "Me me@x.org"


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "http://[::1", "not a url"])
async def test_bad_urls_are_fetch_errors_not_httpx_exceptions(
    client: MarketClient, url: str
) -> None:
    error = await fails(client, url)
    assert error.kind == "network"


async def test_the_deadline_is_the_requests_own_time_not_its_turn_in_the_queue(
    market_server: MarketServer, make_client: MakeClient
) -> None:
    """Twelve requests behind a rate limit of 5/s wait up to 2.3 s for their turn; a deadline
    of 1 s each (an exchange on loopback takes milliseconds, a busy machine's a few tenths)
    lets every one through, since waiting for a turn is not the request's time."""
    async with make_client(rate_limits={"yahoo": 5.0}, deadline=1.0) as client:
        answers = await asyncio.gather(
            *(client.get("yahoo", chart(market_server)) for _ in range(12))
        )
    assert [a.status_code for a in answers] == [200] * 12
    times = [r.time for r in market_server.requests]
    assert max(times) - min(times) >= 2.0  # they did queue, past the deadline


async def test_a_retry_after_beyond_the_deadline_fails_at_once(
    market_server: MarketServer, make_client: MakeClient
) -> None:
    market_server.inject("rate_limit", retry_after=2, times=1)
    sleep = RecordingSleep()
    async with make_client(deadline=1.0, sleep=sleep) as client:
        error = await fails(client, chart(market_server))
    assert error.kind == "rate_limited" and "deadline of 1s" in error.message
    assert sleep.delays == []  # not a moment of the 2 s waited
    assert len(market_server.requests) == 1


async def test_backoff_waits_are_spent_from_the_deadline(market_server: MarketServer) -> None:
    """Waits of 25 s (recorded, not slept) from a deadline of 60: two fit, a third would not;
    the three exchanges on loopback have the 10 s left between them, however busy the
    machine."""
    market_server.inject("http500")
    sleep = RecordingSleep()
    async with MarketClient(
        trust_env=False,
        attempts=5,
        backoff_base=25.0,
        backoff_max=25.0,
        deadline=60.0,
        sleep=sleep,
        rng=TopOfRange(),
    ) as client:
        error = await fails(client, chart(market_server))
    assert error.kind == "http" and "no time left to retry within 60s" in error.message
    assert sleep.delays == [25.0, 25.0]  # a third wait would pass the deadline
    assert len(market_server.requests) == 3


def test_every_provider_has_a_deadline_and_a_body_cap_by_default() -> None:
    """Settings-independent bounds (docs/market-data.md), from the providers' specs: quotes and
    calendars small and quick, SEC's companyfacts tens of MB."""
    client = MarketClient(trust_env=False, rate_limits=RATE_LIMITS, bounds=PROVIDER_BOUNDS)
    assert client.bounds("yahoo") == client.bounds("stooq") == client.bounds("finnhub")
    assert client.bounds("yahoo") == (20.0, 8 << 20)
    assert client.bounds("sec") == (90.0, 128 << 20)
    short = MarketClient(trust_env=False, bounds=PROVIDER_BOUNDS, deadline=1.0)
    assert short.bounds("sec").deadline == 1.0
