"""`catalyst init [PATH]`: a file of one's own to start from (settings, one example ticker
commented out) with a database of its own, never written over a file that is there.

The commands run in the test's own process (tests/support/cli_inline.py): what they print,
exit with and store is what is tested, not the process."""

from __future__ import annotations

import subprocess
from pathlib import Path

from catalyst_tui.config import load_config, parse_config
from tests.support import cli_inline


def catalyst(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`catalyst ARGS` run from `cwd`, in this process (tests/support/cli_inline.py)."""
    return cli_inline.run(*args, cwd=cwd)


def test_init_writes_a_valid_file_and_its_own_database(tmp_path, isolated_home):
    mine = tmp_path / "theses" / "portfolio.toml"
    done = catalyst(tmp_path, "init", str(mine))
    assert done.returncode == 0, done.stderr
    config = load_config(mine)
    assert not config.tickers and config.settings.currency == "USD"
    databases = list((isolated_home / "data").rglob("*.db"))
    assert [db.name for db in databases] == [done.stdout.splitlines()[1].rsplit("/", 1)[1]]
    assert databases[0].name.startswith("catalyst-portfolio-")
    assert catalyst(tmp_path, "--config", str(mine), "validate").returncode == 0
    # Another file's database is another one: the two never share by accident.
    assert catalyst(tmp_path, "init", str(tmp_path / "other.toml")).returncode == 0
    assert len(list((isolated_home / "data").rglob("*.db"))) == 2


def test_the_commented_example_validates_once_uncommented(tmp_path, isolated_home):
    mine = tmp_path / "catalysts.toml"
    assert catalyst(tmp_path, "init", str(mine)).returncode == 0
    head, marker, example = mine.read_text().partition("add your own:\n")
    assert marker, "the example ticker is introduced"
    lines = [
        line[2:]
        if line.startswith("# ") and not line.startswith("# #")
        else ""
        if line == "#"
        else line
        for line in example.splitlines()
    ]
    config = parse_config(head + "\n".join(lines))
    assert list(config.tickers) == ["ALAB"]
    assert [c.id for c in config.tickers["ALAB"].checkpoints] == ["gross-margin-floor"]


def test_init_never_writes_over_a_file_unless_forced_and_keeps_it(tmp_path, isolated_home):
    mine = tmp_path / "catalysts.toml"
    mine.write_text("# my own thesis\n")
    refused = catalyst(tmp_path, "init", str(mine))
    assert refused.returncode == 2 and "already exists: nothing was written" in refused.stderr
    assert mine.read_text() == "# my own thesis\n"
    forced = catalyst(tmp_path, "init", str(mine), "--force")
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "catalysts.toml.bak").read_text() == "# my own thesis\n"
    assert "catalyst init" in mine.read_text()


def test_init_without_a_path_writes_the_file_catalyst_finds_on_its_own(tmp_path, isolated_home):
    done = catalyst(tmp_path, "init")
    assert done.returncode == 0, done.stderr
    own = isolated_home / "config" / "catalyst" / "catalysts.toml"
    assert done.stdout.splitlines()[0].startswith(f"wrote {own}")
    assert (isolated_home / "data" / "catalyst" / "catalyst.db").is_file()
    status = catalyst(tmp_path, "status")  # found with no --config: the file just written
    assert status.returncode == 0 and str(own) in status.stdout


def test_the_starter_says_every_notify_kind_and_takes_the_contact_in_its_example():
    """The starter file's `notify` comment names every kind `notify` takes (the list's one home
    is thesis/vocabulary.py), and the SEC contact, once given (the TUI's first-start question),
    makes the commented example the table: one `[providers.sec]` in the file, not two."""
    from importlib.resources import files

    from catalyst_tui.config import NOTIFY_TRANSITIONS
    from catalyst_tui.config.edits import set_sec_contact

    starter = files("catalyst_tui.data").joinpath("starter.toml").read_text(encoding="utf-8")
    comment = starter[starter.index("# What raises a notification") : starter.index("notify =")]
    assert [kind for kind in NOTIFY_TRANSITIONS if f'"{kind}"' not in comment] == []

    written = set_sec_contact(starter, "Jane Doe jane@example.com")
    headers = [line for line in written.splitlines() if "[providers.sec]" in line]
    assert headers == ["[providers.sec]"]
    assert 'user_agent = "Jane Doe jane@example.com"' in written.splitlines()
    from catalyst_tui.market.registry import SEC

    assert parse_config(written).providers.of(SEC).user_agent == "Jane Doe jane@example.com"
    # Everything else as it was: only the two example lines changed.
    changed = [
        (a, b) for a, b in zip(starter.splitlines(), written.splitlines(), strict=True) if a != b
    ]
    assert changed == [
        ("# [providers.sec]", "[providers.sec]"),
        ('# user_agent = "Your Name you@example.com"', 'user_agent = "Jane Doe jane@example.com"'),
    ]
