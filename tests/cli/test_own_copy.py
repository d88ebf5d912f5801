"""`make run` on a fresh clone opens the user's own copy of the example, never the tracked file:
run from the repository, where the bundled catalysts.toml lies, catalyst copies it once to the
user's config folder, says where, and from then on reads and writes that copy. The command runs
in the test's own process (tests/support/cli_inline.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.support import cli_inline

from ..conftest import BUNDLED_CONFIG

REPO = BUNDLED_CONFIG.parent


def catalyst(home: Path, *args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    """`catalyst ARGS` from `cwd` for a user whose home is `home`, with no $CATALYST_CONFIG or
    $CATALYST_DB, in this process (tests/support/cli_inline.py)."""
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    with pytest.MonkeyPatch.context() as patch:
        for name in ("CATALYST_CONFIG", "CATALYST_DB"):
            patch.delenv(name, raising=False)
        return cli_inline.run(*args, env=env, cwd=cwd)


def test_run_in_the_repository_copies_the_example_to_the_users_own_file_once(tmp_path):
    tracked = BUNDLED_CONFIG.read_bytes()
    own = tmp_path / "config" / "catalyst" / "catalysts.toml"
    first = catalyst(tmp_path, "validate")
    assert first.returncode == 0, first.stderr
    assert f"the bundled example thesis was copied to {own}" in " ".join(first.stderr.split())
    assert first.stdout.startswith(f"{own}: ok")
    assert own.read_bytes() == tracked
    own.write_text(own.read_text().replace('name = "Astera Labs"', 'name = "Mine"'))
    again = catalyst(tmp_path, "validate")
    assert again.returncode == 0 and again.stderr == ""  # told once
    assert again.stdout.startswith(f"{own}: ok")
    assert BUNDLED_CONFIG.read_bytes() == tracked  # the tracked example never changes


def test_a_catalysts_toml_of_your_own_in_the_folder_is_still_used(tmp_path):
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "catalysts.toml").write_text('[tickers.ALAB]\nname = "Astera Labs"\n')
    done = catalyst(tmp_path, "validate", cwd=folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("catalysts.toml: ok: 1 ticker,")
    assert not (tmp_path / "config" / "catalyst" / "catalysts.toml").exists()


def test_make_run_opens_catalyst_without_naming_the_tracked_file():
    dry = subprocess.run(
        ["make", "-n", "run"], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    [command] = [line for line in dry.stdout.splitlines() if "bin/catalyst" in line]
    assert command.split() == [".venv/bin/catalyst"], command


def test_backups_of_the_file_are_ignored_by_git():
    done = subprocess.run(["git", "check-ignore", "-q", "catalysts.toml.bak"], cwd=REPO)
    assert done.returncode == 0
