"""`catalyst ARGS` run in the test's own process, as the script runs it (`cli.main`), with its
output and exit status captured: for the tests of what a command does (what it prints, its exit
status, what it stores), not of the process (a signal, a terminal, the start-up, a lock another
process holds), which keep their subprocess. It saves the interpreter's start and the imports of
each call: a second or more on a busy machine, tens in a file that calls the CLI often.

What differs from a process, and why it does not matter to those tests: the garbage collector is
already running (the script pauses it while it loads), and an exception escaping a command is
caught by `cli.main` as the script's would be (its one line on stderr, exit 1).

What a command sets for the whole process is put back after it, so the next test starts as a new
process would: the environment and the working directory, the log handlers `setup_logging` hangs
on the root logger (closed, so no test writes into another's log file) and the levels it sets,
and the handlers of the signals a command may take over.

An argument is a `str`, as `sys.argv` holds it: a byte that is not UTF-8 in a real argv arrives
as a lone surrogate (Python decodes argv with `os.fsdecode`, surrogateescape), so
`os.fsdecode(b"...")` gives in process the same argument the script would see."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import signal
import subprocess
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

# The signals a command may handle itself (a hang-up, a stop, a resize, an interrupt).
SIGNALS = (
    signal.SIGHUP,
    signal.SIGTERM,
    signal.SIGINT,
    signal.SIGCONT,
    signal.SIGTSTP,
    signal.SIGWINCH,
    signal.SIGPIPE,
)
# The loggers `setup_logging` sets the level of, besides the root.
LOGGERS = ("", "catalyst", "catalyst_tui")


def ours(handler: logging.Handler) -> bool:
    """A handler `setup_logging` put on the root logger (cli/logs.py marks them)."""
    return bool(getattr(handler, "catalyst", False))


@contextlib.contextmanager
def process_state_kept() -> Iterator[None]:
    """The log handlers and levels and the signal handlers as they were before, afterwards: a
    log handler a command added is removed and closed, one it took off is put back in its place
    (tests/cli/conftest.py keeps every test of tests/cli so, whether it runs `cli.main` through
    `run` or calls it itself)."""
    root = logging.getLogger()
    saved = list(root.handlers)
    levels = {name: logging.getLogger(name).level for name in LOGGERS}
    propagate = {name: logging.getLogger(name).propagate for name in LOGGERS}
    main = threading.current_thread() is threading.main_thread()  # only it may set a handler
    signals = {signum: signal.getsignal(signum) for signum in SIGNALS} if main else {}
    try:
        yield
    finally:
        # Only the handlers `setup_logging` marks as its own are taken off or put back: those
        # of the test's runner (pytest's capture of log records) come and go as it says.
        for handler in [h for h in root.handlers if ours(h) and h not in saved]:
            root.removeHandler(handler)
            handler.close()
        now = list(root.handlers)
        kept = [h for h in saved if h in now or ours(h)]
        root.handlers[:] = kept + [h for h in now if h not in kept]
        for name in LOGGERS:
            logging.getLogger(name).setLevel(levels[name])
            logging.getLogger(name).propagate = propagate[name]
        for signum, how in signals.items():
            if how is not None:  # None: set outside Python, which Python cannot put back
                signal.signal(signum, how)


def run(
    *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`catalyst *args` in this process, with `env` added to the environment and in `cwd`, both
    as they were afterwards; its stdout, stderr and exit status as `subprocess.run` gives them."""
    from catalyst_tui.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved, here = dict(os.environ), Path.cwd()
    try:
        os.environ.update(env or {})
        if cwd is not None:
            os.chdir(cwd)
        with (
            process_state_kept(),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            try:
                code = main(list(args))
            except SystemExit as exited:  # argparse's refusal of an argument: exit 2
                code = exited.code if isinstance(exited.code, int) else int(exited.code is not None)
    finally:
        os.chdir(here)
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def on_files(
    workdir: Path, *args: str, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`catalyst *args` in this process on `workdir`'s thesis and database (its catalysts.toml
    and c.db), run from it, its requests to the loopback market kept off any proxy; `env` added
    to the environment (`COLUMNS`, the width its lines are cut to)."""
    where = ("--db", str(workdir / "c.db"), "--config", str(workdir / "catalysts.toml"))
    return run(*args, *where, env={"NO_PROXY": "127.0.0.1", **(env or {})}, cwd=workdir)
