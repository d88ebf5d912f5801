"""`catalyst import` of hostile files: what is no regular file (a folder, a pipe, a device, a link
to one), a file past the bound, every encoding an export comes in, decimals decided for the whole
file, errors located at the export's own line, a bad cell shown as it is; and all the trades
written in one edit, however many they are."""

from __future__ import annotations

import codecs
import datetime as dt
import os
import tomllib
from pathlib import Path

import pytest

from catalyst_tui.cli.imports import MAX_IMPORT_BYTES
from catalyst_tui.thesis.portfolio.positions import Lot, Sell
from tests.cli.test_import import THESIS, export, imported, run

D = dt.date


def _refused(err: str) -> None:
    assert "unexpected" not in err.lower() and "Traceback" not in err


@pytest.mark.parametrize("kind", ["folder", "pipe", "device", "link to a pipe", "link to a folder"])
def test_what_is_no_regular_file_is_refused_at_once(tmp_path, capsys, kind):
    (tmp_path / "catalysts.toml").write_text(THESIS)
    target = tmp_path / "thing"
    if "folder" in kind:
        target.mkdir()
    elif "pipe" in kind:
        os.mkfifo(target)  # no writer: reading it would wait for ever
    else:
        target = Path(os.devnull)
    path = target
    if kind.startswith("link"):
        path = tmp_path / "export.csv"
        path.symlink_to(target)
    code, _out, err = run(tmp_path, capsys, str(path))
    assert code == 2, err
    word = {"folder": "a folder", "pipe": "a pipe", "device": "a device"}[kind.split()[-1]]
    assert f"{path}: {word}, not a broker's export file" in err
    _refused(err)
    assert (tmp_path / "catalysts.toml").read_text() == THESIS


def test_a_file_past_the_bound_is_refused_from_its_size(tmp_path, capsys):
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:  # sparse: its size without its bytes on the disk
        handle.write(b"date,symbol,side,shares,price\n")
        handle.truncate(MAX_IMPORT_BYTES + 1)
    (tmp_path / "catalysts.toml").write_text(THESIS)
    code, _out, err = run(tmp_path, capsys, str(path))
    assert code == 2 and "larger than 64 MB, not a transaction export" in err
    _refused(err)


def _loads_counted(monkeypatch) -> list[int]:
    calls = [0]
    real = tomllib.loads

    def counted(text: str, **kwargs):
        calls[0] += 1
        return real(text, **kwargs)

    monkeypatch.setattr(tomllib, "loads", counted)
    return calls


def test_all_the_trades_go_into_the_file_in_one_edit(tmp_path, capsys, monkeypatch):
    """The file is parsed as many times for 10 trades as for 100 (one edit: one parse of the
    text before, one of the result), and written once."""
    counts = []
    for n in (10, 100):
        folder = tmp_path / str(n)
        folder.mkdir()
        rows = "".join(
            f"2024-01-{1 + i % 28:02d},S{i % 7},buy,{i + 1},{10 + i}\n" for i in range(n)
        )
        path = export(folder, "mine.csv", "date,symbol,side,shares,price\n" + rows)
        (folder / "catalysts.toml").write_text(THESIS + f"# {folder}\n")  # never read before
        calls = _loads_counted(monkeypatch)
        code, _out, err = run(folder, capsys, path)
        monkeypatch.undo()
        assert code == 0, err
        counts.append(calls[0])
        text = (folder / "catalysts.toml").read_text()
        assert text.count("[[tickers.S") == n and text.startswith("# my thesis")
        assert (folder / "catalysts.toml.bak").read_text() == THESIS + f"# {folder}\n"
    assert counts[0] == counts[1]
    # the lots land in their tickers, by date, then in the export's order
    lots, _ = imported(tmp_path / "100", "S3")
    order = sorted((i for i in range(100) if i % 7 == 3), key=lambda i: (i % 28, i))
    assert [lot.shares for lot in lots] == [i + 1 for i in order]


GENERIC_NAMES = "date,symbol,side,shares,price,name\n2024-01-05,NESN.SW,buy,3,98.5,Nestlé\n"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("cp1252", b""),
    ],
)
def test_each_encoding_is_read_as_its_utf8_twin(tmp_path, capsys, encoding, bom):
    path = tmp_path / "mine.csv"
    path.write_bytes(bom + GENERIC_NAMES.replace("\n", "\r\n").encode(encoding))
    (tmp_path / "catalysts.toml").write_text(THESIS)
    code, _out, err = run(tmp_path, capsys, str(path))
    assert code == 0, err
    assert imported(tmp_path, "NESN.SW") == ([Lot(3, 98.5, D(2024, 1, 5))], [])
    assert 'name = "Nestlé"' in (tmp_path / "catalysts.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (GENERIC_NAMES.encode("utf-16-le"), "UTF-16 text without its byte-order mark"),
        (codecs.BOM_UTF32_LE + GENERIC_NAMES.encode("utf-32-le"), "UTF-32 text"),
        (b"date,symbol\n\x81\x8d\x8f\n", "neither UTF-8 nor Windows-1252"),
    ],
)
def test_an_encoding_not_read_is_refused_saying_what_the_file_is(tmp_path, capsys, data, said):
    path = tmp_path / "mine.csv"
    path.write_bytes(data)
    (tmp_path / "catalysts.toml").write_text(THESIS)
    code, _out, err = run(tmp_path, capsys, str(path))
    assert code == 2 and said in err and "no header line" not in err
    _refused(err)


def test_decimal_commas_decided_for_the_file_read_a_dotted_share_count_as_thousands(
    tmp_path, capsys
):
    text = 'date,symbol,side,shares,price\n2024-01-05,SAP.DE,buy,"1.234","171,24"\n'
    code, _out, err = run(tmp_path, capsys, export(tmp_path, "mine.csv", text))
    assert code == 0, err
    assert imported(tmp_path, "SAP.DE") == ([Lot(1234, 171.24, D(2024, 1, 5))], [])


def test_a_semicolon_file_with_decimal_points_is_read_with_points(tmp_path, capsys):
    text = "date;symbol;side;shares;price\n2024-01-05;SAP.DE;buy;1.234;171.24\n"
    code, _out, err = run(tmp_path, capsys, export(tmp_path, "mine.csv", text))
    assert code == 0, err
    assert imported(tmp_path, "SAP.DE") == ([Lot(1.234, 171.24, D(2024, 1, 5))], [])


def test_a_file_whose_decimals_could_be_either_is_refused_naming_the_options(tmp_path, capsys):
    text = "date;symbol;side;shares;price\n2024-01-05;SAP.DE;buy;1.234;171\n"
    path = export(tmp_path, "mine.csv", text)
    code, _out, err = run(tmp_path, capsys, path)
    assert code == 2
    assert f"{path}:2: '1.234' could be thousands or decimals" in err
    assert "--decimal-comma or --decimal-point" in err
    code, _out, err = run(tmp_path, capsys, path, "--decimal-comma")
    assert code == 0, err
    assert imported(tmp_path, "SAP.DE")[0] == [Lot(1234, 171, D(2024, 1, 5))]


def test_a_file_that_writes_both_marks_is_refused(tmp_path, capsys):
    text = 'date,symbol,side,shares,price\n2024-01-05,SAP.DE,buy,2,"171,24"\n2024-01-06,SAP.DE,buy,2,171.5\n'  # noqa: E501
    code, _out, err = run(tmp_path, capsys, export(tmp_path, "mine.csv", text))
    assert code == 2 and "(a decimal comma) and '171.5' (a decimal point; lines 2 and 3)" in err


SALES = "date,symbol,side,shares,price\n2024-02-01,NVDA,sell,5,700\n"


def test_a_sale_without_a_buy_is_left_out_at_the_exports_line(tmp_path, capsys):
    path = export(tmp_path, "sales.csv", SALES)
    code, out, err = run(tmp_path, capsys, path, "--dry-run")
    said = " ".join(out.split())
    assert code == 0 and f"{path}:2: sells 5 NVDA on 2024-02-01, but none held then" in said
    assert "--opening NVDA=5@PRICE" in said and "catalysts.toml:" not in err + out
    assert (tmp_path / "catalysts.toml").read_text() == THESIS


def test_an_oversold_sale_is_left_out_at_the_exports_line(tmp_path, capsys):
    text = "date,symbol,side,shares,price\n2024-01-05,NVDA,buy,3,480\n2024-02-01,NVDA,sell,5,700\n"
    path = export(tmp_path, "sales.csv", text)
    code, out, err = run(tmp_path, capsys, path, "--dry-run")
    said = " ".join(out.split())
    assert code == 0 and f"{path}:3: sells 5 NVDA on 2024-02-01, but only 3 held then" in said
    assert "an opening position of 2; say --opening NVDA=2@PRICE" in said
    # a sale its buy of the same export holds goes in with it
    code, _out, err = run(tmp_path, capsys, export(tmp_path, "s.csv", text.replace(",5,", ",2,")))
    assert code == 0, err
    assert imported(tmp_path, "NVDA") == (
        [Lot(3, 480, D(2024, 1, 5))],
        [Sell(2, 700, D(2024, 2, 1))],
    )


def test_a_trade_dated_in_the_future_is_refused_at_the_exports_line(tmp_path, capsys):
    later = dt.date.today() + dt.timedelta(days=400)
    text = f"date,symbol,side,shares,price\n{later.isoformat()},NVDA,buy,3,480\n"
    path = export(tmp_path, "mine.csv", text)
    code, _out, err = run(tmp_path, capsys, path)
    assert code == 2 and f"{path}:2: dated {later.isoformat()}, after today" in err


def test_a_buy_of_negative_shares_is_refused_not_turned_positive(tmp_path, capsys):
    text = "date,symbol,side,shares,price\n2024-01-05,NVDA,buy,-3,480\n"
    path = export(tmp_path, "mine.csv", text)
    code, _out, err = run(tmp_path, capsys, path)
    assert code == 2 and f"{path}:2: a buy of -3 shares" in err


def test_a_bad_cell_is_shown_with_its_control_characters_escaped(tmp_path, capsys):
    text = "date,symbol,side,shares,price\n2024-01-05,NV\x00DA,buy,3,480\n2024-01-06,AAPL,buy,1,1\x1b[2J\n"  # noqa: E501
    path = export(tmp_path, "mine.csv", text)
    code, _out, err = run(tmp_path, capsys, path)
    assert code == 2
    assert f"{path}:2: 'NV\\x00DA' is not a ticker symbol" in err
    assert f"{path}:3: '1\\x1b[2J' is not a number" in err
    assert "\x00" not in err and "\x1b" not in err


def test_a_file_of_one_endless_cell_is_refused_at_its_line(tmp_path, capsys):
    path = export(tmp_path, "mine.csv", "date,symbol,side,shares,price\n" + "9" * 300_000)
    code, _out, err = run(tmp_path, capsys, path)
    assert code == 2 and f"{path}:1: not a CSV file: field larger than field limit" in err
    _refused(err)
