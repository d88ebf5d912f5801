"""The shared HTTP client of a refresh, as the config asks for it: every provider's rate limit
and request bounds, and a browser's TLS handshake for the providers `settings.browser_tls` names
(Yahoo by default, which answers Python's own with 429), unless curl_cffi can't be loaded here:
then Python's handshake, said in a note (and by `catalyst status`).

`catalyst refresh` makes one for its refresh; the daemon's scheduler and the TUI's refresh worker
keep one (`KeptClient`) across refreshes, with its connections: a steady refresh asks its five
batches on connections already open, not after a connect and handshake each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..market.http.client import MarketClient
from ..market.registry import PACED_PER_MACHINE, PROVIDER_BOUNDS, RATE_LIMITS, browser_origins
from ..paths import make_private_dirs, user_state_folder

if TYPE_CHECKING:
    from collections.abc import Hashable

    from ..config import Config


def market_client(config: Config, notes: list[str]) -> MarketClient:
    """The shared client with every provider's rate limit and bounds, and the browser's TLS
    handshake for the providers `settings.browser_tls` names (Yahoo by default); when curl_cffi
    can't be loaded, Python's own handshake, and a note that says so (added to `notes` by the
    first request that finds it out: curl_cffi loads with the first request that goes out)."""
    names = config.settings.browser_tls

    def cannot_load(problem: str) -> None:
        note = browser_tls_note(names, problem)
        if note not in notes:  # one browser transport an origin: said once
            notes.append(note)

    client = MarketClient(
        rate_limits=RATE_LIMITS,
        bounds=PROVIDER_BOUNDS,
        browser_origins=browser_origins(config.providers, names),
        on_browser_problem=cannot_load,
    )
    return paced_per_machine(client)


def paced_per_machine(client: MarketClient) -> MarketClient:
    """`client` with the rate limit of each provider paced per machine (SEC: EDGAR counts the
    machine's requests) kept together with every other catalyst process of this user (a
    refresh beside the daemon, the TUI's), through a file each in the user's state folder."""
    folder = user_state_folder()
    try:
        make_private_dirs(folder)
    except OSError:  # a folder that can't be made: this process's own pacing, as before
        return client
    for name in PACED_PER_MACHINE:
        client.share_rate(name, folder / f"{name}-pacing")
    return client


def client_key(config: Config) -> Hashable:
    """What a client is built from (the providers' tables, settings.browser_tls): a config that
    changed any of them needs another client."""
    return (config.providers, config.settings.browser_tls)


class KeptClient:
    """One client kept across refreshes, on one event loop: rebuilt when the config it was built
    from changed (a provider's URL or settings.browser_tls edited in the file), closed by
    `aclose`. Each refresh begins a cycle (`MarketClient.new_cycle`): a host found down before
    is asked again; the others over the connections kept to them."""

    def __init__(self) -> None:
        self.client: MarketClient | None = None
        self.notes: list[str] = []  # what building it said (no browser handshake), every refresh
        self._key: Hashable = None

    async def get(self, config: Config) -> MarketClient:
        """The client for a refresh on `config`, its hosts' verdicts forgotten."""
        key = client_key(config)
        if self.client is not None and key != self._key:
            await self.aclose()
        if self.client is None:
            self.notes = []
            self.client = market_client(config, self.notes)
            self._key = key
        self.client.new_cycle()
        return self.client

    async def aclose(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            await client.aclose()


def browser_tls_note(names: tuple[str, ...], problem: str) -> str:
    """What a refresh and `status` say when the browser's handshake can't be had."""
    return (
        f"browser_tls: curl_cffi can't be loaded ({problem}), so {', '.join(names)} get "
        "Python's own TLS handshake, which Yahoo may refuse (HTTP 429)"
    )
