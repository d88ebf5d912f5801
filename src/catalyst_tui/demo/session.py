"""One demo: the replay market on 127.0.0.1, and in a temporary folder a copy of the bundled thesis
whose every provider URL points at it (with an SEC contact set), its database and its log. Closing
it stops the market and removes the folder: nothing of the user's is read or written.

Every `*_url` setting of every provider table (market/registry.py SETTINGS) is rewritten, so a
provider added later is pointed at the market too; the path of its default URL is kept
(`tickers_url` is the market's `/files/company_tickers.json`). While a demo runs, `private_dirs`
puts the user folders catalyst would write to (config cache, log, state, data) in its folder, and
NO_PROXY keeps requests to the market off any proxy of the environment.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import tomlkit

from ..market.registry import SETTINGS
from ..paths import bundled_example
from . import prices
from .funds import FUNDS
from .server import ReplayMarket

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

DEMO_CONTACT = "Catalyst Demo demo@example.com"
HEADER = (
    "# catalyst demo: a temporary copy of the bundled thesis, its providers pointed at the demo's\n"
    "# replay market on 127.0.0.1. It is removed when the demo ends.\n\n"
)
_XDG = ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")


def demo_config_text(text: str, market_url: str, contact: str = DEMO_CONTACT) -> str:
    """The thesis `text` with every provider URL and every ticker's feed on `market_url`, SEC's
    contact set and no browser TLS; its comments, tickers and checkpoints as they were, and CRDO
    given a milestone already missed (a broken thesis to show), NVDA a guard on its size that
    holds (an intact thesis beside them)."""
    document = tomlkit.parse(text)
    providers = document.setdefault("providers", tomlkit.table())
    for table, settings in SETTINGS.items():
        urls = {
            key: market_url + urlsplit(default).path
            for key, default in getattr(settings, "_field_defaults", {}).items()
            if key.endswith("_url") and isinstance(default, str)
        }
        if not urls:
            continue
        if table not in providers:
            providers[table] = tomlkit.table()
        for key, url in urls.items():
            providers[table][key] = url
    providers["sec"]["user_agent"] = contact
    for symbol, ticker in document.get("tickers", {}).items():  # the companies' own feeds
        if isinstance(ticker, dict) and isinstance(ticker.get("feeds"), list):
            ticker["feeds"] = [
                f"{market_url}/feeds/{symbol}{urlsplit(str(url)).path}" for url in ticker["feeds"]
            ]
    # The replay market speaks plain HTTP on 127.0.0.1 and answers any client: Yahoo's requests
    # go through httpx like the others (a Chrome handshake is for Yahoo's own servers), so
    # every request of the demo is one Python makes and can be watched.
    settings = document.setdefault("settings", tomlkit.table())
    settings["browser_tls"] = tomlkit.array()
    _with_checkpoints(document)
    _with_dividends(document)
    return HEADER + tomlkit.dumps(document)


# The demo's income holdings (demo/funds.py): a fund paying dollars with 15% withheld (as a
# treaty rate withholds from a foreign holder) and one paying pence on London, each bought on
# LOT_DAY at that day's close, so the Performance screen, the positions' dividends and
# `catalyst export dividends` show dividends in two currencies and the tax withheld.
INCOME = (("VYM", 8, "15%"), ("ISF.L", 50, ""))  # small: ALAB stays over its 15% cap
LOT_DAY = date(2025, 6, 2)


def _with_dividends(document: tomlkit.TOMLDocument) -> None:
    tickers = document.setdefault("tickers", tomlkit.table())
    for symbol, shares, withheld in INCOME:
        if symbol in tickers:
            continue
        ticker = tomlkit.table()
        ticker["name"] = FUNDS[symbol].name
        ticker["group"] = "income"
        if withheld:
            ticker["dividend_tax"] = withheld
        lot = tomlkit.table()
        lot.update(
            {
                "shares": shares,
                "cost": round(prices.close(symbol, LOT_DAY), 2),
                "date": LOT_DAY,
                "note": "the demo's: an income holding",
            }
        )
        ticker["lots"] = tomlkit.aot()
        ticker["lots"].append(lot)
        tickers[symbol] = ticker


# Checkpoints the demo gives a ticker the file gives none, so the demo shows the verdicts apart
# (docs/thesis.md, Verdicts). CRDO: a milestone due before any demo's day and never marked,
# missed: its thesis reads broken beside ALAB's at risk (its margins under the floors) and the
# others' unjudged. NVDA, the largest holding: a guard on its weight that holds (about 28% of the
# demo's book under a 35% cap) and a milestone still to come: its thesis reads intact.
_CHECKPOINTS: dict[str, tuple[dict[str, object], ...]] = {
    "CRDO": (
        {
            "id": "second-hyperscaler-aec",
            "title": "A second hyperscaler ramps Credo's AECs",
            "kind": "milestone",
            "due": date(2025, 12, 31),
            "notes": "The demo's: due before the demo's day and never marked, so missed.",
        },
    ),
    "NVDA": (
        {
            "id": "position-cap",
            "title": "NVDA stays under 35% of the book",
            "kind": "guard",
            "when": "weight <= 35%",
            "notes": "The demo's: the largest holding, kept from crowding out the rest.",
        },
        {
            "id": "rubin-ships",
            "title": "Rubin systems ship to customers",
            "kind": "milestone",
            "due": date(2027, 6, 30),
            "notes": "The demo's: due after the demo's day, so still to be judged.",
        },
    ),
}


def _with_checkpoints(document: tomlkit.TOMLDocument) -> None:
    """Each ticker of _CHECKPOINTS given its checkpoints, where the file has that ticker and
    writes none of its own."""
    tickers = document.get("tickers", {})
    for symbol, checkpoints in _CHECKPOINTS.items():
        ticker = tickers.get(symbol)
        if not isinstance(ticker, dict) or "checkpoints" in ticker:
            continue
        ticker["checkpoints"] = tomlkit.aot()
        for fields in checkpoints:
            checkpoint = tomlkit.table()
            checkpoint.update(fields)
            ticker["checkpoints"].append(checkpoint)


class DemoSession:
    """`with DemoSession() as demo:` the market runs and demo.config_path, demo.db_path exist
    (the database is made by whoever opens it); on leaving, both are gone."""

    def __init__(
        self,
        *,
        now: Callable[[], datetime] | None = None,
        contact: str = DEMO_CONTACT,
        thesis: bytes | None = None,
        port: int = 0,
    ) -> None:
        self._now = now
        self._port = port
        self._contact = contact
        self._thesis = thesis
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self.market: ReplayMarket | None = None

    @property
    def folder(self) -> Path:
        assert self._folder is not None, "the demo is not open"
        return Path(self._folder.name)

    @property
    def config_path(self) -> Path:
        return self.folder / "catalysts.toml"

    @property
    def db_path(self) -> Path:
        return self.folder / "catalyst.db"

    @property
    def log_path(self) -> Path:
        return self.folder / "catalyst.log"

    @property
    def url(self) -> str:
        assert self.market is not None, "the demo is not open"
        return self.market.url

    def open(self) -> DemoSession:
        text = (self._thesis or bundled_example()).decode("utf-8")
        self._folder = tempfile.TemporaryDirectory(prefix="catalyst-demo-")
        try:
            os.chmod(self._folder.name, 0o700)
            # The companies it lists, the bundled thesis's among them: a ticker the user adds
            # that it does not list (a typo) is unknown to it, as to Yahoo.
            self.market = ReplayMarket((), now=self._now, port=self._port).start()
            self.config_path.write_text(
                demo_config_text(text, self.market.url, self._contact), encoding="utf-8"
            )
        except BaseException:
            self.close()
            raise
        return self

    def close(self) -> None:
        if self.market is not None:
            self.market.stop()
            self.market = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def __enter__(self) -> DemoSession:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextlib.contextmanager
def private_dirs(folder: Path) -> Iterator[None]:
    """The user folders catalyst writes to (XDG config, cache, data, state) inside `folder`,
    and no proxy for 127.0.0.1, in this process and its children, until the block ends."""
    saved = {name: os.environ.get(name) for name in (*_XDG, "NO_PROXY", "no_proxy")}
    try:
        for name in _XDG:
            os.environ[name] = str(folder / name.removeprefix("XDG_").lower())
        for name in ("NO_PROXY", "no_proxy"):
            before = saved[name]
            os.environ[name] = ",".join(filter(None, ["127.0.0.1", "localhost", before]))
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
