"""`catalyst export dividends` on a real database and catalysts.toml, in CSV and JSON: each
dividend a position received, by ticker and ex-date, with the shares held that morning (after a
sale), the amount per share, gross, tax withheld and net in the listing's unit (pence for a
London listing), and net in the base currency at the ex-date's rate, worked by hand here; an
entry of the file as written; the pay date empty, as the provider does not give it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.market.models import Dividend, FxRate, Quote, QuoteOutcome
from catalyst_tui.store import Store

NOW = dt.datetime(2026, 6, 30, 21, 0, tzinfo=dt.UTC)
D = dt.date


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "catalysts.toml").write_text("""[tickers.MSFT]
name = "Microsoft"
dividend_tax = "15%"
[[tickers.MSFT.lots]]
shares = 20
cost = 300
date = 2025-01-10
[[tickers.MSFT.sells]]
shares = 5
price = 400
date = 2025-06-02

[tickers."SHEL.L"]
name = "Shell"
[[tickers."SHEL.L".lots]]
shares = 100
cost = 2500
date = 2025-03-03
[[tickers."SHEL.L".dividends]]
date = 2026-02-12
amount = 1800
note = "as the broker paid it"
""")
    config = load_config(tmp_path / "catalysts.toml")
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW)
        store.market.save_quotes(
            [
                QuoteOutcome("MSFT", Quote("MSFT", 420.0, None, None, None, "USD", None, NOW, "t")),
                QuoteOutcome(
                    "SHEL.L", Quote("SHEL.L", 2700.0, None, None, None, "GBp", None, NOW, "t")
                ),
            ],
            NOW,
        )
        store.dividends.save(
            [
                Dividend("MSFT", D(2025, 5, 15), 0.75),  # 20 held
                Dividend("MSFT", D(2025, 8, 20), 0.80),  # 15 held: 5 sold on 2 June
                Dividend("MSFT", D(2024, 11, 20), 0.70),  # before the lot: nothing received
                Dividend("SHEL.L", D(2025, 8, 14), 25.0),  # pence a share, 100 held
            ]
        )
        store.fx.save(
            [
                FxRate("GBP", "USD", D(2025, 8, 14), 1.25, "ecb"),
                FxRate("GBP", "USD", D(2026, 2, 12), 1.30, "ecb"),
            ],
            NOW,
        )
    return tmp_path


def export(workdir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            "export",
            "dividends",
            *args,
            "--config",
            str(workdir / "catalysts.toml"),
            "--db",
            str(workdir / "c.db"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ},
    )


# By hand: MSFT 20 × 0.75 = 15.00, 15% withheld 2.25, 12.75 received; 15 × 0.80 = 12.00, 1.80
# withheld, 10.20; in USD as listed. SHEL.L 100 × 25p = 2500p, nothing withheld, at 1.25 USD a
# pound (0.0125 a penny) 31.25 USD; the file's 1800p at 1.30 (0.013 a penny) 23.40 USD.
EXPECTED = [
    {
        "symbol": "MSFT",
        "ex_date": "2025-05-15",
        "pay_date": None,
        "shares": 20.0,
        "per_share": 0.75,
        "currency": "USD",
        "gross": 15.0,
        "tax": 2.25,
        "net": 12.75,
        "base_currency": "USD",
        "fx": 1.0,
        "net_base": 12.75,
        "source": "provider",
    },
    {
        "symbol": "MSFT",
        "ex_date": "2025-08-20",
        "pay_date": None,
        "shares": 15.0,
        "per_share": 0.80,
        "currency": "USD",
        "gross": 12.0,
        "tax": 1.8,
        "net": 10.2,
        "base_currency": "USD",
        "fx": 1.0,
        "net_base": 10.2,
        "source": "provider",
    },
    {
        "symbol": "SHEL.L",
        "ex_date": "2025-08-14",
        "pay_date": None,
        "shares": 100.0,
        "per_share": 25.0,
        "currency": "GBp",
        "gross": 2500.0,
        "tax": 0.0,
        "net": 2500.0,
        "base_currency": "USD",
        "fx": 0.0125,
        "net_base": 31.25,
        "source": "provider",
    },
    {
        "symbol": "SHEL.L",
        # a dividend written in the file is dated the day it was received (its pay date); it
        # states no ex-date here (docs/config.md, `ex_date`)
        "ex_date": None,
        "pay_date": "2026-02-12",
        "shares": 100.0,
        "per_share": None,
        "currency": "GBp",
        "gross": None,
        "tax": None,
        "net": 1800.0,
        "base_currency": "USD",
        "fx": 0.013,
        "net_base": 23.4,
        "source": "file",
    },
]


def approx(row: dict) -> dict:
    return {k: pytest.approx(v) if isinstance(v, float) else v for k, v in row.items()}


def test_json_gives_each_dividend_received_worked_by_hand(workdir):
    done = export(workdir, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [approx(row) for row in EXPECTED]


def test_csv_gives_the_same_rows_with_empty_cells_for_what_is_not_known(workdir):
    done = export(workdir)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout, newline="")))
    assert list(rows[0]) == list(EXPECTED[0])
    for got, want in zip(rows, EXPECTED, strict=True):
        for key, value in want.items():
            if value is None:
                assert got[key] == "", key
            elif isinstance(value, float):
                assert float(got[key]) == pytest.approx(value), key
            else:
                assert got[key] == value, key


def test_one_symbol(workdir):
    done = export(workdir, "--symbol", "SHEL.L", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [approx(row) for row in EXPECTED[2:]]
