"""State per file: two catalysts.toml files get two daemon units, each named for its file, and
`--uninstall` removes only its own; `status` names the file's unit. Before, the second
`--install` wrote over the first file's `catalyst.service`, said "updated" and exited 0: the first
file's daemon was silently gone. The service manager is the recorded one (never the machine's)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.cli import service

from ..support.service_manager import Call, ServiceManager, unit_file, unit_name
from .test_daily import THESIS


def catalyst(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "catalyst_tui.cli", "--config", str(config), *args],
        capture_output=True,
        text=True,
        cwd=config.parent,
        timeout=60,
        env=dict(os.environ),
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    made = []
    for name in ("growth", "income"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "catalysts.toml").write_text(THESIS)
        made.append(folder / "catalysts.toml")
    return made[0], made[1]


@pytest.fixture
def manager(tmp_path, isolated_home, files, monkeypatch) -> ServiceManager:
    return ServiceManager(
        tmp_path / "manager", unit_file(isolated_home / "config", files[0]), monkeypatch
    )


def test_two_files_have_two_units_and_each_uninstall_removes_its_own(isolated_home, files, manager):
    first, second = files
    units = [unit_file(isolated_home / "config", f) for f in files]
    assert units[0] != units[1]
    for config, unit in zip(files, units, strict=True):
        done = catalyst(config, "daemon", "--install")
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"wrote {unit} (the unit of {config})")
    assert all(u.exists() for u in units)
    assert f'"--config" "{first}"' in units[0].read_text()
    assert f'"--config" "{second}"' in units[1].read_text()
    done = catalyst(second, "daemon", "--uninstall")
    assert done.returncode == 0, done.stderr
    assert units[0].exists() and not units[1].exists()  # the first file's daemon stays
    assert manager.calls()[0] == Call(  # only the second's unit asked to stop; the first's
        ["systemctl", "--user", "disable", "--now", units[1].name], file_there=True
    )  # (the recorder watches the first file's unit: still there)
    assert catalyst(first, "daemon", "--install").stdout.startswith(f"updated {units[0]}")


def test_status_names_the_files_unit(isolated_home, files, manager):
    first, _second = files
    for config in files:
        assert catalyst(config, "refresh", "--db", str(config.parent / "c.db")).returncode in (0, 3)
    done = catalyst(first, "status", "--db", str(first.parent / "c.db"))
    assert f"daemon: {unit_name(first)} not installed" in done.stdout, done.stdout
    catalyst(first, "daemon", "--install")
    done = catalyst(first, "status", "--json", "--db", str(first.parent / "c.db"))
    said = json.loads(done.stdout)["daemon"]
    assert said == {
        "unit": unit_name(first),
        "path": str(unit_file(isolated_home / "config", first)),
        "installed": True,
    }


def test_the_unit_an_earlier_version_wrote_for_this_file_is_replaced(isolated_home, files, manager):
    """An earlier version's `catalyst.service` runs this file: the new unit takes its place (it
    is stopped and removed); one that runs another file is that file's and stays."""
    first, second = files
    folder = isolated_home / "config" / "systemd" / "user"
    folder.mkdir(parents=True)
    earlier = folder / "catalyst.service"
    earlier.write_text(service.systemd_unit(service.daemon_argv(second, None)))
    assert catalyst(first, "daemon", "--install").returncode == 0
    assert earlier.exists()  # the other file's
    done = catalyst(second, "daemon", "--install")
    assert done.returncode == 0, done.stderr
    assert not earlier.exists()
    assert f"removed {earlier}" in done.stdout
    assert unit_file(isolated_home / "config", second).exists()
