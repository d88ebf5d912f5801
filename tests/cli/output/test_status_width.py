"""`catalyst status` at the terminal's width: a newcomer's 80-column terminal broke its daemon
line inside the unit's path. Each line is broken between words, at the width the CLI's tables
are drawn at (`$COLUMNS`, else the terminal's), its further lines under its value; a word wider
than the room (a long path) stands whole on a line of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalyst_tui.cli.output.status import LABEL, fitted
from catalyst_tui.store import Store
from tests.support import cli_inline


def status_at(tmp_path: Path, columns: int) -> list[str]:
    done = cli_inline.on_files(tmp_path, "status", env={"COLUMNS": str(columns)})
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.mark.parametrize("columns", [80, 50])
def test_status_breaks_its_lines_between_words(tmp_path: Path, isolated_home, columns: int):
    mine = tmp_path / "catalysts.toml"
    assert cli_inline.run("init", str(mine), cwd=tmp_path).returncode == 0
    Store.open(tmp_path / "c.db").close()
    whole = status_at(tmp_path, 1000)
    assert any(len(line) > 80 for line in whole)  # the daemon's line, with its unit's path
    shown = status_at(tmp_path, columns)
    for line in shown:  # within the width, or one word wider alone (beside its label)
        assert len(line) <= columns or len(line[LABEL:].split()) == 1, line
    assert " ".join(shown).split() == " ".join(whole).split()  # no word broken or lost
    daemon = shown.index(next(line for line in shown if line.startswith("daemon: ")))
    assert shown[daemon + 1].startswith("  ") and shown[daemon + 1].strip().startswith("(")


def test_a_labelled_line_goes_on_under_its_value():
    line = "yahoo     0 requests in the last hour, 0 in the last day; last success never"
    assert fitted([line], 40) == [
        "yahoo     0 requests in the last hour, 0",
        "          in the last day; last success",
        "          never",
    ]
    assert fitted(["", "tls       short"], 40) == ["", "tls       short"]
