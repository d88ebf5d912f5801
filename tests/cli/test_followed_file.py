"""A database follows one catalysts.toml: `catalyst check` run from a folder that has another
one (a checkout's example, a friend's thesis) is refused before it archives a ticker, and the
file named with --config takes the database over.

The commands run in the test's own process (tests/support/cli_inline.py): what they print,
exit with and store is what is tested, not the process."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from catalyst_tui.store import Store
from tests.support import cli_inline

from ..conftest import BUNDLED_CONFIG


def catalyst(cwd: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`catalyst --db DB ARGS` run from `cwd`, with no $CATALYST_CONFIG or $CATALYST_DB, in this
    process (tests/support/cli_inline.py)."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("CATALYST_CONFIG", "CATALYST_DB"):
            patch.delenv(name, raising=False)
        env = {"XDG_CONFIG_HOME": str(cwd / "xdg"), "XDG_STATE_HOME": str(cwd / "xdg")}
        return cli_inline.run("--db", str(db), *args, env=env, cwd=cwd)


def active(db: Path) -> list[str]:
    with Store.open(db) as store:
        return sorted(store.views.active_symbols())


def test_another_folders_file_is_refused_and_named_with_config_it_takes_over(tmp_path):
    mine, other = tmp_path / "mine", tmp_path / "other"
    mine.mkdir()
    other.mkdir()
    (mine / "catalysts.toml").write_text(BUNDLED_CONFIG.read_text())
    (other / "catalysts.toml").write_text('[tickers.AMD]\nname = "AMD"\n')
    db = tmp_path / "c.db"
    done = catalyst(mine, db, "ack", "--all")
    assert done.returncode == 0, done.stderr
    held = active(db)
    assert "ALAB" in held and "AMD" not in held

    done = catalyst(other, db, "check")
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"follows {(mine / 'catalysts.toml').resolve()}" in done.stderr
    assert "--config catalysts.toml" in done.stderr
    assert active(db) == held  # nothing archived

    done = catalyst(mine, db, "check")  # the file it follows: as before
    assert done.returncode in (0, 1), done.stderr

    done = catalyst(other, db, "--config", "catalysts.toml", "check")
    assert done.returncode in (0, 1), done.stderr
    assert active(db) == ["AMD"]
    done = catalyst(mine, db, "check")  # now it follows the other one
    assert done.returncode == 2 and "follows" in done.stderr


def test_status_names_the_config_by_its_whole_path(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "catalysts.toml").write_text(BUNDLED_CONFIG.read_text())
    db = tmp_path / "c.db"
    assert catalyst(mine, db, "ack", "--all").returncode == 0
    done = catalyst(mine, db, "status")
    assert done.returncode == 0, done.stderr
    lines = [line.split(None, 1) for line in done.stdout.splitlines() if line.startswith("config")]
    assert lines == [["config", str((mine / "catalysts.toml").resolve())]]
