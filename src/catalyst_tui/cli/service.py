"""`catalyst daemon --install`: the daemon as a user service that starts at log-in and comes back
after a crash. A systemd user unit on Linux, a launchd agent on macOS; written, never started
here: the user is told the one command that enables it. `--uninstall` first asks the service
manager to stop it and not start it again (`systemctl --user disable --now`, `launchctl remove`),
then removes the file (and has systemd forget it); a manager that cannot be asked is said, with
the command to run, and the file goes all the same.

The service runs this Python with `-m catalyst_tui.cli daemon --config PATH [--db PATH]`, the
paths made absolute, so it needs neither a shell nor the working directory it was installed
from. Secrets are not written into the file: the Finnhub key goes in an override the user keeps
(`systemctl --user edit catalyst`), or a launchd EnvironmentVariables entry.

A unit is built only from paths a service file can hold: each word is double-quoted with
systemd's escapes (systemd.syntax(7): backslash and quote escaped, `%` as `%%`, `$` as `$$`),
and a path holding a line break, a carriage return or any other control character (which would
end the line and start one of its own: `ExecStart=/bin/touch /tmp/pwned`), or bytes that are not
UTF-8, is refused with a message, as is a relative XDG_CONFIG_HOME (the XDG spec says to ignore
one; writing the unit under the current folder is no answer). The launchd agent is held to the
same rule: XML 1.0 cannot hold those characters either.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import plistlib
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..paths import make_private_dirs
from ..text import printable

if TYPE_CHECKING:
    from collections.abc import Sequence

UNIT_NAME = "catalyst.service"  # the one unit of earlier versions, whatever file it ran
AGENT_LABEL = "io.github.catalyst.daemon"
MANAGER_TIMEOUT = 30.0  # seconds systemctl or launchctl is given to answer


class Service(NamedTuple):
    path: Path  # where the unit or agent file goes
    text: str  # its content
    enable: str  # the command that starts it now and at every log-in
    disable: str  # the command that stops it (before the file is removed)
    manager: str = "systemd"  # or "launchd": the one `stop` asks
    name: str = UNIT_NAME  # the unit's name (systemd) or the agent's label (launchd)


class ServiceError(Exception):
    """No service file can be made: no service manager catalyst knows on this platform, or a
    path it cannot hold."""


def daemon_argv(config: Path, database: Path | None) -> list[str]:
    # -P: the working folder the manager starts it in is never on its import path.
    argv = [sys.executable, "-P", "-m", "catalyst_tui.cli", "daemon"]
    argv += ["--config", str(config.resolve())]
    if database is not None:
        argv += ["--db", str(database.resolve())]
    return argv


#: How many hex digits of the file's SHA-256 a unit's name takes: 8, unless a unit of that name
#: runs another file (two paths whose hashes begin alike), then 16, then all 64.
KEY_LENGTHS = (8, 16, 64)


def file_key(argv: Sequence[str], length: int = KEY_LENGTHS[0]) -> str:
    """The short name of the catalysts.toml `argv` runs: the first `length` hex digits of the
    SHA-256 of its absolute path. Each file has a unit of its own (`catalyst-KEY.service`, the
    agent `io.github.catalyst.daemon.KEY`), so a second file's `--install` leaves the first's
    alone; where two files' first 8 digits are alike, the second's unit takes 16
    (`service_for`: a unit's file is read before it is written or stopped)."""
    return hashlib.sha256(_config_of(argv).encode("utf-8", "surrogateescape")).hexdigest()[:length]


def _config_of(argv: Sequence[str]) -> str:
    return argv[list(argv).index("--config") + 1]


_EXEC_CONFIG = re.compile(r'^ExecStart=.*?"--config" "((?:[^"\\]|\\.)*)"', re.MULTILINE)


def unit_runs(path: Path, manager: str = "systemd") -> str | None:
    """The catalysts.toml the unit or agent at `path` runs (its `--config`), or None when there
    is no such file or it names none."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if manager == "launchd":
        try:
            argv = plistlib.loads(data).get("ProgramArguments") or []
            return str(_config_of(argv))
        except Exception:  # not a plist of ours: it runs no file we know
            return None
    found = _EXEC_CONFIG.search(data.decode("utf-8", "replace"))
    if found is None:
        return None
    word = re.sub(r"\\(.)", r"\1", found.group(1))
    return word.replace("%%", "%").replace("$$", "$")


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def service_word(name: str) -> str:
    """A unit's name or an agent's label as one argument of systemctl or launchctl: letters,
    digits, '.', '_' and '-', never an option (tests/cli/test_hygiene.py trusts this check)."""
    if not _WORD.fullmatch(name):
        raise ValueError(f"not a service name: {name!r}")
    return name


def earlier_unit(service: Service, argv: Sequence[str]) -> Service | None:
    """The unit an earlier version wrote (`catalyst.service`, one for every file) when it runs
    the same file: replaced by this one at `--install`, removed at `--uninstall`. One that runs
    another file is that file's, and left alone."""
    if service.manager != "systemd":
        return None
    path = service.path.with_name(UNIT_NAME)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if systemd_unit(argv) != text:
        return None
    return service._replace(
        path=path, name=UNIT_NAME, disable=f"systemctl --user disable --now {UNIT_NAME}"
    )


def service_for(
    argv: Sequence[str], log_dir: Path, *, platform: str = sys.platform, home: Path | None = None
) -> Service:
    """The service file for `platform` ('linux…' or 'darwin') running `argv`: named by the
    shortest key (KEY_LENGTHS) whose file is this catalysts.toml's or not there, so that no
    `--install` writes over, and no `--uninstall` stops, another file's daemon."""
    for length in KEY_LENGTHS:
        made = _service_for(argv, log_dir, platform, home, length)
        runs = unit_runs(made.path, made.manager)
        if not made.path.exists() or runs == _config_of(argv):
            return made
    return made  # every name taken by another file: the longest is the file's own hash


def _service_for(
    argv: Sequence[str], log_dir: Path, platform: str, home: Path | None, length: int
) -> Service:
    home = home or Path.home()
    for arg in (*argv, str(log_dir), str(home)):
        _holdable(arg)
    if platform.startswith("linux"):
        config_home = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
        if not config_home.is_absolute():
            raise ServiceError(
                f"XDG_CONFIG_HOME is a relative path ({_shown(str(config_home))}): the unit "
                "would be written under the current folder; set it to an absolute path, or "
                "unset it for ~/.config"
            )
        _holdable(str(config_home))
        unit = f"catalyst-{file_key(argv, length)}.service"
        return Service(
            config_home / "systemd" / "user" / unit,
            systemd_unit(argv),
            f"systemctl --user daemon-reload && systemctl --user enable --now {unit}",
            f"systemctl --user disable --now {unit}",
            name=unit,
        )
    if platform == "darwin":
        label = f"{AGENT_LABEL}.{file_key(argv, length)}"
        path = home / "Library" / "LaunchAgents" / f"{label}.plist"
        return Service(
            path,
            launchd_agent(argv, log_dir, label),
            f"launchctl load -w {path}",
            f"launchctl unload -w {path}",
            "launchd",
            label,
        )
    raise ServiceError(
        f"no service manager known on {platform}: run `catalyst daemon` from your own "
        "scheduler (Task Scheduler on Windows)"
    )


def systemd_unit(argv: Sequence[str]) -> str:
    """A systemd user unit running `argv`. No network target: a user manager cannot reach the
    system's network-online.target (it is never started for it), and the daemon waits out an
    unreachable network itself (offline, it retries at the next interval)."""
    for arg in argv:
        _holdable(arg)
    command = " ".join(_systemd_quote(arg) for arg in argv)
    return (
        "# Written by `catalyst daemon --install`; removed by `catalyst daemon --uninstall`.\n"
        "[Unit]\n"
        "Description=catalyst: refresh quotes, judge the thesis, notify misses\n"
        "\n"
        "[Service]\n"
        "Type=simple\n"
        f"ExecStart={command}\n"
        "Restart=on-failure\n"
        "RestartSec=30\n"
        "\n"
        "[Install]\n"
        "WantedBy=default.target\n"
    )


def _holdable(arg: str) -> None:
    """ServiceError unless a service file can hold `arg` as one word: UTF-8, no control
    character (a line break would start a line of its own in the unit)."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        raise ServiceError(
            f"the path {_shown(arg)} is not UTF-8: a service file cannot hold it; use a path "
            "that is"
        ) from None
    if any(unicodedata.category(c) == "Cc" for c in arg):
        raise ServiceError(
            f"the path {_shown(arg)} holds a control character (a line break, a carriage "
            "return...): a service file cannot hold it; move the file to a path without one"
        )


def _shown(arg: str) -> str:
    """The path with its control characters visible (\\n, \\r), as the refusal shows it."""
    return ascii(arg)[1:-1] if not arg.isprintable() else arg


def _systemd_quote(arg: str) -> str:
    """One ExecStart word: double-quoted, with systemd's specifiers (%) and variables ($)
    taken literally."""
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"'


def launchd_agent(argv: Sequence[str], log_dir: Path, label: str = AGENT_LABEL) -> str:
    for arg in (*argv, str(log_dir)):
        _holdable(arg)
    agent = {
        "Label": label,
        "ProgramArguments": list(argv),
        "RunAtLoad": True,
        "KeepAlive": {"SuccessfulExit": False},  # back after a crash, not after a clean stop
        "StandardOutPath": str(log_dir / "daemon.out.log"),
        "StandardErrorPath": str(log_dir / "daemon.err.log"),
    }
    return plistlib.dumps(agent).decode()


def install(service: Service) -> bool:
    """Write the file (its folders 0700 when made); True when one was there already."""
    existed = service.path.exists()
    make_private_dirs(service.path.parent)
    temporary = service.path.with_name(service.path.name + ".tmp")
    temporary.write_text(service.text, encoding="utf-8")
    temporary.chmod(0o644)  # service managers read it; it holds no secret
    temporary.replace(service.path)
    return existed


def uninstall(service: Service) -> bool:
    """Remove the file; False when there was none."""
    try:
        service.path.unlink()
    except FileNotFoundError:
        return False
    return True


def stop(service: Service) -> str | None:
    """Ask the service manager to stop the service now and not start it again (systemd: disable
    --now; launchd: remove the loaded job); None when it did, else why not (its own words)."""
    program = "systemctl" if service.manager == "systemd" else "launchctl"
    try:
        if service.manager == "systemd":
            done = subprocess.run(
                ["systemctl", "--user", "disable", "--now", service_word(service.name)],
                capture_output=True,
                text=True,
                timeout=MANAGER_TIMEOUT,
                check=False,
            )
        else:
            done = subprocess.run(
                ["launchctl", "remove", service_word(service.name)],
                capture_output=True,
                text=True,
                timeout=MANAGER_TIMEOUT,
                check=False,
            )
    except FileNotFoundError:
        return f"no {program} on this PATH"
    except subprocess.TimeoutExpired:
        return f"{program} did not answer in {MANAGER_TIMEOUT:g} s"
    except OSError as exc:
        return f"{program}: {printable(exc.strerror or str(exc))}"
    if done.returncode == 0:
        return None
    # Its failure, not the lines of what it did first ("Removed …/default.target.wants/…").
    lines = [line.strip() for line in (done.stderr or done.stdout).splitlines() if line.strip()]
    failed = [line for line in lines if re.search(r"fail|error|denied|not ", line, re.I)]
    words = (failed or lines)[-1] if lines else ""
    said = printable(words[:200]) if words else f"exit status {done.returncode}"
    return f"{program}: {said}"


def no_user_bus(env: dict[str, str] | None = None) -> str | None:
    """Why `systemctl --user` cannot reach the user's service manager from this process (no
    XDG_RUNTIME_DIR, or no bus in it: a `su` or `sudo` shell, cron, an SSH session without
    the user's manager), or None when it can be reached."""
    env = dict(os.environ) if env is None else env
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if not runtime:
        return "XDG_RUNTIME_DIR is not set"
    folder = Path(runtime)
    if (folder / "systemd" / "private").exists() or (folder / "bus").exists():
        return None
    return f"{_shown(runtime)} holds no user bus"


def forget(service: Service) -> None:
    """After the file is gone: systemd reloads its units, so that it no longer lists this one
    (launchd keeps nothing once the job is removed). Best effort: the file is what mattered."""
    if service.manager != "systemd":
        return
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        subprocess.run(
            ["systemctl", "--user", "daemon-reload"],
            capture_output=True,
            timeout=MANAGER_TIMEOUT,
            check=False,
        )
