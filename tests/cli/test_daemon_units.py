"""State per file: two catalysts.toml files get two daemon units, each named for its file, and
`--uninstall` removes only its own; `status` names the file's unit. Before, the second
`--install` wrote over the first file's `catalyst.service`, said "updated" and exited 0: the first
file's daemon was silently gone. The service manager is the recorded one (never the machine's).

The commands run in the test's own process (tests/support/cli_inline.py): what they print,
exit with and store is what is tested, not the process."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from catalyst_tui.cli import service
from tests.support import cli_inline

from ..support.service_manager import Call, ServiceManager, unit_file, unit_name
from .test_daily import THESIS


def catalyst(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`catalyst --config CONFIG ARGS`, in this process (tests/support/cli_inline.py)."""
    done = cli_inline.run("--config", str(config), *args, cwd=config.parent)
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


def colliding(folder: Path) -> tuple[Path, Path]:
    """Two catalysts.toml paths under `folder` whose SHA-256 begins with the same 8 hex digits
    (a birthday search: some 80,000 names on average, 200,000 at times). Each name is keyed as
    `daemon_argv` writes it, the folder resolved once rather than each path (a resolve is a
    walk of the file system: 2 CPU-seconds a search against 0.1); the test checks that the two
    files' units do collide."""
    base = folder.resolve()
    seen: dict[str, Path] = {}
    n = 0
    while True:
        path = base / f"f{n}" / "catalysts.toml"
        key = service.file_key(["--config", str(path)])
        if key in seen:
            return seen[key], path
        seen[key] = path
        n += 1


def test_two_files_whose_names_collide_in_8_digits_keep_their_own_units(
    tmp_path, isolated_home, monkeypatch
):
    first, second = colliding(tmp_path)
    for config in (first, second):
        config.parent.mkdir()
        config.write_text(THESIS)
    manager = ServiceManager(
        tmp_path / "manager", unit_file(isolated_home / "config", first), monkeypatch
    )
    assert catalyst(first, "daemon", "--install").returncode == 0
    shared = unit_file(isolated_home / "config", first)
    assert unit_file(isolated_home / "config", second) == shared  # the same 8 digits
    done = catalyst(second, "daemon", "--install")
    assert done.returncode == 0, done.stderr
    own = shared.with_name(f"catalyst-{service.file_key(service.daemon_argv(second, None), 16)}")
    own = own.with_suffix(".service")
    assert done.stdout.startswith(f"wrote {own} (the unit of {second})")
    assert f'"--config" "{first}"' in shared.read_text()  # the first file's, untouched
    assert f'"--config" "{second}"' in own.read_text()
    # The second's uninstall stops and removes its own unit, never the first's.
    assert catalyst(second, "daemon", "--uninstall").returncode == 0
    assert shared.exists() and not own.exists()
    assert [c.argv[-1] for c in manager.calls() if "disable" in c.argv] == [own.name]
    assert catalyst(first, "daemon", "--install").stdout.startswith(f"updated {shared}")


def test_without_a_user_bus_its_failure_is_said_and_no_command_advised_that_fails_alike(
    tmp_path, isolated_home, files, manager, monkeypatch
):
    first, _second = files
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    done = catalyst(first, "daemon", "--install")
    assert done.returncode == 0
    unit = unit_file(isolated_home / "config", first)
    assert done.stdout.splitlines()[1] == (
        "your user service manager cannot be reached from here (XDG_RUNTIME_DIR is not set: a "
        "su or sudo shell, cron, SSH without it): in a log-in session of yours, start it with: "
        f"systemctl --user daemon-reload && systemctl --user enable --now {unit.name}"
    )
    # systemctl says what it did first (disable's "Removed"), then why it failed.
    manager.fail(
        f"Removed /home/me/.config/systemd/user/default.target.wants/{unit.name}.\n"
        "Failed to connect to bus: No medium found"
    )
    done = catalyst(first, "daemon", "--uninstall")
    [said] = done.stdout.splitlines()
    assert "Removed" not in said
    assert said == (
        f"removed {unit}; it could not be stopped (systemctl: Failed to connect to bus: No "
        "medium found): your user service manager cannot be reached from here "
        "(XDG_RUNTIME_DIR is not set: a su or sudo shell, cron, SSH without it); if it is "
        "running, stop it from a log-in session of yours with: systemctl --user disable --now "
        f"{unit.name}"
    )
