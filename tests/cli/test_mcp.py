"""`catalyst mcp` before it serves: without the optional extra it says how to add it; a database
that is missing, empty, someone else's or follows another catalysts.toml is refused in one line
(exit 2), and none is made; nothing is written to stdout, which is the protocol's."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest

from catalyst_tui.cli import EXIT_USAGE

from ..conftest import BUNDLED_CONFIG
from ..support.cli_inline import run
from ..support.demo_data import demo_database


def test_without_the_sdk_it_says_how_to_add_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    found = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "mcp" else found(name, *a)
    )
    done = run("--config", str(BUNDLED_CONFIG), "--db", str(tmp_path / "c.db"), "mcp")
    assert done.returncode == EXIT_USAGE and done.stdout == ""
    assert "uv tool install '.[mcp]' --constraints constraints.txt" in done.stderr
    assert "pip install '.[mcp]'" in done.stderr and len(done.stderr.splitlines()) == 1
    assert not (tmp_path / "c.db").exists()


def test_a_missing_database_is_refused_and_not_made(tmp_path: Path):
    db = tmp_path / "none.db"
    done = run("--config", str(BUNDLED_CONFIG), "--db", str(db), "mcp")
    assert done.returncode == EXIT_USAGE and done.stdout == ""
    assert done.stderr.strip() == f"catalyst: no database at {db}: run `catalyst refresh` first"
    assert not db.exists()


def test_another_applications_file_is_refused_untouched(tmp_path: Path):
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.execute("PRAGMA user_version = 3")
    conn.close()
    before = db.read_bytes()
    done = run("--config", str(BUNDLED_CONFIG), "--db", str(db), "mcp")
    assert done.returncode == EXIT_USAGE and done.stdout == ""
    assert "is not a catalyst database" in done.stderr
    assert db.read_bytes() == before


def test_a_database_that_follows_another_file_is_refused(tmp_path: Path):
    """Run from a folder whose catalysts.toml is not the one the database follows."""
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    mine.mkdir()
    theirs.mkdir()
    _config, store = demo_database(mine, BUNDLED_CONFIG)
    store.close()
    (theirs / "catalysts.toml").write_bytes(BUNDLED_CONFIG.read_bytes())
    done = run("--db", str(mine / "demo.db"), "mcp", cwd=theirs)
    assert done.returncode == EXIT_USAGE and done.stdout == ""
    assert f"follows {(mine / 'catalysts.toml').resolve()}" in done.stderr
