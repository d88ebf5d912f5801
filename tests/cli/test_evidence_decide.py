"""`catalyst evidence accept|dismiss|reset ID` (run as the script runs it, in the test's process:
tests/support/cli_inline.py) on a real SQLite file: a call's hand-written passages added with
`catalyst evidence add`, each listed with its ID and stance; accepting the one that challenges
the milestone puts the ticker at risk in `catalyst review`, dismissing it takes it back to
intact; accepting a break of the kill criterion breaks it; an unknown or malformed ID is one
located sentence, exit 2, nothing changed."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.support import cli_inline

THESIS = """
[settings]
providers = ["yahoo"]

[tickers.SCO]
name = "Scorpio Co"
[[tickers.SCO.checkpoints]]
id = "funded"
title = "Funded"
kind = "milestone"
due = 2099-12-31
[[tickers.SCO.checkpoints]]
id = "largest"
title = "Scorpio becomes the largest line"
kind = "milestone"
due = 2099-12-31
evidence = ["Scorpio"]

[tickers.WIN]
name = "Design Win Co"
[[tickers.WIN.checkpoints]]
id = "funded"
title = "Funded"
kind = "milestone"
due = 2099-12-31
[[tickers.WIN.checkpoints]]
id = "win"
title = "Wins the second hyperscaler"
kind = "milestone"
due = 2099-12-31
kill = true
evidence = ["hyperscaler"]
"""

# Each a passage of its own (a paragraph), with the stance written beside it.
CALL = {
    "Scorpio became our largest product line in the fourth quarter.": "no stance",
    "Volume production of Scorpio X was delayed to the second half.": "challenges",
}
WIN_CALL = {"We lost the design win at the second hyperscaler.": "breaks"}


def cli(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return cli_inline.on_files(workdir, *args, env={"COLUMNS": "200"})


def ok(workdir: Path, *args: str) -> str:
    result = cli(workdir, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def verdict(workdir: Path, symbol: str) -> dict:
    review = json.loads(ok(workdir, "review", "--json"))
    return next(t for t in review["tickers"] if t["symbol"] == symbol)


def ids(workdir: Path, symbol: str) -> dict[str, int]:
    listed = json.loads(ok(workdir, "evidence", symbol, "--all", "--json"))
    return {p["passage"]: p["passage_id"] for p in listed}


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "catalysts.toml").write_text(THESIS)
    for symbol, call in (("SCO", CALL), ("WIN", WIN_CALL)):
        path = tmp_path / f"{symbol}-call.txt"
        path.write_text("\n\n".join(call) + "\n")
        ok(tmp_path, "evidence", "add", symbol, str(path), "--date", "2026-11-04")
        ok(tmp_path, "mark", f"{symbol}/funded", "met")
    return tmp_path


def test_each_passage_is_listed_with_its_id_and_stance_in_json_and_in_the_table(workdir: Path):
    listed = json.loads(ok(workdir, "evidence", "SCO", "--json"))
    assert {p["passage"]: p["stance"]["stance"] for p in listed} == CALL
    assert all(isinstance(p["passage_id"], int) and p["decision"] is None for p in listed)
    table = ok(workdir, "evidence", "SCO")
    assert table.splitlines()[0].split() == [
        "ID",
        "Date",
        "Checkpoint",
        "Source",
        "Stance",
        "Passage",
    ]
    delayed = ids(workdir, "SCO")["Volume production of Scorpio X was delayed to the second half."]
    row = next(line for line in table.splitlines() if "delayed to" in line)
    assert row.split()[:6] == [
        str(delayed),
        "2026-11-04",
        "SCO/largest",
        "text",
        "challenges:",
        "“delayed”",
    ]


def test_accepting_the_challenge_puts_it_at_risk_and_dismissing_it_takes_it_back(workdir: Path):
    passage = "Volume production of Scorpio X was delayed to the second half."
    delayed = ids(workdir, "SCO")[passage]
    assert verdict(workdir, "SCO")["verdict"] == "intact"  # the machine's reading alone: nothing

    said = ok(workdir, "evidence", "accept", str(delayed))
    assert said.splitlines() == [
        f"passage {delayed} accepted: SCO/largest (challenges: “delayed”) "
        f"text 2026-11-04 — “{passage}”",
        "SCO: at risk",
    ]
    at_risk = verdict(workdir, "SCO")
    assert at_risk["verdict"] == "at risk"
    [reason] = at_risk["reasons"]
    assert (reason["rule"], reason["checkpoint"]) == ("evidence_accepted_challenge", "largest")
    assert reason["evidence"] == f"text 2026-11-04 — “{passage}”"
    lines = ok(workdir, "review", "SCO").splitlines()
    assert lines[1].startswith(
        f"  accepted challenge to Scorpio becomes the largest line: text 2026-11-04 — “{passage}”"
    )
    with sqlite3.connect(workdir / "c.db") as conn:  # what the store keeps of your word
        row = conn.execute(
            "SELECT accepted_at IS NOT NULL, accepted_stance, dismissed_at FROM evidence"
            " WHERE id = ?",
            [delayed],
        ).fetchone()
    assert row == (1, "challenges", None)
    again = ok(workdir, "evidence", "accept", str(delayed))
    assert again.startswith(f"passage {delayed} already accepted")

    ok(workdir, "evidence", "dismiss", str(delayed))
    assert verdict(workdir, "SCO")["verdict"] == "intact"
    listed = json.loads(ok(workdir, "evidence", "SCO", "--all", "--json"))
    assert {p["passage_id"]: p["decision"] for p in listed}[delayed] == "dismissed"
    assert delayed not in ids_shown(workdir)  # not shown again without --all

    ok(workdir, "evidence", "accept", str(delayed))
    assert verdict(workdir, "SCO")["verdict"] == "at risk"
    assert "reset: undecided" in ok(workdir, "evidence", "reset", str(delayed))
    assert verdict(workdir, "SCO")["verdict"] == "intact"
    assert delayed in ids_shown(workdir)


def ids_shown(workdir: Path) -> set[int]:
    return {p["passage_id"] for p in json.loads(ok(workdir, "evidence", "--json"))}


def test_accepting_a_support_changes_nothing(workdir: Path):
    became = ids(workdir, "SCO")["Scorpio became our largest product line in the fourth quarter."]
    assert ok(workdir, "evidence", "accept", str(became)).splitlines()[-1] == "SCO: intact"


def test_an_accepted_break_of_the_kill_criterion_breaks_the_thesis(workdir: Path):
    lost = ids(workdir, "WIN")["We lost the design win at the second hyperscaler."]
    assert verdict(workdir, "WIN")["verdict"] == "intact"
    ok(workdir, "evidence", "accept", str(lost))
    broken = verdict(workdir, "WIN")
    assert (broken["verdict"], broken["reasons"][0]["rule"]) == (
        "broken",
        "evidence_accepted_break",
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["accept", "999"], "catalyst evidence accept: no passage 999 in the database"),
        (["dismiss", "1", "999"], "catalyst evidence dismiss: no passage 999 in the database"),
        (["accept", "x2"], "catalyst evidence accept: “x2” is no passage ID"),
        (["reset", "-1"], "catalyst evidence reset: “-1” is no passage ID"),
        (
            ["accept", "99999999999999999999999"],
            "catalyst evidence accept: “99999999999999999999999” is no passage ID: an ID is at "
            "most 9223372036854775807",
        ),
        (["accept", "9" * 5000], "catalyst evidence accept: “" + "9" * 40 + "…” is no passage"),
        (["accept"], "catalyst evidence accept: which passage?"),
    ],
)
def test_an_unknown_or_malformed_id_is_one_sentence_exit_2_and_nothing_changed(
    workdir: Path, args: list[str], said: str
):
    before = ok(workdir, "evidence", "--all", "--json")
    result = cli(workdir, "evidence", *args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(said) and "Traceback" not in result.stderr
    assert ok(workdir, "evidence", "--all", "--json") == before
