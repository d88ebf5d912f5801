"""Hostile output paths, round 5: `catalyst report -o` and `catalyst export -o` given the database,
its WAL and SHM, a symlink and a hard link to it, the catalysts.toml, its .bak, another
catalysts.toml and another SQLite file: each refused with the reason, exit 2, every byte of the
file as it was. An existing file is replaced only by the same kind of file catalyst wrote, or with
--force; always whole (a temporary file renamed over it: none is left behind, a failure leaves the
old file whole)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from catalyst_tui.cli.output_file import Kind, refusal
from catalyst_tui.config import load_config
from catalyst_tui.store import Store
from tests.support import cli_inline

THESIS = """
[tickers.ALAB]
name = "Astera Labs"
thesis = "Connectivity for AI racks"
[[tickers.ALAB.checkpoints]]
id = "ships"
title = "Scorpio ships"
kind = "milestone"
due = 2027-12-31
"""
NOW = dt.datetime(2026, 11, 5, 15, tzinfo=dt.UTC)
WRITERS = (["report", "ALAB"], ["export", "checkpoints"])


@pytest.fixture
def home(tmp_path: Path) -> Path:
    config = tmp_path / "catalysts.toml"
    config.write_text(THESIS)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(config), NOW)
    return tmp_path


def catalyst(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    where = ("--db", str(home / "c.db"), "--config", str(home / "catalysts.toml"))
    env = {"XDG_STATE_HOME": str(home / "state"), "XDG_CONFIG_HOME": str(home)}
    done = cli_inline.run(*args, *where, env=env, cwd=home)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, the database's as what it holds (the command itself reads it)."""
    files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    files = {name: data for name, data in files.items() if not name.startswith("c.db-")}
    with contextlib.closing(sqlite3.connect(folder / "c.db")) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        held = repr(db.execute("SELECT symbol FROM tickers").fetchall()).encode()
    files |= {name: held for name in files if name.startswith("c.db") or name == "hard.md"}
    return files


def _refused(home: Path, command: list[str], target: Path, said: str) -> None:
    before = _snapshot(home)
    done = catalyst(home, *command, "-o", str(target))
    assert done.returncode == 2, done.stdout + done.stderr
    assert said in done.stderr
    assert "nothing was written" in done.stderr
    assert _snapshot(home) == before  # every byte as it was, no temporary file left


@pytest.mark.parametrize("command", WRITERS, ids=lambda c: c[0])
def test_the_database_and_its_side_files_are_refused(home: Path, command: list[str]):
    with sqlite3.connect(home / "c.db") as open_one:  # a reader holds the WAL and SHM open
        open_one.execute("PRAGMA journal_mode=WAL")
        open_one.execute("CREATE TABLE IF NOT EXISTS t (x)")
        assert (home / "c.db-wal").exists() and (home / "c.db-shm").exists()
        _refused(home, command, home / "c.db", "the database")
        _refused(home, command, home / "c.db-wal", "the database's wal file")
        _refused(home, command, home / "c.db-shm", "the database's shm file")
    _refused(home, command, home / "c.db-journal", "the database's journal file")  # not there


@pytest.mark.parametrize("command", WRITERS, ids=lambda c: c[0])
def test_a_symlink_or_a_hard_link_to_the_database_is_the_database(home: Path, command):
    (home / "link.html").symlink_to(home / "c.db")
    os.link(home / "c.db", home / "hard.md")
    _refused(home, command, home / "link.html", "the database")
    _refused(home, command, home / "hard.md", "the database")
    assert (home / "link.html").is_symlink()


@pytest.mark.parametrize("command", WRITERS, ids=lambda c: c[0])
def test_the_thesis_its_backup_and_any_other_thesis_are_refused(home: Path, command):
    (home / "catalysts.toml.bak").write_text(THESIS)
    other = home / "other"
    other.mkdir()
    (other / "catalysts.toml").write_text("# empty, but named as one\n")
    (other / "mine.toml").write_text('[settings]\ncurrency = "EUR"\n')
    (other / "friend.db").write_bytes((home / "c.db").read_bytes())
    _refused(home, command, home / "catalysts.toml", "the catalysts.toml in use")
    _refused(home, command, home / "catalysts.toml.bak", "the catalysts.toml's backup")
    for target, said in (
        (other / "catalysts.toml", "a catalysts.toml"),
        (other / "mine.toml", "a catalysts.toml"),
        (other / "friend.db", "a SQLite database"),
    ):
        before = target.read_bytes()
        done = catalyst(home, *command, "-o", str(target), "--force")  # not even with --force
        assert done.returncode == 2 and said in done.stderr, done.stderr
        assert target.read_bytes() == before
    wal = other / "friend.db-wal"  # not there: SQLite would read what was written there
    done = catalyst(home, *command, "-o", str(wal), "--force")
    assert done.returncode == 2 and "a side file of the database" in done.stderr, done.stderr
    assert not wal.exists()


@pytest.mark.parametrize(
    ("command", "name"),
    [(["report", "ALAB"], "r.md"), (["report", "ALAB", "--format", "html"], "r.html")]
    + [(["export", what], f"{what}.csv") for what in ("prices", "checkpoints")]
    + [(["export", "events", "--format", "json"], "e.json")],
)
def test_its_own_file_is_replaced_whole_anything_else_only_with_force(home, command, name):
    target = home / name
    first = catalyst(home, *command, "-o", str(target))
    assert first.returncode == 0, first.stderr
    written = target.read_bytes()
    assert written
    target.chmod(0o640)
    again = catalyst(home, *command, "-o", str(target))  # its own kind: replaced
    assert again.returncode == 0, again.stderr
    assert target.stat().st_mode & 0o777 == 0o640  # the old file's permissions kept
    target.write_text("my own notes\n")
    refused = catalyst(home, *command, "-o", str(target))
    assert refused.returncode == 2
    assert "pass --force to replace it" in refused.stderr
    assert target.read_text() == "my own notes\n"
    forced = catalyst(home, *command, "-o", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_bytes()[:40] == written[:40]
    assert sorted(p.name for p in home.iterdir() if p.name.startswith(".")) == []


def test_a_report_is_not_an_export(home: Path):
    """Each kind replaces its own: a CSV export over a report catalyst wrote needs --force."""
    target = home / "out"
    assert catalyst(home, "report", "ALAB", "-o", str(target)).returncode == 0
    done = catalyst(home, "export", "prices", "-o", str(target))
    assert done.returncode == 2
    assert "a file that is not a CSV export of prices catalyst wrote" in done.stderr


def test_a_folder_or_a_missing_folder_is_refused_and_a_fifo_is_written_through(home: Path):
    for target, said in ((home, "a folder"), (home / "no" / "r.md", "no such folder")):
        done = catalyst(home, "report", "ALAB", "-o", str(target))
        assert done.returncode == 2 and said in done.stderr, done.stderr
    done = catalyst(home, "export", "checkpoints", "-o", "/dev/null")
    assert done.returncode == 0, done.stderr
    assert Path("/dev/null").is_char_device()


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path):
    """The block that writes fails half-way (a full disk, an interrupt): the old file is as it
    was, no temporary file is left."""
    from catalyst_tui.cli.output_file import written

    target = tmp_path / "r.md"
    target.write_text("<!-- mark -->\nold report\n")
    kind = Kind("a report", lambda head: b"<!-- mark -->" in head)
    with pytest.raises(RuntimeError), written("report", str(target), kind, []) as file:
        file.write("<!-- mark -->\nhalf of a new")
        file.flush()
        raise RuntimeError("the disk filled")
    assert target.read_text() == "<!-- mark -->\nold report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_an_empty_file_or_a_new_one_may_be_written(tmp_path: Path):
    kind = Kind("a report", lambda head: False)
    (tmp_path / "empty").touch()
    assert refusal(tmp_path / "empty", kind, [], force=False) is None
    assert refusal(tmp_path / "new", kind, [], force=False) is None
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere" / "x")
    assert "link to nothing" in (refusal(tmp_path / "dangling", kind, [], force=True) or "")


@pytest.mark.parametrize("name", ["c.db", "c.db-journal"])
def test_init_force_writes_no_thesis_over_a_database(home: Path, name: str):
    before = _snapshot(home)
    done = catalyst(home, "init", str(home / name), "--force")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "catalyst writes no thesis over it" in done.stderr
    assert _snapshot(home) == before
