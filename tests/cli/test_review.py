"""`catalyst review` (run as the script runs it, in the test's process: tests/support/
cli_inline.py) on a real database: a hand-built thesis per verdict (a milestone past its due
date, a guard you marked missed, a kill criterion, every milestone met, nothing decided), each
with its reasons in strict JSON and in lines, and the portfolio's."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.support import cli_inline

THESIS = """
[settings]
providers = ["yahoo"]

[tickers.BRK]
name = "Broken Co"
[[tickers.BRK.checkpoints]]
id = "ship"
title = "Ships the product"
kind = "milestone"
due = 2020-01-31
judged = "at due"

[tickers.RSK]
name = "Risky Co"
[[tickers.RSK.checkpoints]]
id = "floor"
title = "Price floor"
kind = "guard"
when = "price >= 10"

[tickers.KIL]
name = "Killed Co"
[[tickers.KIL.checkpoints]]
id = "moat"
title = "Margin moat"
kind = "guard"
when = "gross_margin >= 50%"
kill = true

[tickers.PRV]
name = "Proven Co"
[[tickers.PRV.checkpoints]]
id = "launch"
title = "Launches"
kind = "milestone"
due = 2099-12-31

[tickers.INT]
name = "Intact Co"
[[tickers.INT.checkpoints]]
id = "funded"
title = "Funded"
kind = "milestone"
due = 2099-12-31
[[tickers.INT.checkpoints]]
id = "launch"
title = "Launches"
kind = "milestone"
due = 2099-12-31

[tickers.NEW]
name = "New Co"
"""


def cli(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return cli_inline.on_files(workdir, *args)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("review")
    (workdir / "catalysts.toml").write_text(THESIS)
    marks = (("RSK/floor", "missed"), ("KIL/moat", "missed"), ("PRV/launch", "met"))
    for target, status in (*marks, ("INT/funded", "met")):
        result = cli(workdir, "mark", target, status)
        assert result.returncode == 0, result.stderr
    assert cli(workdir, "check").returncode == 1  # BRK's milestone is missed: flagged
    for words in (["Bought", "more", "after", "the", "call"], ["\x1b]2;owned\x07Trimmed"]):
        action = "add" if words[0] == "Bought" else "trim"
        result = cli(workdir, "note", "prv", *words, "--action", action, "--conviction", "high")
        assert result.returncode == 0, result.stderr
    assert cli(workdir, "note", "PRV", "Held").stdout == "PRV: noted in its journal\n"
    return workdir


def test_review_json_gives_each_verdict_with_its_reasons_and_the_portfolio(workdir: Path):
    result = cli(workdir, "review", "--json")
    assert result.returncode == 0, result.stderr
    review = json.loads(result.stdout, parse_constant=lambda c: pytest.fail(f"not JSON: {c}"))
    by_symbol = {t["symbol"]: t for t in review["tickers"]}
    assert list(by_symbol) == ["BRK", "RSK", "KIL", "PRV", "INT", "NEW"]  # the file's order
    assert {s: t["verdict"] for s, t in by_symbol.items()} == {
        "BRK": "broken",
        "RSK": "at risk",
        "KIL": "broken",
        "PRV": "proven",
        "INT": "intact",
        "NEW": "unjudged",
    }
    assert by_symbol["INT"]["coverage"] == "1 of 2 checkpoints judged"
    assert [(r["rule"], r["checkpoint"]) for r in by_symbol["INT"]["remaining"]] == [
        ("to_judge", "launch")
    ]
    assert (by_symbol["NEW"]["coverage"], by_symbol["NEW"]["judged"]) == ("no checkpoints", 0)
    assert by_symbol["PRV"]["coverage"] == "1 of 1 checkpoint judged"
    [ship] = by_symbol["BRK"]["reasons"]
    assert (ship["rule"], ship["checkpoint"], ship["status"]) == (
        "milestone_missed",
        "ship",
        "missed",
    )
    assert ship["since"] is not None and ship["marked"] is False
    assert [r["rule"] for r in by_symbol["KIL"]["reasons"]] == ["kill_missed"]
    assert by_symbol["RSK"]["reasons"][0]["marked"] is True
    assert by_symbol["INT"]["reasons"] == [] and by_symbol["INT"]["journal"] == []
    journal = by_symbol["PRV"]["journal"]  # newest first
    assert [(n["text"], n["action"], n["conviction"]) for n in journal] == [
        ("Held", None, None),
        ("\x1b]2;owned\x07Trimmed", "trim", "high"),
        ("Bought more after the call", "add", "high"),
    ]
    assert review["portfolio"] == {
        "verdict": "broken",
        "counts": {"broken": 2, "at risk": 1, "intact": 1, "proven": 1, "unjudged": 1},
        "worst": ["BRK", "KIL"],
        "book_at_risk": None,  # no positions: no book
    }


def test_review_of_one_symbol_prints_its_verdict_and_reasons_one_a_line(workdir: Path):
    result = cli(workdir, "review", "kil")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["KIL", "broken"]
    assert lines[1].startswith("  kill criterion missed: Margin moat, marked by you ")
    assert lines[0].endswith("(1 of 1 checkpoint judged)")
    assert lines[-1] == (
        "portfolio: broken (2 broken · 1 at risk · 1 intact · 1 proven · 1 unjudged)"
    )


def test_review_of_an_unknown_symbol_is_refused_with_the_closest(workdir: Path):
    result = cli(workdir, "review", "BRX")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "no ticker BRX" in result.stderr and "BRK" in result.stderr


def test_review_of_one_symbol_prints_its_journal_newest_first_with_no_escape_reaching_the_terminal(
    workdir: Path,
):
    result = cli(workdir, "review", "PRV")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    lines = result.stdout.splitlines()
    at = lines.index("  journal: 3 notes")
    notes = lines[at + 1 : at + 4]
    assert notes[0].endswith(": Held") and "(" not in notes[0]
    assert "(trim, conviction high): " in notes[1] and notes[1].endswith("Trimmed")
    assert notes[2].endswith("(add, conviction high): Bought more after the call")
    assert "journal" not in cli(workdir, "review").stdout  # only of one ticker


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["PRV", " "], "a note needs some text"),
        (["PRV", "x" * 2001], "a note is at most 2,000 characters"),
        (["PRX", "hello"], "no ticker PRX in the database"),
    ],
)
def test_a_note_that_cannot_be_kept_is_refused_in_one_sentence(workdir: Path, args, said):
    result = cli(workdir, "note", *args)
    assert result.returncode != 0 and said in result.stderr
    assert "Traceback" not in result.stderr
