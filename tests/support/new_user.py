"""A new user's shell, for a test that runs commands as a user types them: a HOME of their own
with no XDG_* variable (every folder a program keeps is the default one under it), a folder to
work in that is not the checkout, a bin folder first on PATH for the tools they install, and
every connection each command makes watched (tests/support/network_watch.py). Plain module, no
pytest."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from .network_watch import NetworkWatch

# The environment the suite was started in, before tests/conftest.py gives each test its own
# HOME and XDG folders (uv's cache is found from it).
STARTED = dict(os.environ)


class User:
    """A new user's shell: their HOME, a folder of their own to work in, PATH with the tools
    uv installs first, every command's connections watched."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.home, self.cwd, self.bin = tmp_path / "home", tmp_path / "work", tmp_path / "bin"
        for folder in (self.home / "Downloads", self.cwd):
            folder.mkdir(parents=True)
        self.env = {
            k: v
            for k, v in STARTED.items()
            if not k.startswith(("CATALYST_", "XDG_", "UV_", "DBUS_", "TMUX", "VIRTUAL_ENV"))
            and k not in ("COLUMNS", "LINES", "FINNHUB_API_KEY")
        }
        self.env.update(HOME=str(self.home), PATH=f"{self.bin}{os.pathsep}{STARTED['PATH']}")
        # A terminal 120 columns wide, not whichever the suite was started from: a program's
        # tables are drawn at its terminal's width, piped or not (the TUI's is its own, unset).
        self.columns = "120"
        self.runs = 0
        self.watches: list[NetworkWatch] = []

    def watch(self) -> tuple[dict[str, str], tuple[str, ...]]:
        self.runs += 1
        watch = NetworkWatch(self.tmp / "network" / str(self.runs))
        self.watches.append(watch)
        return watch.env(self.env), watch.prefix

    def run(self, line: str, *, cwd: Path | None = None, **env: str) -> tuple[int, str]:
        """A line as the shell runs it: its exit status, and its output and errors as one."""
        watched, prefix = self.watch()
        done = subprocess.run(
            [*prefix, "/bin/sh", "-c", line],
            env={**watched, "COLUMNS": self.columns, **env},
            cwd=cwd or self.cwd,
            capture_output=True,
            text=True,
            timeout=600,
        )
        return done.returncode, done.stdout + done.stderr

    def connected(self) -> set[str]:
        """Every host and address any command so far resolved, connected or sent to."""
        return {a for w in self.watches for a in [*w.audited(), *w.traced()]}

    def editor(self, buffer: str) -> str:
        """An $EDITOR that saves `buffer`, what the user typed, into the file it opens, and
        notes which (`opened`)."""
        (self.tmp / "buffer").write_text(buffer, encoding="utf-8")
        script = self.tmp / "editor"
        script.write_text(
            f'#!/bin/sh\nprintf "%s\\n" "$1" >> {shlex.quote(str(self.tmp / "opened"))}\n'
            f'cat {shlex.quote(str(self.tmp / "buffer"))} > "$1"\n'
        )
        script.chmod(0o755)
        return str(script)

    def opened(self) -> list[str]:
        """The files the editor opened, in order."""
        return (self.tmp / "opened").read_text(encoding="utf-8").splitlines()


def flat(text: str) -> str:
    """The words of an output, one space apart: a line broken at the terminal's width is whole."""
    return " ".join(text.split())
