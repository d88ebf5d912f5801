"""One quote pass over many symbols: per-symbol fallback along the providers, history alongside.

Providers are tried in order; each takes the symbols still without a quote (that it carries), so a
symbol Yahoo fails on is asked of Stooq next, in a batch with the others. A provider says per pass
whether it asks in batches (`uses_batches`: Yahoo's v7 when it has a crumb) or one symbol at a
time (Yahoo's chart, quote and history in one request). Symbols run concurrently
under the client's cap and a failure is recorded on its own symbol only. Bars come from the provider
that answered when it has history (Yahoo gives both in one request), else from the first provider
with history that has not already failed that symbol and gives bars (`first_history`, which the
refresh's own history fetches use too). With a `deadline`, the pass ends then
whatever is still on the way: a symbol without a quote by then fails with "no complete answer
within N s", one with a quote keeps it (its bars come at the next refresh).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from .models import FetchError, QuoteOutcome

if TYPE_CHECKING:
    from .http.client import MarketClient
    from .provider import History, QuoteProvider, QuoteResult

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int, str], None]
Starts = Mapping[str, date | None]


async def fetch_quotes(
    client: MarketClient,
    providers: Sequence[QuoteProvider],
    symbols: Sequence[str],
    history_start: Starts | Awaitable[Starts] | None = None,
    on_progress: ProgressCallback | None = None,
    deadline: float | None = None,
) -> dict[str, QuoteOutcome]:
    """A QuoteOutcome for every symbol. `history_start[symbol]` asks for bars from that day (None:
    one year back); symbols absent from it get a quote only. It may be an awaitable, awaited
    when first needed: a batch's answer, or a provider asking one symbol at a time (a refresh
    reads it from the store while its batches are on their way). `on_progress(done, total,
    symbol)` is called once per symbol when it is finished. `deadline`: seconds for the pass."""
    run = _QuotePass(
        client, list(providers), list(dict.fromkeys(symbols)), history_start or {}, on_progress
    )
    try:
        async with asyncio.timeout(deadline):
            await run.run()
    except TimeoutError:
        if deadline is None:
            raise
        run.cut_off(deadline)
    return run.outcomes


class _QuotePass:
    def __init__(
        self,
        client: MarketClient,
        providers: list[QuoteProvider],
        symbols: list[str],
        history_start: Starts | Awaitable[Starts],
        on_progress: ProgressCallback | None,
    ) -> None:
        self.client = client
        self.providers = providers
        self.symbols = symbols
        self.history_start: Starts = {}
        self._starts: Awaitable[Starts] | None = None
        if isinstance(history_start, Mapping):
            self.history_start = history_start
        else:
            self._starts = history_start
        self.on_progress = on_progress
        self.outcomes = {symbol: QuoteOutcome(symbol) for symbol in symbols}
        self.failed: dict[str, set[str]] = {symbol: set() for symbol in symbols}
        self.finished: set[str] = set()

    async def run(self) -> None:
        async with asyncio.TaskGroup() as later:  # history fetches of symbols already quoted
            pending = self.symbols
            for index, provider in enumerate(self.providers):
                todo = [s for s in pending if provider.supports(s)]
                if todo:
                    await self._ask(provider, todo, later)
                pending = [s for s in pending if self.outcomes[s].quote is None]
                after = self.providers[index + 1 :]
                for symbol in pending:
                    if not any(p.supports(symbol) for p in after):
                        self._finish(symbol)
        for symbol in self.symbols:
            if not self.failed[symbol] and self.outcomes[symbol].quote is None:
                self.outcomes[symbol].errors.append(
                    FetchError("unknown_symbol", "no configured provider carries it", "", symbol)
                )
            self._finish(symbol)

    async def _ask(
        self, provider: QuoteProvider, symbols: list[str], later: asyncio.TaskGroup
    ) -> None:
        try:
            batches = await provider.uses_batches(self.client)
        except Exception:  # a provider bug: ask one symbol at a time, as a provider without one
            log.exception("%s failed to choose how to ask", provider.name)
            batches = False
        if batches:
            try:
                results = await provider.fetch_quotes(self.client, symbols)
            except Exception as exc:  # a provider bug must not take the pass down
                log.exception("%s failed on a batch", provider.name)
                results = {symbol: _unexpected(provider, symbol, exc) for symbol in symbols}
            await self._started()
            for symbol in symbols:
                result = results.get(symbol)
                if result is None:
                    result = _unexpected(provider, symbol, KeyError(symbol))
                self._record(provider, symbol, result, None, later)
            return
        await self._started()

        async def one(symbol: str) -> None:
            history: History | None = None
            result: QuoteResult
            try:
                if provider.has_history and symbol in self.history_start:
                    result, history = await provider.fetch_quote_and_history(
                        self.client, symbol, self.history_start[symbol]
                    )
                else:
                    result = (await provider.fetch_quotes(self.client, [symbol]))[symbol]
            except FetchError as error:
                result = error.for_symbol(symbol)
            except Exception as exc:  # a provider bug must not take the other symbols down
                log.exception("%s failed on %s", provider.name, symbol)
                result = _unexpected(provider, symbol, exc)
            self._record(provider, symbol, result, history, later)

        await asyncio.gather(*(one(symbol) for symbol in symbols))

    def _record(
        self,
        provider: QuoteProvider,
        symbol: str,
        result: QuoteResult,
        history: History | None,
        later: asyncio.TaskGroup,
    ) -> None:
        outcome = self.outcomes[symbol]
        if isinstance(result, FetchError):
            outcome.errors.append(result)
            self.failed[symbol].add(provider.name)
            return
        outcome.quote = result
        if history is not None:
            outcome.bars, outcome.splits = history.bars, list(history.splits)
            outcome.dividends = list(history.dividends)
        elif symbol in self.history_start:
            later.create_task(self._history(symbol, provider))
            return
        self._finish(symbol)

    async def _history(self, symbol: str, answered_by: QuoteProvider) -> None:
        outcome = self.outcomes[symbol]
        others = [
            p for p in self.providers if p is not answered_by and p.name not in self.failed[symbol]
        ]
        history = await first_history(
            self.client, [answered_by, *others], symbol, self.history_start[symbol], outcome.errors
        )
        if history is not None:
            outcome.bars, outcome.splits = history.bars, list(history.splits)
            outcome.dividends = list(history.dividends)
        self._finish(symbol)

    async def _started(self) -> None:
        """The history starts, once they are needed (awaited the first time only)."""
        if self._starts is not None:
            starts, self._starts = self._starts, None
            self.history_start = await starts

    def cut_off(self, deadline: float) -> None:
        """The pass ran out of time: what has no quote fails, what waits for bars goes without."""
        for symbol in self.symbols:
            if symbol in self.finished:
                continue
            outcome = self.outcomes[symbol]
            what = "answer" if outcome.quote is None else "history"
            outcome.errors.append(
                FetchError("timeout", f"no complete {what} within {deadline:g}s", "", symbol)
            )
            self._finish(symbol)

    def _finish(self, symbol: str) -> None:
        if symbol in self.finished:
            return
        self.finished.add(symbol)
        if self.on_progress is not None:
            self.on_progress(len(self.finished), len(self.symbols), symbol)


async def first_history(
    client: MarketClient,
    providers: Iterable[QuoteProvider],
    symbol: str,
    start: date | None,
    errors: list[FetchError],
) -> History | None:
    """The history of `symbol` from `start` of the first of `providers` (those with history that
    carry it, in order) that gives bars; None when none does. Each failure on the way is added
    to `errors`; a provider's bug is logged and added as one "unexpected failure"."""
    for provider in providers:
        if not (provider.has_history and provider.supports(symbol)):
            continue
        try:
            history = await provider.fetch_history(client, symbol, start)
        except FetchError as error:
            errors.append(error.for_symbol(symbol))
            continue
        except Exception as exc:  # a provider's bug: the next provider is asked
            log.exception("%s history failed on %s", provider.name, symbol)
            errors.append(_unexpected(provider, symbol, exc))
            continue
        if history.bars:
            return history
    return None


def _unexpected(provider: QuoteProvider, symbol: str, exc: BaseException) -> FetchError:
    return FetchError(
        "bad_body", f"unexpected failure: {type(exc).__name__}: {exc}", provider.name, symbol
    )
