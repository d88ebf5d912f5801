"""`catalyst export` on a real database: every kind in CSV and JSON, one symbol, and text a
spreadsheet would run as a formula defused.

The commands run in the test's own process (tests/support/cli_inline.py), but for a reader that
goes away early: a closed pipe, and the exit status of a process it ends, are the process's."""

from __future__ import annotations

import csv
import io
import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.cli.output.export import EXPORTS, export_rows, safe_cell
from catalyst_tui.config import load_config
from catalyst_tui.store import Store
from catalyst_tui.thesis.vocabulary import KIND_NAMES, STATUSES

from ...support import cli_inline
from ...support.demo_data import seed_demo

EVIL = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    from ...conftest import BUNDLED_CONFIG

    text = BUNDLED_CONFIG.read_text().replace(
        'title = "Scorpio becomes ALAB\'s largest product line"', f"title = '{EVIL}'", 1
    )
    assert EVIL in text
    (tmp_path / "catalysts.toml").write_text(text)
    config = load_config(tmp_path / "catalysts.toml")
    with Store.open(tmp_path / "c.db") as store:
        seed_demo(store, config)
    return tmp_path


def export(workdir: Path, *args: str) -> subprocess.CompletedProcess:
    """`catalyst export ARGS` on `workdir`'s files, in this process (cli_inline)."""
    where = ("--config", str(workdir / "catalysts.toml"), "--db", str(workdir / "c.db"))
    return cli_inline.run("export", *args, *where)


def test_checkpoints_csv_defuses_formulas_and_keeps_numbers(workdir):
    done = export(workdir, "checkpoints")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    titles = {r["id"]: r["title"] for r in rows}
    assert titles["scorpio-largest-line"] == "'" + EVIL
    gross = next(r for r in rows if r["id"] == "gross-margin-floor")
    assert gross["status"] == "missed" and gross["flagged"] == "true"
    assert float(gross["value"]) == pytest.approx(0.691, abs=0.001)
    assert not any(cell.startswith(("=", "+", "@")) for r in rows for cell in r.values())


def test_checkpoints_json_is_as_stored(workdir):
    done = export(workdir, "checkpoints", "--format", "json")
    records = json.loads(done.stdout)
    assert next(r for r in records if r["id"] == "scorpio-largest-line")["title"] == EVIL


def test_prices_of_one_symbol_in_both_formats(workdir):
    with Store.open(workdir / "c.db") as store:
        bars = len(store.views.price_history("ALAB"))
    rows = list(csv.DictReader(io.StringIO(export(workdir, "prices", "--symbol", "alab").stdout)))
    assert len(rows) == bars and {r["symbol"] for r in rows} == {"ALAB"}
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    as_json = json.loads(export(workdir, "prices", "--symbol", "ALAB", "--format", "json").stdout)
    assert len(as_json) == bars and as_json[-1]["close"] == float(rows[-1]["close"])


def test_events_oldest_first_with_reasons(workdir):
    rows = list(csv.DictReader(io.StringIO(export(workdir, "events").stdout)))
    assert [r["ts"] for r in rows] == sorted(r["ts"] for r in rows)
    assert any(
        r["checkpoint_id"] == "gross-margin-floor"
        and r["to_status"] == "missed"
        and "69.1%" in r["reason"]
        for r in rows
    )


def test_an_unknown_symbol_is_a_clear_error(workdir):
    done = export(workdir, "prices", "--symbol", "NOPE")
    assert done.returncode == 2
    assert "no ticker NOPE" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        (-1.5, -1.5),
        (3, 3),
    ],
)
def test_safe_cell(cell, expected):
    assert safe_cell(cell) == expected


@pytest.mark.parametrize(
    "cell",
    [
        " =1+1",
        "  +SUM(A1)",
        "\u00a0-2+3",
        "\u3000@cmd",
        "\n=1+1",
        " \t=1",
        "＝HYPERLINK(1)",
        "＋SUM(A1)",
        "－2+3",
        "＠SUM(1)",
        " ＝1",
        "﹦1+1",
        "﹢1",
        "﹣1",
        "﹫x",
    ],
)
def test_a_formula_sign_after_spaces_or_in_another_width_is_defused(cell):
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["a=1", "x @ y", "1-2", "plain", " plain", "", "  ", "≠1"])
def test_text_that_only_holds_a_formula_sign_later_is_left_alone(cell):
    assert safe_cell(cell) == cell


# Every start a spreadsheet reads as a formula, on titles that reach both exports' text columns
# (each of these checkpoints has events in the demo story).
DANGEROUS_TITLES = {
    "scorpio-x-full-volume": "+cmd|' /C calc'!A0",
    "beats-own-guide": "-2+3+cmd|' /C calc'!A0",
    "gross-margin-floor": "@SUM(1+1)*cmd|' /C calc'!A0",
    "operating-margin-floor": "\t=1+1",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def titled(tmp_path: Path, titles: dict[str, str]) -> Path:
    """The demo database over the bundled config with these checkpoint titles."""
    from ...conftest import BUNDLED_CONFIG

    text = BUNDLED_CONFIG.read_text()
    for checkpoint_id, title in titles.items():
        head, sep, tail = text.partition(f'id = "{checkpoint_id}"\ntitle = "')
        assert sep, checkpoint_id
        rest = tail.split("\n", 1)[1]
        text = f'{head}id = "{checkpoint_id}"\ntitle = {json.dumps(title)}\n{rest}'
    (tmp_path / "catalysts.toml").write_text(text)
    config = load_config(tmp_path / "catalysts.toml")
    assert {c.id: c.title for c in config.tickers["ALAB"].checkpoints}.items() >= titles.items()
    with Store.open(tmp_path / "c.db") as store:
        seed_demo(store, config)
    return tmp_path


def csv_rows(workdir: Path, kind: str) -> list[dict[str, str]]:
    """Parsed as written, with no newline read as one: a CR in a cell is not the end of a line."""
    done = export(workdir, kind)
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(done.stdout, newline="")))


def assert_defused(rows: list[dict[str, str]], key: str, titles: dict[str, str]) -> None:
    shown = {r[key]: r["title"] for r in rows}
    for checkpoint_id, title in titles.items():
        assert shown[checkpoint_id] == "'" + title, checkpoint_id
    for row in rows:
        assert None not in row and None not in row.values(), row  # no row split or merged
        for cell in row.values():
            if cell.startswith(FORMULA_STARTS):
                float(cell)  # only a number may start so (a negative value or days_left)


def test_every_formula_start_is_defused_in_both_exports(tmp_path):
    workdir = titled(tmp_path, DANGEROUS_TITLES)
    assert_defused(csv_rows(workdir, "checkpoints"), "id", DANGEROUS_TITLES)
    assert_defused(csv_rows(workdir, "events"), "checkpoint_id", DANGEROUS_TITLES)


def test_formula_signs_after_spaces_and_in_fullwidth_are_defused_in_both_exports(tmp_path):
    titles = {
        "scorpio-x-full-volume": '  =HYPERLINK("http://evil.example")',
        "beats-own-guide": '＝HYPERLINK("http://evil.example")',
        "gross-margin-floor": "\u3000＋cmd|' /C calc'!A0",
        "operating-margin-floor": " ＠SUM(1+1)",
    }
    workdir = titled(tmp_path, titles)
    assert_defused(csv_rows(workdir, "checkpoints"), "id", titles)
    assert_defused(csv_rows(workdir, "events"), "checkpoint_id", titles)


def test_a_carriage_return_in_a_title_cannot_start_a_row_of_its_own(tmp_path):
    titles = {"position-weight-cap": "\r=1+1", "gross-margin-floor": "Margin ok\r=HYPERLINK(1)"}
    workdir = titled(tmp_path, titles)
    rows = csv_rows(workdir, "checkpoints")
    assert_defused(rows, "id", {"position-weight-cap": titles["position-weight-cap"]})
    gm = next(r for r in rows if r["id"] == "gross-margin-floor")
    assert gm["title"] == titles["gross-margin-floor"]  # one cell, CR and all


def test_a_reader_that_stops_early_ends_the_export_quietly(workdir):
    """`catalyst export prices | head -1`: the pipe closes while catalyst still writes; it ends
    as a Unix tool ended by SIGPIPE does (141), with nothing on stderr."""
    with Store.open(workdir / "c.db") as store:
        assert len(list(store.views.iter_prices(None))) > 2000  # more than a pipe holds
    command = [
        sys.executable,
        "-m",
        "catalyst_tui.cli",
        "export",
        "prices",
        "--config",
        str(workdir / "catalysts.toml"),
        "--db",
        str(workdir / "c.db"),
    ]
    done = subprocess.run(
        ["sh", "-c", f"{shlex.join(command)} | head -1"], capture_output=True, text=True, timeout=60
    )
    assert done.stdout == "symbol,date,open,high,low,close,volume,source\n"
    assert done.stderr == ""  # no BrokenPipeError, no "unexpected error"
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline().startswith(b"symbol,date")
        process.stdout.close()  # the reader goes away
        errors = process.stderr.read()
        assert process.wait(timeout=60) == 141
    assert errors == b""


def test_events_say_true_and_false_as_check_does_and_flagged_is_unacknowledged(workdir):
    """`manual` and `flagged` are JSON booleans (CSV true/false), as in `check --json`; an
    event is flagged while its miss is unacknowledged, as everywhere."""
    events = json.loads(export(workdir, "events", "--format", "json").stdout)
    assert events and all(isinstance(e["manual"], bool) for e in events)
    assert all(isinstance(e["flagged"], bool) for e in events)
    flagged = {(e["symbol"], e["checkpoint_id"]) for e in events if e["flagged"]}
    assert all(e["acked_at"] is None for e in events if e["flagged"])
    where = ("--db", str(workdir / "c.db"), "--config", str(workdir / "catalysts.toml"))
    done = cli_inline.run("check", "--json", *where)
    checked = {(r["symbol"], r["id"]) for r in json.loads(done.stdout) if r["flagged"]}
    assert flagged == checked
    rows = list(csv.DictReader(io.StringIO(export(workdir, "events").stdout)))
    assert {r["manual"] for r in rows} <= {"true", "false"}
    assert {r["flagged"] for r in rows} == {"true", "false"}


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _day(cell: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(cell[:10])
    except ValueError:
        return False
    return True


#: What a cell under each header must hold (empty: not known), whichever export has the column.
CELL_RULES = {
    **dict.fromkeys(
        (
            "open",
            "high",
            "low",
            "close",
            "volume",
            "value",
            "threshold",
            "shares",
            "price",
            "fees",
            "fx",
            "per_share",
            "gross",
            "tax",
            "net",
            "net_base",
            "days_left",
        ),
        _number,
    ),
    **dict.fromkeys(("date", "ex_date", "pay_date", "due", "ts", "acked_at"), _day),
    **dict.fromkeys(("status", "from_status", "to_status"), lambda c: c in STATUSES),
    **dict.fromkeys(("flagged", "manual"), lambda c: c in ("true", "false")),
    **dict.fromkeys(("currency", "base_currency"), lambda c: len(c) == 3 and c.isalpha()),
    "kind": lambda c: c in (*KIND_NAMES, "lot", "sell"),
    "condition": lambda c: any(op in c for op in ("<", ">", "=")),
}


def export_rows_columns(workdir: Path, what: str) -> tuple[str, ...]:
    import datetime as dt

    with Store.open(workdir / "c.db") as store:
        columns, _rows = export_rows(store, what, symbol=None, today=dt.date.today(), base="USD")
    return columns


@pytest.mark.parametrize("what", EXPORTS)
def test_every_exports_cells_hold_what_their_header_names(workdir, what):
    """Each column of each export against its header: a threshold is a number (not the
    condition), a date is a date, a status one of the statuses."""
    done = export(workdir, what)
    assert done.returncode == 0, done.stderr
    reader = csv.DictReader(io.StringIO(done.stdout))
    rows = list(reader)
    assert rows or what == "dividends"  # the seeded demo has received none
    assert tuple(reader.fieldnames or ()) == export_rows_columns(workdir, what)
    checked = [name for name in reader.fieldnames or () if name in CELL_RULES]
    wrong = [
        (name, r[name])
        for r in rows
        for name in checked
        if r[name] and not CELL_RULES[name](r[name])
    ]
    assert wrong == []
    if what == "events":
        compared = [r for r in rows if r["condition"]]
        assert compared and all(_number(r["threshold"]) for r in compared)
