"""The Finnhub API key never shows: not in URLs, error messages (in any case), reprs or log
records; neither it nor the SEC contact follows a redirect to another origin."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

import pytest
from tests.support.market_server import FINNHUB_TOKEN, MarketServer

from catalyst_tui.market.finnhub import FinnhubEarnings, FinnhubProvider
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import FetchError
from catalyst_tui.market.quotes import fetch_quotes
from catalyst_tui.market.sec.client import SecEdgar

SECRET = "sk-test-0123456789abcdef"


def assert_secret_free(error: FetchError) -> None:
    for text in (str(error), repr(error), error.message, *map(str, error.args)):
        assert SECRET not in text


@pytest.mark.parametrize(
    "fault", ["http500", "timeout", "reset", "html", "unknown", "truncated", "auth", "rate_limit"]
)
async def test_token_absent_from_errors_and_logs(
    market_server: MarketServer,
    make_client: Callable[..., MarketClient],
    caplog: pytest.LogCaptureFixture,
    fault: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    market_server.finnhub_token = SECRET
    market_server.inject(fault, provider="finnhub", delay=1.0, retry_after=600)
    provider = FinnhubProvider(SECRET, market_server.url)
    async with make_client(read_timeout=0.2, attempts=2) as client:
        outcome = (await fetch_quotes(client, [provider], ["ALAB"]))["ALAB"]
        errors = list(outcome.errors)
        try:
            await FinnhubEarnings(SECRET, market_server.url).next_earnings(
                client, "ALAB", date.today()
            )
        except FetchError as error:
            errors.append(error)
    assert outcome.quote is None and len(errors) == (1 if fault == "unknown" else 2)
    for each in errors:
        assert_secret_free(each)
    assert SECRET not in caplog.text
    for request in market_server.requests:
        assert SECRET not in request.path + request.raw_query  # only in the header
        assert request.headers["x-finnhub-token"] == SECRET


async def test_wrong_key_is_auth_error_without_the_key(
    market_server: MarketServer, client: MarketClient
) -> None:
    outcome = (await fetch_quotes(client, [FinnhubProvider(SECRET, market_server.url)], ["ALAB"]))[
        "ALAB"
    ]
    (error,) = outcome.errors
    assert error.kind == "auth"
    assert_secret_free(error)


def test_error_body_echoing_the_key_is_redacted() -> None:
    provider = FinnhubProvider(SECRET, "http://unused.invalid")
    body = f'{{"error":"Invalid API key {SECRET}"}}'
    error = provider.transform_quotes(body, ["ALAB"])["ALAB"]
    assert isinstance(error, FetchError) and error.kind == "auth"
    assert_secret_free(error)


def test_finnhub_needs_a_key() -> None:
    with pytest.raises(ValueError, match="API key"):
        FinnhubProvider("", "http://unused.invalid")


def test_a_body_echoing_the_key_in_another_case_is_redacted() -> None:
    provider = FinnhubProvider(SECRET, "http://unused.invalid")
    for echoed in (SECRET.upper(), SECRET.title(), SECRET.swapcase()):
        error = provider.transform_quotes(f'{{"error":"Invalid API key {echoed}"}}', ["ALAB"])
        assert isinstance(error["ALAB"], FetchError)
        for text in (str(error["ALAB"]), repr(error["ALAB"])):
            assert SECRET.lower() not in text.lower(), text
        auth = provider._error_text(f'{{"error":"unknown token {echoed}"}}', 401)
        assert SECRET.lower() not in auth.lower() and "***" in auth


CONTACT = "Catalyst Tests tests@example.com"


async def test_a_redirect_to_another_origin_carries_neither_the_key_nor_the_contact(
    market_server: MarketServer, client: MarketClient
) -> None:
    """Two loopback servers on two ports are two origins: the first answers 302 to the second.
    The redirect is not followed (once it was, without the key: the other origin's answer was
    then taken for the provider's): the second sees no request at all, the key and the contact
    went only where they were meant to go, and each request fails saying why."""
    with MarketServer() as elsewhere:
        market_server.inject("redirect", provider="finnhub", location=elsewhere.url)
        market_server.inject("redirect", provider="sec", location=elsewhere.url)
        outcome = (
            await fetch_quotes(
                client, [FinnhubProvider(FINNHUB_TOKEN, market_server.url)], ["ALAB"]
            )
        )["ALAB"]
        edgar = SecEdgar(market_server.url, market_server.sec_tickers_url, CONTACT)
        with pytest.raises(FetchError) as raised:
            await edgar.fetch_companyfacts(client, "2012383")
        assert elsewhere.requests == []
    assert outcome.quote is None and "redirected to another origin" in outcome.errors[0].message
    assert "redirected to another origin" in raised.value.message
    sent = {r.provider: r.headers for r in market_server.requests}
    assert sent["finnhub"]["x-finnhub-token"] == FINNHUB_TOKEN  # where it was meant to go
    assert sent["sec"]["user-agent"] == CONTACT


async def test_a_redirect_within_the_origin_keeps_the_key(
    market_server: MarketServer, client: MarketClient
) -> None:
    market_server.inject("redirect", provider="finnhub", location=market_server.url, times=1)
    provider = FinnhubProvider(FINNHUB_TOKEN, market_server.url)
    outcome = (await fetch_quotes(client, [provider], ["ALAB"]))["ALAB"]
    assert outcome.quote is not None
    first, again = market_server.requests
    assert first.status == 302 and again.status == 200
    assert again.headers["x-finnhub-token"] == FINNHUB_TOKEN
