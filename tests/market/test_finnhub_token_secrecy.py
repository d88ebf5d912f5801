"""The Finnhub API key never shows: not in URLs, error messages, reprs or log records."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

import pytest
from tests.support.market_server import MarketServer

from catalyst_tui.market.earnings import FinnhubEarnings
from catalyst_tui.market.finnhub import FinnhubProvider
from catalyst_tui.market.http import MarketClient
from catalyst_tui.market.models import FetchError
from catalyst_tui.market.quotes import fetch_quotes

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
    for error in errors:
        assert_secret_free(error)
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
