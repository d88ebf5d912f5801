"""The CLI as a daily tool: a database it can't write is said before any fetch, commands that
report never make a database, your own mark needs no acknowledgement, an unknown target gets
"did you mean", and the daemon installs itself as a user service.

The commands run in the test's own process (tests/support/cli_inline.py): what they print, exit
with and store is what is tested. Two keep a real process: the argv the unit starts is run as
systemd would run it, and `daemon --install` is started as a process inheriting $CATALYST_DB and
$CATALYST_CONFIG from its environment."""

from __future__ import annotations

import contextlib
import json
import os
import plistlib
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.cli import service

from ..support import cli_inline
from ..support.market_server import MarketServer
from ..support.readonly import read_only_file
from ..support.service_manager import Call, ServiceManager, unit_file, unit_name

NOWHERE = "http://127.0.0.1:9"  # the discard port: nothing answers, nothing leaves the machine
PROVIDERS = (
    f'[providers.yahoo]\nbase_url = "{NOWHERE}"\ncookie_url = "{NOWHERE}"\nrss_url = "{NOWHERE}"\n'
    f'[providers.stooq]\nbase_url = "{NOWHERE}"\n[providers.finnhub]\nbase_url = "{NOWHERE}"\n'
    f'[providers.sec]\nbase_url = "{NOWHERE}"\ntickers_url = "{NOWHERE}/t.json"\n'
    f'archives_url = "{NOWHERE}"\n'
)
THESIS = PROVIDERS + (
    '# my thesis\n[tickers.ALAB]\n[[tickers.ALAB.checkpoints]]\nid = "npo-ships"\n'
    'title = "NPO ships"\nkind = "milestone"\ndue = 2020-01-01\njudged = "at due"\n'
    '[[tickers.ALAB.checkpoints]]\nid = "scorpio-largest"\ntitle = "Scorpio largest"\n'
    'kind = "milestone"\ndue = 2099-12-31\n'
)


def catalyst(tmp_path: Path, *args: str, db: str = "c.db") -> subprocess.CompletedProcess:
    """`catalyst` on `tmp_path`'s thesis, in this process (tests/support/cli_inline.py)."""
    config = tmp_path / "catalysts.toml"
    if not config.exists():
        config.write_text(THESIS)
    where = ("--config", str(config), "--db", str(tmp_path / db))
    # The loopback market, direct.
    return cli_inline.run(*where, *args, env={"NO_PROXY": "127.0.0.1,localhost"}, cwd=tmp_path)


def test_reporting_commands_never_make_a_database(tmp_path):
    """check, export, evidence and filings on a path with no database (a mistyped --db, in a
    folder that doesn't exist either) say so with exit 2 and create nothing."""
    for args in (
        ["check"],
        ["check", "--json"],
        ["export", "checkpoints"],
        ["evidence"],
        ["filings"],
        ["status"],
        ["status", "--json"],
        ["positions"],
        ["results"],
        ["results", "--json"],
    ):
        done = catalyst(tmp_path, *args, db="typo/c.db")
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert f"no database at {tmp_path / 'typo' / 'c.db'}: run `catalyst refresh` first" in (
            done.stderr
        )
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "typo").exists()


def test_a_database_that_cant_be_written_is_said_before_any_work(tmp_path):
    """check, mark, ack and refresh on a read-only database: one located line, exit 2, the file
    unchanged; refresh says it before asking the market anything (which answers at once)."""
    with MarketServer() as market:
        (tmp_path / "catalysts.toml").write_text(THESIS.replace(NOWHERE, market.url))
        assert catalyst(tmp_path, "mark", "ALAB/scorpio-largest", "met").returncode == 0  # the db
        db = tmp_path / "c.db"
        with contextlib.closing(sqlite3.connect(db)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = db.read_bytes()
        with read_only_file(db):
            for args in (
                ["check"],
                ["mark", "ALAB/npo-ships", "met"],
                ["ack", "--all"],
                ["refresh"],
            ):
                done = catalyst(tmp_path, *args)
                assert done.returncode == 2, (args, done.stdout, done.stderr)
                assert done.stderr.strip().splitlines() == [
                    f"catalyst: database {db}: is read-only: catalyst needs to write to it"
                ], args
            assert market.requests == []
            # The reports that only read still work on it.
            exported = catalyst(tmp_path, "export", "checkpoints", "--format", "json")
            assert exported.returncode == 0, exported.stderr
            ids = {row["id"] for row in json.loads(exported.stdout)}
            assert ids == {"npo-ships", "scorpio-largest"}
        assert db.read_bytes() == before
        # Writable, the same refresh asks the market: the silence above was the refusal's.
        catalyst(tmp_path, "refresh")
        assert market.requests_for(provider="yahoo")


def test_your_own_miss_needs_no_acknowledgement(tmp_path):
    """A miss found by evaluation is flagged (exit 1) until acknowledged; a miss you mark
    yourself is not, and marking a flagged miss by hand is taken as having seen it."""
    assert (
        catalyst(
            tmp_path, "mark", "ALAB/scorpio-largest", "missed", "--note", "lost the deal"
        ).returncode
        == 0
    )
    done = catalyst(tmp_path, "check", "--json")
    rows = {row["id"]: row for row in json.loads(done.stdout)}
    assert rows["scorpio-largest"]["status"] == "missed"
    assert rows["scorpio-largest"]["flagged"] is False
    assert rows["npo-ships"]["flagged"] is True  # the evaluation's own miss (due 2020)
    assert done.returncode == 1
    assert catalyst(tmp_path, "mark", "ALAB/npo-ships", "missed").returncode == 0
    done = catalyst(tmp_path, "check", "--json")
    assert done.returncode == 0, done.stdout
    assert not any(row["flagged"] for row in json.loads(done.stdout))


def test_an_unknown_target_gets_did_you_mean(tmp_path):
    done = catalyst(tmp_path, "mark", "ALAB/npo-ship", "met")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "catalyst mark: no checkpoint ALAB/npo-ship; did you mean ALAB/npo-ships?"
    )
    done = catalyst(tmp_path, "ack", "alab/scorpio_largest")
    assert done.stderr.strip() == (
        "catalyst ack: no checkpoint ALAB/scorpio_largest; did you mean ALAB/scorpio-largest?"
    )
    done = catalyst(tmp_path, "export", "checkpoints", "--symbol", "ALB")
    assert done.stderr.strip() == (
        "catalyst export: no ticker ALB in the database; did you mean ALAB?"
    )
    done = catalyst(tmp_path, "mark", "ALAB/zzz", "met")
    assert done.stderr.strip() == "catalyst mark: no checkpoint ALAB/zzz"  # nothing close


@pytest.fixture
def manager(tmp_path, tmp_path_factory, isolated_home, monkeypatch) -> ServiceManager:
    """systemctl and launchctl recorded, never the machine's own, for the systemd unit."""
    unit = unit_file(isolated_home / "config", tmp_path / "catalysts.toml")
    runtime = tmp_path_factory.mktemp("run")
    (runtime / "bus").touch()  # a user bus to reach (tests/cli/test_daemon_units.py: none)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return ServiceManager(tmp_path_factory.mktemp("manager"), unit, monkeypatch)


def test_daemon_install_writes_a_unit_systemd_accepts_and_uninstall_removes_it(
    tmp_path, isolated_home, manager
):
    config_home = isolated_home / "config"
    unit = unit_file(config_home, tmp_path / "catalysts.toml")
    done = catalyst(tmp_path, "daemon", "--install")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"wrote {unit} (the unit of {tmp_path / 'catalysts.toml'})",
        "start it now and at every log-in with: systemctl --user daemon-reload && "
        f"systemctl --user enable --now {unit.name}",
    ]
    text = unit.read_text()
    assert "Restart=on-failure" in text and "WantedBy=default.target" in text
    # A user manager has no network-online.target to wait for: asking for it is a unit that
    # waits on nothing (systemd-analyze --user warns of it).
    assert "network" not in text
    if shutil.which("systemd-analyze"):  # systemd's own parser (installed by .ci/run)
        verified = subprocess.run(
            ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True
        )
        assert verified.returncode == 0, verified.stderr
    # The command line runs from anywhere: the same argv, asked to validate instead.
    (exec_start,) = [line for line in text.splitlines() if line.startswith("ExecStart=")]
    argv = shlex.split(exec_start.removeprefix("ExecStart="))
    assert argv[:5] == [sys.executable, "-P", "-m", "catalyst_tui.cli", "daemon"]
    assert argv[5:] == [
        "--config",
        str(tmp_path / "catalysts.toml"),
        "--db",
        str(tmp_path / "c.db"),
    ]
    argv[4] = "validate"
    assert subprocess.run(argv, cwd="/", capture_output=True, timeout=60).returncode == 0
    assert catalyst(tmp_path, "daemon", "--install").stdout.startswith(f"updated {unit}")
    done = catalyst(tmp_path, "daemon", "--uninstall")
    assert done.returncode == 0 and not unit.exists()
    assert done.stdout.splitlines() == [f"stopped and disabled it; removed {unit}"]
    done = catalyst(tmp_path, "daemon", "--uninstall")
    assert done.returncode == 0 and "no service installed" in done.stdout


def test_uninstall_disables_the_service_before_it_deletes_the_unit(tmp_path, manager):
    """Deleting the unit of a running, enabled service left it running until the next log-out,
    and a dangling link in default.target.wants: it is stopped and disabled while the file is
    there, then the file goes and systemd reloads its units."""
    assert catalyst(tmp_path, "daemon", "--install").returncode == 0
    assert manager.calls() == []  # installing asks the manager nothing: the user enables it
    done = catalyst(tmp_path, "daemon", "--uninstall")
    assert done.returncode == 0, done.stderr
    assert manager.calls() == [
        Call(
            ["systemctl", "--user", "disable", "--now", unit_name(tmp_path / "catalysts.toml")],
            file_there=True,
        ),
        Call(["systemctl", "--user", "daemon-reload"], file_there=False),
    ]
    again = catalyst(tmp_path, "daemon", "--uninstall")
    assert "no service installed" in again.stdout and len(manager.calls()) == 2


def test_an_uninstall_the_manager_refuses_removes_the_unit_and_says_how_to_stop_it(
    tmp_path, isolated_home, manager
):
    unit = unit_file(isolated_home / "config", tmp_path / "catalysts.toml")
    assert catalyst(tmp_path, "daemon", "--install").returncode == 0
    manager.fail("Failed to connect to bus: No medium found\x1b[31m")
    done = catalyst(tmp_path, "daemon", "--uninstall")
    assert done.returncode == 0 and not unit.exists()
    assert done.stdout.splitlines() == [
        f"removed {unit}; it could not be stopped (systemctl: Failed to connect to bus: No "
        "medium found): if it is running, stop it with: systemctl --user disable --now "
        f"{unit.name}"
    ]
    assert [c.file_there for c in manager.calls()] == [True, False]  # the escape: filtered


def test_the_macos_agent_is_removed_from_launchd_by_its_label(tmp_path, manager):
    argv = service.daemon_argv(tmp_path / "catalysts.toml", None)
    agent = service.service_for(argv, tmp_path / "log", platform="darwin", home=tmp_path)
    assert service.stop(agent) is None
    service.forget(agent)  # launchd keeps nothing once the job is removed: nothing asked
    assert [c.argv for c in manager.calls()] == [["launchctl", "remove", agent.name]]
    assert agent.name == f"io.github.catalyst.daemon.{service.file_key(argv)}"


def test_a_path_with_spaces_percent_and_dollar_stays_one_word_for_systemd(tmp_path):
    argv = [
        "/opt/my python/bin/python",
        "-m",
        "catalyst_tui.cli",
        "daemon",
        "--config",
        "/home/me/100% $HOME/catalysts.toml",
    ]
    line = service.systemd_unit(argv).split("ExecStart=")[1].splitlines()[0]
    assert line == (
        '"/opt/my python/bin/python" "-m" "catalyst_tui.cli" "daemon" "--config" '
        '"/home/me/100%% $$HOME/catalysts.toml"'
    )


def test_the_macos_agent_runs_the_same_command_at_load_and_after_a_crash(tmp_path):
    argv = service.daemon_argv(tmp_path / "catalysts.toml", None)
    unit = service.service_for(argv, tmp_path / "log", platform="darwin", home=tmp_path)
    label = f"io.github.catalyst.daemon.{service.file_key(argv)}"
    assert unit.path == tmp_path / f"Library/LaunchAgents/{label}.plist"
    agent = plistlib.loads(unit.text.encode())
    assert agent["ProgramArguments"] == [
        sys.executable,
        "-P",
        "-m",
        "catalyst_tui.cli",
        "daemon",
        "--config",
        str(tmp_path / "catalysts.toml"),
    ]
    assert agent["RunAtLoad"] is True and agent["KeepAlive"] == {"SuccessfulExit": False}
    assert unit.enable == f"launchctl load -w {unit.path}"
    with pytest.raises(service.ServiceError):
        service.service_for(argv, tmp_path, platform="win32")


def test_the_readmes_validate_example_is_what_validate_prints(tmp_path):
    """README: the example config with the two mistakes it names gives exactly the errors it
    shows; a bare impossible date is said as a date, at its value, not as a TOML syntax error."""
    from ..conftest import REPO

    readme = (REPO / "README.md").read_text()
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    after = readme.split("`catalyst validate` checks the file", 1)[1]
    shown = after.split("```\n", 1)[1].split("```", 1)[0].splitlines()
    broken = example.replace("due = 2026-12-31", "due = 2026-13-31", 1)
    broken = broken.replace('when = "gross_margin >= 70%"', 'when = "gross_margin >= 70"', 1)
    assert broken.count("2026-13-31") == 1  # both mistakes made
    assert 'when = "gross_margin >= 70"' in broken and "gross_margin >= 70%" not in broken
    (tmp_path / "catalysts.toml").write_text(broken)
    done = cli_inline.run("--config", "catalysts.toml", "validate", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines()[:-1] == shown


def test_evidence_for_an_unknown_checkpoint_gets_did_you_mean_and_exit_2(tmp_path):
    """`evidence SYMBOL/ID` with a mistyped id is refused as `mark` refuses it (one shared
    check): "did you mean", exit 2; nothing close, exit 2 all the same."""
    assert catalyst(tmp_path, "mark", "ALAB/scorpio-largest", "pending").returncode == 0
    done = catalyst(tmp_path, "evidence", "ALAB/npo")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.strip() == (
        "catalyst evidence: no checkpoint ALAB/npo; did you mean ALAB/npo-ships?"
    )
    done = catalyst(tmp_path, "evidence", "ALAB/npo-ships")  # known, with no entries
    assert done.returncode == 0 and "ALAB/npo-ships has no evidence entries" in done.stdout


def test_evidence_for_a_checkpoint_that_does_not_exist_exits_2(tmp_path):
    assert catalyst(tmp_path, "mark", "ALAB/scorpio-largest", "pending").returncode == 0
    done = catalyst(tmp_path, "evidence", "alab/no-such-checkpoint")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.strip() == "catalyst evidence: no checkpoint ALAB/no-such-checkpoint"
    done = catalyst(tmp_path, "evidence", "/npo-ships")
    assert done.returncode == 2 and "write SYMBOL/ID" in done.stderr


def test_no_filings_yet_blames_the_sec_contact_only_when_it_is_unset(tmp_path):
    assert catalyst(tmp_path, "mark", "ALAB/scorpio-largest", "pending").returncode == 0
    unset = catalyst(tmp_path, "filings", "ALAB")
    assert unset.returncode == 0
    assert "set providers.sec.user_agent" in unset.stdout
    config = tmp_path / "catalysts.toml"
    config.write_text(
        THESIS.replace(
            "[providers.sec]\n", '[providers.sec]\nuser_agent = "Jane Doe jane@example.com"\n'
        )
    )
    done = catalyst(tmp_path, "filings", "ALAB")
    assert done.returncode == 0
    assert "user_agent" not in done.stdout
    assert done.stdout.strip() == (
        "no filings stored for ALAB yet: `catalyst refresh` fetches them from SEC EDGAR"
    )


def test_a_mistyped_status_or_kind_is_named_by_its_word_not_its_enum(tmp_path):
    """The choices and suggestions name statuses and kinds as they are written ('met'), never
    as Python's enum reprs (<Status.MET: 'met'>)."""
    done = catalyst(tmp_path, "mark", "ALAB/npo-ships", "mett")
    assert done.returncode == 2
    assert "invalid choice: 'mett' (choose from 'pending', 'met', 'missed')" in done.stderr
    (tmp_path / "catalysts.toml").write_text(THESIS.replace('kind = "milestone"', 'kind = "gaurd"'))
    done = catalyst(tmp_path, "validate")
    assert done.returncode == 2
    assert "unknown kind 'gaurd' (did you mean 'guard'?)" in done.stderr
    for output in (done.stdout + done.stderr, catalyst(tmp_path, "mark", "A/b", "x").stderr):
        assert "<Kind." not in output and "<Status." not in output, output


def test_daemon_install_keeps_the_database_of_catalyst_db(tmp_path, isolated_home):
    """$CATALYST_DB picks the database as --db does: the service is written to use that one,
    not the default; $CATALYST_CONFIG likewise for the file."""
    (tmp_path / "catalysts.toml").write_text(THESIS)
    env = {
        **os.environ,
        "CATALYST_DB": str(tmp_path / "mine.db"),
        "CATALYST_CONFIG": str(tmp_path / "catalysts.toml"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "catalyst_tui.cli", "daemon", "--install"],
        capture_output=True,
        text=True,
        cwd=isolated_home,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    unit = unit_file(isolated_home / "config", tmp_path / "catalysts.toml")
    (exec_start,) = [
        line for line in unit.read_text().splitlines() if line.startswith("ExecStart=")
    ]
    argv = shlex.split(exec_start.removeprefix("ExecStart="))
    assert argv[5:] == [
        "--config",
        str(tmp_path / "catalysts.toml"),
        "--db",
        str(tmp_path / "mine.db"),
    ]
