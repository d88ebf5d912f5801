"""A recording `systemctl` and `launchctl` first on PATH, so that no test asks the machine's own
service manager anything: each records its arguments and whether the service's file was still
there when it was called (disable before delete, or after), and fails with the words it is given
(`fail`), as one with no user bus does."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

PROGRAM = """#!{python}
import json, os, sys
from pathlib import Path

there = Path(os.environ["RECORDED_SERVICE_FILE"]).exists()
with open(os.environ["RECORDED_SERVICE_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps({{"argv": [Path(sys.argv[0]).name, *sys.argv[1:]], "there": there}}))
    log.write("\\n")
failure = os.environ.get("RECORDED_SERVICE_FAILURE")
if failure:
    print(failure, file=sys.stderr)
    sys.exit(1)
"""


class Call(NamedTuple):
    argv: list[str]
    file_there: bool  # the service's file, when the call came


class ServiceManager:
    def __init__(self, folder: Path, service_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.log = folder / "calls.jsonl"
        self._monkeypatch = monkeypatch
        bin_dir = folder / "bin"
        bin_dir.mkdir(parents=True)
        for name in ("systemctl", "launchctl"):
            program = bin_dir / name
            program.write_text(PROGRAM.format(python=sys.executable), encoding="utf-8")
            program.chmod(0o755)
        monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
        monkeypatch.setenv("RECORDED_SERVICE_FILE", str(service_file))
        monkeypatch.setenv("RECORDED_SERVICE_LOG", str(self.log))

    def fail(self, words: str) -> None:
        """Every later call fails (exit 1) saying `words` on stderr."""
        self._monkeypatch.setenv("RECORDED_SERVICE_FAILURE", words)

    def calls(self) -> list[Call]:
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [Call(entry["argv"], entry["there"]) for entry in map(json.loads, lines)]


def unit_file(config_home: Path, config: Path) -> Path:
    """Where `catalyst daemon --install` writes the systemd unit of `config`: its own name,
    catalyst-KEY.service (cli/service.py's file_key of the file's absolute path)."""
    return config_home / "systemd" / "user" / unit_name(config)


def unit_name(config: Path) -> str:
    from catalyst_tui.cli import service

    return f"catalyst-{service.file_key(service.daemon_argv(config, None))}.service"
