"""`catalyst ARGS` run in the test's own process, as the script runs it (`cli.main`), with its
output and exit status captured: for the tests of what a command does (what it prints, its exit
status, what it stores), not of the process (a signal, a terminal, the start-up, a lock another
process holds), which keep their subprocess. It saves the interpreter's start and the imports of
each call: a second or more on a busy machine, tens in a file that calls the CLI often.

What differs from a process, and why it does not matter to those tests: the garbage collector is
already running (the script pauses it while it loads), and an exception escaping a command is
caught by `cli.main` as the script's would be (its one line on stderr, exit 1)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path


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
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
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
