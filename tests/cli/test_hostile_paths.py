"""Hostile files, second round: what is given as the config or the database (a FIFO, a device)
and what the log file is asked to hold (text no UTF-8 can), each met by the real command, a
real FIFO and a real log file.

A FIFO is given to a process of its own: a refusal that stopped working would wait for a writer
for ever, which a process's timeout ends and the test's own process could not. The other
commands run in the test's own process (tests/support/cli_inline.py); the log file is tested in
a new process, as a fresh process sets up its logging."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..support import cli_inline
from .test_daily import THESIS

COMMANDS = (["check"], ["status"], ["refresh"], ["validate"])


def catalyst(tmp_path: Path, config: Path, db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "catalyst_tui.cli", "--config", str(config), "--db", str(db), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        env={**os.environ, "NO_PROXY": "127.0.0.1,localhost", "XDG_STATE_HOME": str(tmp_path)},
    )


def inline(tmp_path: Path, config: Path, db: Path, *args: str) -> subprocess.CompletedProcess:
    """`catalyst` as `catalyst` above gives it, in this process (tests/support/cli_inline.py)."""
    env = {"NO_PROXY": "127.0.0.1,localhost", "XDG_STATE_HOME": str(tmp_path)}
    return cli_inline.run("--config", str(config), "--db", str(db), *args, env=env, cwd=tmp_path)


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_a_fifo_as_the_config_is_refused_at_once(tmp_path, args):
    """A named pipe no one writes to: opening it waited for a writer, for ever."""
    fifo = tmp_path / "catalysts.toml"
    os.mkfifo(fifo)
    done = catalyst(tmp_path, fifo, tmp_path / "c.db", *args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"{fifo}:1:1: is a FIFO (a named pipe), not a file" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "c.db").exists()


@pytest.mark.parametrize("args", [a for a in COMMANDS if a != ["validate"]], ids=lambda a: a[0])
def test_a_fifo_as_the_database_is_refused_at_once(tmp_path, args):
    config = tmp_path / "catalysts.toml"
    config.write_text(THESIS)
    fifo = tmp_path / "c.db"
    os.mkfifo(fifo)
    done = catalyst(tmp_path, config, fifo, *args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"catalyst: database {fifo}: is a FIFO (a named pipe), not a file" in done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("c.db")) == ["c.db"]


def test_a_device_as_the_database_is_refused(tmp_path):
    config = tmp_path / "catalysts.toml"
    config.write_text(THESIS)
    done = inline(tmp_path, config, Path("/dev/null"), "check")
    assert done.returncode == 2
    assert "database /dev/null: is a character device, not a file" in done.stderr


def test_the_log_file_writes_what_utf_8_cannot_hold_and_prints_nothing(tmp_path):
    """A provider's text with a lone surrogate reached the log: the file handler, strict UTF-8,
    printed "--- Logging error ---" and a traceback on stderr, across the TUI. The process logs
    as the app does (cli/logs.py's handlers), into a log folder of its own."""
    script = (
        "import logging\n"
        "from catalyst_tui.cli.logs import setup_logging\n"
        "path = setup_logging(debug=False)\n"
        "logging.getLogger('catalyst_tui.market').warning('quoteSummary said %s', 'caf\\ud800e')\n"
        "logging.shutdown()\n"
        "print(path)\n"
    )
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    written = Path(done.stdout.strip())
    assert written.is_relative_to(tmp_path)
    assert "quoteSummary said caf\\ud800e" in written.read_text(encoding="utf-8")


def test_evidence_for_an_unknown_checkpoint_exits_2_with_did_you_mean(tmp_path):
    """`catalyst evidence ALAB/zzz` listed nothing and exited 0, as if the checkpoint had no
    evidence; it is refused as `mark` refuses it (cli/names.known_checkpoint, shared)."""
    config = tmp_path / "catalysts.toml"
    config.write_text(THESIS)
    db = tmp_path / "c.db"
    assert inline(tmp_path, config, db, "mark", "ALAB/npo-ships", "met").returncode == 0
    done = inline(tmp_path, config, db, "evidence", "ALAB/npo-ship")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "catalyst evidence: no checkpoint ALAB/npo-ship; did you mean ALAB/npo-ships?" in (
        done.stderr
    )
    assert inline(tmp_path, config, db, "evidence", "ALAB/zzz").returncode == 2
    known = inline(tmp_path, config, db, "evidence", "ALAB/npo-ships")
    assert known.returncode == 0, known.stderr
