"""The returns a ticker page and `catalyst performance` compute, on the demo's database (the
bundled thesis, a year of bars, three of its benchmark's): one position's returns over three
spans against its benchmark, against a floor of the whole ticker page it is part of (goal: at
most half of it), and every position's, group's and the portfolio's against one position's
(six positions, their groups, the portfolio and its time-weighted rate: goal at most 15 times
one position's).

    .venv/bin/python bench/returns.py [--repeats N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import timeit
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402
from tests.support.demo_data import DEMO_NOW, demo_database  # noqa: E402

from catalyst_tui.views.performance import load_performance, ticker_returns  # noqa: E402
from catalyst_tui.views.ticker import load_ticker  # noqa: E402
from catalyst_tui.views.watchlist import load_watchlist  # noqa: E402

TODAY = dt.date(2026, 11, 20)  # DEMO_NOW in New York


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    runs = 20
    with tempfile.TemporaryDirectory() as folder:
        _config, store = demo_database(Path(folder))
        try:
            rows = load_watchlist(store, TODAY)

            def page() -> None:
                load_ticker(store, "ALAB", DEMO_NOW, TODAY, sec_configured=True, watchlist=rows)

            def best(call: Callable[[], object], number: int = runs) -> float:
                return min(timeit.repeat(call, number=number, repeat=args.repeats)) / number

            whole = best(page)
            one = best(lambda: ticker_returns(store, "ALAB", "USD", TODAY))
            every = best(lambda: load_performance(store, "USD", TODAY), 3)
        finally:
            store.close()
    print(
        f"ALAB's returns {one * 1e3:.2f} ms of its page's {whole * 1e3:.2f} ms; "
        f"catalyst performance's figures {every * 1e3:.1f} ms"
    )
    emit(
        Figure(
            "a position's returns on its ticker page",
            one * 1e3,
            whole * 1e3,
            "ms",
            "ratio <= 0.5",
            floor_is="the whole ticker page (load_ticker), returns included",
            note=f"min of {args.repeats} × {runs}, the demo's ALAB against SPY",
        )
    )
    emit(
        Figure(
            "catalyst performance's figures",
            every * 1e3,
            one * 1e3,
            "ms",
            "ratio <= 15",
            floor_is="one position's returns",
            note=f"min of {args.repeats} × 3, the demo's six positions",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
