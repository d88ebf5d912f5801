"""The preview of a large import is bounded: the first rows (output/imports.py SHOWN) and a
summary of the rest, whose counts are those of the file (written here by hand), never a line
per trade; so too the rows left out."""

from __future__ import annotations

from catalyst_tui.cli.output.imports import SHOWN
from tests.cli.test_import import export, run

N = 5_000


def test_a_large_preview_prints_the_first_rows_and_a_summary(tmp_path, capsys):
    rows = "".join(f"2024-01-{1 + i % 28:02d},S{i % 50},buy,{1 + i % 9},10.5\n" for i in range(N))
    path = export(tmp_path, "big.csv", "date,symbol,side,shares,price\n" + rows)
    code, out, err = run(tmp_path, capsys, path, "--dry-run")
    assert code == 0, err
    lines = out.splitlines()
    # a title, a header, SHOWN rows, the summary, the notes: never one line a trade
    assert len(lines) <= SHOWN + 4, len(lines)
    assert f"would add 5,000 trades (the first {SHOWN} shown)" in out
    # by hand: 5,000 buys of S0..S49 dated 1 to 28 January
    assert f"… and {N - SHOWN:,} more trades; in all 5,000 buys and 0 sales of 50 symbols, " in out
    assert "2024-01-01 to 2024-01-28" in out


def test_a_large_number_of_rows_left_out_is_counted_not_listed(tmp_path, capsys):
    rows = "".join(f"2024-01-{1 + i % 28:02d},S{i % 50},sell,1,10.5\n" for i in range(N))
    path = export(tmp_path, "sales.csv", "date,symbol,side,shares,price\n" + rows)
    code, out, err = run(tmp_path, capsys, path, "--dry-run")
    assert code == 0, err
    assert len(out.splitlines()) <= SHOWN * 3 + 4  # a left-out line may wrap
    assert f"… and {N - SHOWN:,} more rows left out" in out


def test_a_dividends_amounts_are_shown_to_the_cent_as_money_is(tmp_path, capsys):
    """Money to the cent, as everywhere (2,669.14 pence, 0.39 dollars): a fraction of a cent
    the export states is kept (0.075), never four decimals of zeros."""
    from tests.support.shared import REALDATA

    (tmp_path / "catalysts.toml").write_text('[settings]\ncurrency = "EUR"\n')
    freetrade = REALDATA / "brokers" / "freetrade-export.csv"
    code, out, err = run(tmp_path, capsys, str(freetrade), "--dry-run")
    assert code == 0, err
    # freetrade-export.csv line 4: 421 ATST at 0.0634 GBP = 2,669.14 pence, none withheld
    assert "2,669.14" in out and "2,669.1400" not in out and "0.0000" not in out
    # line 5: NVDA 0.39 received, 0.07 withheld; line 14: AAPL 0.075 received, 0.02 withheld
    assert "0.39" in out and "0.3900" not in out and "0.075" in out
