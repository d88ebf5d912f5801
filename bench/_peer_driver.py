"""Run a peer (yfinance, stockstui) against the loopback market: run by bench/peers.py with the
peers' interpreter (they are not catalyst's dependencies), never imported by catalyst.

    PEER_MARKET=http://127.0.0.1:PORT python bench/_peer_driver.py yfinance T0001 T0002 ...
    PEER_MARKET=http://127.0.0.1:PORT python bench/_peer_driver.py stockstui

yfinance asks Yahoo's hosts by name: its chart URL's base is set to the loopback market, and
its cookie-and-crumb step is skipped (Yahoo's chart, all `yf.download` asks, wants no crumb, nor
does the market's). `yfinance` prints one line, `DOWNLOAD <seconds> <symbols with
bars>`, timed around `yf.download` alone (imports excluded); the process's own wall time is
bench/peers.py's.
"""

from __future__ import annotations

import os
import sys
import time


def point_at_loopback(base: str) -> None:
    import yfinance
    from yfinance.data import YfData

    for name, module in list(sys.modules.items()):  # each module's copy of the base URLs
        if name.startswith("yfinance") and module is not None:
            for constant in ("_BASE_URL_", "_QUERY1_URL_"):
                if hasattr(module, constant):
                    setattr(module, constant, base)
    assert base == yfinance.scrapers.history._BASE_URL_

    def cookie_and_crumb(self: object, timeout: float = 30) -> tuple[None, str]:
        return None, "basic"  # the chart, all yf.download asks, wants no crumb

    YfData._get_cookie_and_crumb = cookie_and_crumb  # type: ignore[method-assign]


def main() -> int:
    base = os.environ["PEER_MARKET"]
    peer, symbols = sys.argv[1], sys.argv[2:]
    point_at_loopback(base)
    if peer == "yfinance":
        import yfinance as yf

        started = time.perf_counter()
        frame = yf.download(
            symbols,
            period="5d",
            interval="1d",
            threads=True,
            progress=False,
            auto_adjust=False,
            multi_level_index=True,
        )
        took = time.perf_counter() - started
        got = 0 if frame is None else sum(1 for s in symbols if frame["Close"][s].notna().any())
        print(f"DOWNLOAD {took:.4f} {got}", flush=True)
        return 0
    if peer == "stockstui":
        from stockstui.main import main as stockstui_main

        sys.argv = ["stockstui"]
        return stockstui_main() or 0
    raise SystemExit(f"unknown peer {peer!r}")


if __name__ == "__main__":
    sys.exit(main())
