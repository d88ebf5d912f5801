"""`catalyst daemon --install` from hostile paths: a config path holding a line break wrote an
extra `ExecStart=/bin/touch /tmp/pwned` line into the unit (exit 0), a carriage return did the
same, and a relative XDG_CONFIG_HOME wrote the unit under the current folder. Each is refused
with a message and nothing written; a path a unit can hold (quotes, backslashes, `%`, `$`, `;`,
spaces, accents) is quoted so that systemd's own parser takes it as one word. The command runs
in the test's own process (tests/support/cli_inline.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.cli import service

from ..support import cli_inline
from ..support.service_manager import unit_file
from .test_daily import THESIS

INJECTED = "ExecStart=/bin/touch /tmp/pwned"


def install(
    cwd: Path, config: Path, *, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`catalyst daemon --install` from `cwd`, in this process (tests/support/cli_inline.py)."""
    where = ("--config", str(config), "--db", str(cwd / "c.db"))
    return cli_inline.run("daemon", "--install", *where, env=env, cwd=cwd)


def thesis_in(folder: Path) -> Path:
    folder.mkdir(parents=True)
    path = folder / "catalysts.toml"
    path.write_text(THESIS)
    return path


@pytest.mark.parametrize("brk", ["\n", "\r", "\t", "\x1b"], ids=["LF", "CR", "TAB", "ESC"])
def test_a_path_with_a_control_character_is_refused_and_no_unit_written(
    tmp_path, isolated_home, brk
):
    config = thesis_in(tmp_path / f"x{brk}{INJECTED}{brk}#")
    done = install(tmp_path, config)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "holds a control character" in done.stderr and "Traceback" not in done.stderr
    assert not (isolated_home / "config" / "systemd").exists()


def test_a_relative_xdg_config_home_is_refused_and_nothing_written_here(tmp_path, isolated_home):
    config = thesis_in(tmp_path / "home")
    done = install(tmp_path, config, env={"XDG_CONFIG_HOME": "relative/config"})
    assert done.returncode == 2, done.stdout + done.stderr
    assert "XDG_CONFIG_HOME is a relative path (relative/config)" in done.stderr
    assert not (tmp_path / "relative").exists()


def systemd_words(line: str) -> list[str]:
    """ExecStart's words as systemd.syntax(7) reads double-quoted ones: \\\\ and \\" escapes,
    %% and $$ for a literal % and $."""
    words = re.findall(r'"((?:[^"\\]|\\.)*)"', line)
    return [re.sub(r"\\(.)", r"\1", w).replace("%%", "%").replace("$$", "$") for w in words]


def test_a_path_a_unit_can_hold_is_one_word_systemd_accepts(tmp_path, isolated_home):
    folder = tmp_path / 'a "quoted" back\\slash 100% $HOME; rm -rf ~ café'
    config = thesis_in(folder)
    done = install(tmp_path, config)
    assert done.returncode == 0, done.stderr
    unit = unit_file(isolated_home / "config", config)
    text = unit.read_text()
    [line] = [line for line in text.splitlines() if line.startswith("ExecStart=")]
    argv = [
        sys.executable,
        "-P",
        "-m",
        "catalyst_tui.cli",
        "daemon",
        "--config",
        str(config),
        "--db",
        str(tmp_path / "c.db"),
    ]
    assert systemd_words(line) == argv
    assert len([ln for ln in text.splitlines() if "=" in ln and ln.startswith("Exec")]) == 1
    if shutil.which("systemd-analyze"):  # systemd's own parser
        verified = subprocess.run(
            ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True
        )
        assert verified.returncode == 0, verified.stderr


def test_the_launchd_agent_refuses_the_same_paths(tmp_path):
    argv = service.daemon_argv(tmp_path / f"x\n{INJECTED}" / "catalysts.toml", None)
    with pytest.raises(service.ServiceError, match="holds a control character"):
        service.service_for(argv, tmp_path / "log", platform="darwin", home=tmp_path)
    with pytest.raises(service.ServiceError, match="holds a control character"):
        service.launchd_agent(argv, tmp_path)
