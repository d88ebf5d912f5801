"""The in-process runner (tests/support/cli_inline.py) leaves the test's process as a new one
would find it: a command's log handler is taken off the root logger and closed (nothing logged
after it reaches the command's log file), the levels it set are put back, and so are the
environment, the working directory and a signal's handler."""

from __future__ import annotations

import logging
import os
import signal
from pathlib import Path

from tests.support import cli_inline

from ..conftest import BUNDLED_CONFIG


def test_a_commands_log_handler_and_levels_do_not_outlive_it(tmp_path: Path) -> None:
    root, ours = logging.getLogger(), logging.getLogger("catalyst_tui")
    handlers, levels = list(root.handlers), (root.level, ours.level)
    state = tmp_path / "state"
    where = ("--config", str(BUNDLED_CONFIG), "--db", str(tmp_path / "c.db"))
    done = cli_inline.run(
        "--debug", *where, "export", "checkpoints", env={"XDG_STATE_HOME": str(state)}
    )
    assert done.returncode == 2, done.stderr  # no database yet: refused, after the log was set
    log = state / "catalyst" / "log" / "catalyst.log"
    assert log.is_file() and log.read_text() == ""  # made by the command's setup, nothing said
    assert root.handlers == handlers and (root.level, ours.level) == levels
    logging.getLogger("catalyst_tui.after").error("logged by the test, after the command")
    assert log.read_text() == ""  # without the runner, the command's handler would take it


def test_the_environment_and_the_working_directory_are_put_back(tmp_path: Path) -> None:
    here, before = Path.cwd(), dict(os.environ)
    done = cli_inline.run(
        "--config",
        str(BUNDLED_CONFIG),
        "validate",
        env={"CATALYST_INLINE_PROBE": "1"},
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "CATALYST_INLINE_PROBE" not in os.environ and dict(os.environ) == before
    assert Path.cwd() == here != tmp_path


def test_a_signal_handler_set_inside_is_put_back() -> None:
    before = signal.getsignal(signal.SIGHUP)

    def on_hangup(_signum: int, _frame: object) -> None:
        raise AssertionError("never sent")

    with cli_inline.process_state_kept():
        signal.signal(signal.SIGHUP, on_hangup)
        assert signal.getsignal(signal.SIGHUP) is on_hangup
    assert signal.getsignal(signal.SIGHUP) == before
