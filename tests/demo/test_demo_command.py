"""`catalyst demo` as a command: it says what it is, and refuses the options that name the
user's own files (it never reads or writes them)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from catalyst_tui.cli import EXIT_USAGE, main


def test_config_and_db_are_refused_with_a_reason(tmp_path: Path, capsys, isolated_home: Path):
    mine = tmp_path / "catalysts.toml"
    assert main(["demo", "--config", str(mine)]) == EXIT_USAGE
    assert main(["--db", str(tmp_path / "mine.db"), "demo"]) == EXIT_USAGE
    said = capsys.readouterr().err
    assert "temporary copy of the bundled thesis" in said and "--config and --db" in said
    assert not mine.exists() and list(tmp_path.iterdir()) == []
    assert list(isolated_home.rglob("*")) == []  # not even a log


def test_help_says_what_the_demo_is():
    done = subprocess.run(
        [sys.executable, "-m", "catalyst_tui.cli", "demo", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "replay market on 127.0.0.1" in done.stdout
    assert "nothing of yours is read or written" in " ".join(done.stdout.split())


def test_help_lists_no_option_the_demo_refuses():
    """--config and --db are refused (above): its help offers only what it takes."""
    done = subprocess.run(
        [sys.executable, "-m", "catalyst_tui.cli", "demo", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "--config" not in done.stdout and "--db" not in done.stdout, done.stdout
    assert "--debug" in done.stdout
