"""`catalyst` end to end: version, help, validate, lookups, bad databases.

The commands run in the test's own process (tests/support/cli_inline.py): what they print, exit
with and store is what is tested. Two start a process, for what only a new one shows: the root
logger a fresh process gets from `setup_logging`, and the script's collector paused while it
loads."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui import __version__
from catalyst_tui.market.models import Fact
from catalyst_tui.store import Store
from tests.support import cli_inline

from ..conftest import BUNDLED_CONFIG, REPO

BROKEN = REPO / "tests" / "fixtures" / "broken"


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`catalyst ARGS` from `cwd`, in this process (tests/support/cli_inline.py)."""
    return cli_inline.run(*args, env=env, cwd=cwd)


def no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr + result.stdout


def data_files(home: Path) -> list[Path]:
    return sorted(p for p in (home / "data").rglob("*") if p.is_file())


def test_version(tmp_path):
    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"catalyst {__version__}"


def test_help_lists_every_command_and_global_option(tmp_path):
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    for word in (
        "validate",
        "refresh",
        "check",
        "mark",
        "ack",
        "export",
        "daemon",
        "notify",
        "--config",
        "--db",
        "--debug",
        "--version",
    ):
        assert word in result.stdout


def test_validate_bundled_file_exits_0_and_writes_nothing(tmp_path, isolated_home):
    result = run("validate", "--config", str(BUNDLED_CONFIG), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ok: 8 tickers" in result.stdout
    assert data_files(isolated_home) == []


def test_validate_broken_file_prints_every_located_error_and_exits_2(tmp_path, isolated_home):
    broken = BROKEN / "29_many_errors_at_once.toml"
    result = run("--config", str(broken), "validate", cwd=tmp_path)
    assert result.returncode == 2
    no_traceback(result)
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(broken))]
    assert [line.split(":")[1] for line in lines] == ["7", "8", "12", "18", "25"]
    assert "5 errors; nothing was written" in result.stderr
    assert data_files(isolated_home) == []


def test_invalid_config_stops_the_tui_before_the_database_is_touched(tmp_path, isolated_home):
    db = tmp_path / "catalyst.db"
    result = run("--db", str(db), "--config", str(BROKEN / "04_bad_date_string.toml"), cwd=tmp_path)
    assert result.returncode == 2
    assert "tickers.ALAB.checkpoints[0].due: '2027-13-01' is not a date" in result.stderr
    assert not db.exists()


def test_first_run_copies_the_bundled_example_and_says_where(tmp_path, isolated_home):
    result = run("validate", cwd=tmp_path)
    copied = isolated_home / "config" / "catalyst" / "catalysts.toml"
    assert result.returncode == 0, result.stderr
    assert copied.read_bytes() == BUNDLED_CONFIG.read_bytes()
    assert str(copied) in result.stderr
    again = run("validate", cwd=tmp_path)
    assert str(copied) not in again.stderr  # told once, on the run that copied it


def test_config_lookup_order(tmp_path):
    shutil.copy(BUNDLED_CONFIG, tmp_path / "catalysts.toml")
    assert "catalysts.toml: ok" in run("validate", cwd=tmp_path).stdout
    env_file = tmp_path / "env.toml"
    env_file.write_text('[tickers.ALAB]\nname = "from env"\n')
    result = run("validate", cwd=tmp_path, env={"CATALYST_CONFIG": str(env_file)})
    assert f"{env_file}: ok: 1 ticker," in result.stdout
    explicit = tmp_path / "explicit.toml"
    explicit.write_text("[tickers.NVDA]\n[tickers.AVGO]\n")
    result = run(
        "validate", "--config", str(explicit), cwd=tmp_path, env={"CATALYST_CONFIG": str(env_file)}
    )
    assert f"{explicit}: ok: 2 tickers" in result.stdout


def test_missing_explicit_config_is_an_error_not_a_copy(tmp_path, isolated_home):
    result = run("validate", "--config", str(tmp_path / "nope.toml"), cwd=tmp_path)
    assert result.returncode == 2
    assert "nope.toml:1:1: file not found" in result.stderr
    assert not (isolated_home / "config" / "catalyst").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"garbage " * 512, "is not a SQLite database"),
        (None, "is a directory"),
    ],
)
def test_unusable_database_is_named_with_exit_2(tmp_path, content, expected):
    db = tmp_path / "catalyst.db"
    if content is None:
        db.mkdir()
    else:
        db.write_bytes(content)
    result = run("--config", str(BUNDLED_CONFIG), "--db", str(db), cwd=tmp_path)
    assert result.returncode == 2
    no_traceback(result)
    assert f"database {db}: {expected}" in result.stderr


def test_database_lookup_order(tmp_path, monkeypatch):
    from catalyst_tui.paths import find_database

    config = tmp_path / "conf" / "catalysts.toml"
    assert find_database(None, "state/my.db", config) == tmp_path / "conf" / "state" / "my.db"
    own = find_database(None, None, config)
    assert own.name.startswith("catalyst-catalysts-") and own.suffix == ".db"
    from catalyst_tui.paths import user_config_file

    assert find_database(None, None, user_config_file()).name == "catalyst.db"
    monkeypatch.setenv("CATALYST_DB", str(tmp_path / "env.db"))
    assert find_database(None, "x.db", config) == tmp_path / "env.db"
    assert find_database(str(tmp_path / "cli.db"), "x.db", config) == tmp_path / "cli.db"


def test_library_warnings_go_to_the_log_file_not_the_terminal(tmp_path):
    """APScheduler, httpx and desktop-notifier log through the root logger: with no handler
    there, Python prints their tracebacks on stderr, across the TUI's screen."""
    script = (
        "import logging\n"
        "from catalyst_tui.cli import setup_logging\n"
        "path = setup_logging(False)\n"
        "try:\n"
        "    raise RuntimeError('job failed')\n"
        "except RuntimeError:\n"
        "    logging.getLogger('apscheduler.executors.default').exception('Job raised')\n"
        "logging.getLogger('catalyst_tui.schedule').info('module info')\n"
        "logging.getLogger('httpx').info('HTTP Request: GET ...')\n"
        "print(path)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert done.returncode == 0
    assert done.stderr == ""
    log = Path(done.stdout.strip()).read_text()
    assert "Job raised" in log and "RuntimeError: job failed" in log
    assert "module info" in log  # the modules' own INFO lines are kept
    assert "HTTP Request" not in log  # libraries only from WARNING


def test_a_missed_milestone_keeps_its_reason_on_every_check(tmp_path):
    """The first check misses the milestone (ALAB's filings read through today, its fiscal year
    the calendar's, and no report of its quarter came by the ceiling, 100 days after the
    quarter's end) and says why; the checks after it evaluate it again, with nothing new to
    say: the reason stays."""
    config = tmp_path / "catalysts.toml"
    config.write_text(
        '[tickers.ALAB]\n[[tickers.ALAB.checkpoints]]\nid = "npo-ships"\ntitle = "NPO ships"\n'
        'kind = "milestone"\ndue = 2020-01-01\n'
    )
    where = ("--config", str(config), "--db", str(tmp_path / "c.db"))
    with Store.open(tmp_path / "c.db") as store:  # check reports on a database; never makes one
        year = Fact(
            "revenue_fy",
            dt.date(2019, 1, 1),
            dt.date(2019, 12, 31),
            1e8,
            "USD",
            "10-K",
            dt.date(2019, 2, 20),
            "us-gaap:Revenues",
        )
        store.market.save_facts("ALAB", [year], dt.datetime.now(dt.UTC))
    reasons = []
    for _ in range(3):
        result = run(*where, "check", "--json", cwd=tmp_path)
        assert result.returncode == 1, result.stderr  # the miss is flagged
        (row,) = json.loads(result.stdout)
        assert row["status"] == "missed"
        reasons.append(row["reason"])
    assert reasons == ["due passed; no report of Q1 FY2020 by 2020-07-09"] * 3
    table = run(*where, "check", cwd=tmp_path)
    assert "due passed; no report of Q1 FY2020 by 2020-07-09" in table.stdout


def test_a_refresh_whose_fetch_fails_still_judges_the_stored_data(tmp_path, monkeypatch, capsys):
    """A fault in the fetch (any exception out of the refresh) is reported on one line, the
    record goes to the log, and the checkpoints are still evaluated: a milestone whose due date
    passed is flagged missed by that refresh, which ends with exit 3 (stale), not a traceback."""
    from catalyst_tui import cli
    from catalyst_tui.jobs import refresh

    async def broken(*_args, **_kwargs):
        raise RuntimeError("provider answer no code expected")

    monkeypatch.setattr(refresh, "refresh_in_process", broken)
    config = tmp_path / "catalysts.toml"
    config.write_text(
        '[tickers.ALAB]\n[[tickers.ALAB.checkpoints]]\nid = "npo-ships"\ntitle = "NPO ships"\n'
        'kind = "milestone"\ndue = 2020-01-01\njudged = "at due"\n'
    )
    where = ["--config", str(config), "--db", str(tmp_path / "c.db")]
    code = cli.main([*where, "refresh"])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_STALE
    assert "the fetch failed (RuntimeError: provider answer no code expected)" in err
    assert "Traceback" not in out + err
    assert "ALAB/npo-ships: pending -> missed" in out
    assert "RuntimeError: provider answer no code expected" in cli.log_file().read_text()


def _undescribed(help_text: str) -> list[str]:
    """The arguments and options `--help` lists without a word on what they are."""
    lines = help_text.splitlines()
    bare = []
    for i, line in enumerate(lines):
        if not line.startswith("  ") or line.startswith("   "):
            continue  # not an entry (an entry is indented by two spaces exactly)
        name, _, rest = line.strip().partition("  ")
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if not rest.strip() and not following.startswith(" " * 8):
            bare.append(name)
    return bare


def test_every_commands_help_describes_each_of_its_arguments():
    from catalyst_tui.cli import COMMANDS

    for command in COMMANDS:
        done = cli_inline.run(command, "--help")
        assert done.returncode == 0, done.stderr
        assert "positional arguments:" in done.stdout or "options:" in done.stdout
        assert _undescribed(done.stdout) == [], (command, done.stdout)


def test_the_catalyst_script_pauses_the_collector_only_while_it_loads(tmp_path):
    """The script's entry (launch.main) loads the program with the cyclic collector paused; a
    command other than the TUI runs with it going again (the daemon runs for months)."""
    probe = (
        "import gc, sys\n"
        "import catalyst_tui.cli as cli\n"
        "from catalyst_tui import launch\n"
        "seen = []\n"
        "real = cli.COMMANDS['validate']\n"
        "cli.COMMANDS['validate'] = lambda ctx: (seen.append(gc.isenabled()), real(ctx))[1]\n"
        f"sys.argv = ['catalyst', 'validate', '--config', {str(BUNDLED_CONFIG)!r}]\n"
        "code = launch.main()\n"
        "print(seen, gc.isenabled(), code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split("\n")[-2] == "[True] True 0", result.stdout + result.stderr
    scripts = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'catalyst = "catalyst_tui.launch:main"' in scripts


@pytest.mark.parametrize(
    ("text", "where", "quote"),
    [
        ('[settings]\nbase_currency = "USD\nnotify = ["missed"]\n', "2:17", '"'),
        ("[tickers.ALAB]\nname = 'Astera\ngroup = 'AI'\n", "2:8", "'"),
        ('[tickers.ALAB]\nthesis = """the start\nand never an end\n', "2:10", "triple"),
    ],
)
def test_an_unclosed_string_is_said_as_one_at_its_opening_quote(tmp_path, text, where, quote):
    """tomllib complains of the newline after an unclosed string, or of the end of the file; the
    message says what is wrong (an unclosed string) and points at the quote that opened it."""
    path = tmp_path / "catalysts.toml"
    path.write_text(text)
    result = run("--config", str(path), "validate", cwd=tmp_path)
    assert result.returncode == 2
    no_traceback(result)
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path}:{where}: TOML syntax: unclosed string")
    assert quote in first


def test_two_thesis_files_never_share_a_database_by_accident(tmp_path, isolated_home):
    """Each file's database is named by it: a second file run with no --db gets its own, and
    the first one's marks stay the first one's."""
    first, second = tmp_path / "a" / "catalysts.toml", tmp_path / "b" / "catalysts.toml"
    for path, symbol in ((first, "ALAB"), (second, "NVDA")):
        path.parent.mkdir()
        path.write_text(f'[tickers.{symbol}]\nname = "{symbol}"\n')
        assert run("--config", str(path), "ack", "--all", cwd=tmp_path).returncode == 0
    made = sorted(p.name for p in (isolated_home / "data").rglob("*.db"))
    assert len(made) == 2 and all(name.startswith("catalyst-catalysts-") for name in made)
    listed = run("--config", str(first), "export", "checkpoints", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr


def test_a_file_that_used_the_shared_database_keeps_it(tmp_path, isolated_home):
    """Before each file had its own, every file used catalyst.db: the file it follows keeps it
    (and its timeline); another file starts a database of its own."""
    from catalyst_tui.paths import user_database_file

    mine, other = tmp_path / "catalysts.toml", tmp_path / "other.toml"
    mine.write_text('[tickers.ALAB]\nname = "Astera Labs"\n')
    other.write_text('[tickers.NVDA]\nname = "NVIDIA"\n')
    shared = user_database_file()
    shared.parent.mkdir(parents=True)
    made = run("--config", str(mine), "--db", str(shared), "ack", "--all", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    kept = run("--config", str(mine), "export", "checkpoints", cwd=tmp_path)
    assert kept.returncode == 0, kept.stderr
    assert not user_database_file(mine).exists()  # it kept the shared one
    assert run("--config", str(other), "ack", "--all", cwd=tmp_path).returncode == 0
    assert user_database_file(other).exists()
    with Store.open(shared) as store:  # the shared one still follows the first file
        assert store.sync.follows() == mine.resolve()
