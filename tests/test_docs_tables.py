"""The docs' tables that list what the code declares are pinned to their one home: a key, a
command (docs/commands.md's table, one line each in the README), a kind or a package added in
the code without its row (or a row left behind) fails here. (The metric table is
tests/thesis/test_catalogue.py's, the verdict rules' tests/thesis/test_verdict_docs.py's.)"""

from __future__ import annotations

import re
from pathlib import Path

from catalyst_tui.cli import COMMANDS
from catalyst_tui.config.model import (
    CHECKPOINT_KEYS,
    DIVIDEND_KEYS,
    GROUP_KEYS,
    LOT_KEYS,
    PROVIDER_KEYS,
    SELL_KEYS,
    SETTINGS_KEYS,
    TICKER_KEYS,
)
from catalyst_tui.thesis.vocabulary import KIND_NAMES

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "catalyst_tui"
CONFIG = (ROOT / "docs" / "config.md").read_text(encoding="utf-8")
ARCHITECTURE = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS_DOC = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")


def first_column(text: str, heading: str, header: str) -> list[str]:
    """The first cells of the table under `heading` whose header row starts with `header`,
    their backticks taken off."""
    section = text[text.index(heading) :]
    start = section.index(header)
    rows = section[start : section.index("\n\n", start)].splitlines()[2:]
    return [row.split(" | ")[0].removeprefix("| ").strip("`") for row in rows]


def test_the_config_docs_key_tables_are_the_models_keys():
    tables = {
        "## `[settings]`": SETTINGS_KEYS,
        "## `[tickers.SYMBOL]`": TICKER_KEYS,
        "## `[groups.NAME]`": GROUP_KEYS,
        "## `[[tickers.SYMBOL.dividends]]`": DIVIDEND_KEYS,
        "## `[[tickers.SYMBOL.lots]]`": LOT_KEYS,
        "## `[[tickers.SYMBOL.sells]]`": SELL_KEYS,
        "## `[[tickers.SYMBOL.checkpoints]]`": CHECKPOINT_KEYS,
    }
    for heading, keys in tables.items():
        assert sorted(first_column(CONFIG, heading, "| key |")) == sorted(keys), heading


def test_the_config_docs_provider_table_is_the_registrys_settings():
    rows = first_column(CONFIG, "## `[providers.*]`", "| key |")
    keys = [f"providers.{name}.{key}" for name, keys in PROVIDER_KEYS.items() for key in keys]
    keyless = [f"providers.{name}" for name, keys in PROVIDER_KEYS.items() if not keys]
    assert sorted(rows) == sorted(keys + keyless)


def test_the_config_docs_kinds_table_is_the_kinds():
    rows = first_column(CONFIG, "## Checkpoint kinds and statuses", "| kind |")
    assert rows == list(KIND_NAMES)


def test_the_commands_reference_table_names_every_command():
    rows = re.findall(r"^\| `catalyst(?: (\w[\w-]*))?", COMMANDS_DOC, re.M)
    named = {row or "tui" for row in rows}
    assert named == set(COMMANDS)


def test_the_readme_names_each_command_once():
    """The README's Commands: one line a command, each named once (the reference is
    docs/commands.md's table)."""
    section = README[README.index("## Commands\n") :]
    section = section[: section.index("\n## ")]
    rows = re.findall(r"^- `catalyst(?: (\w[\w-]*))?", section, re.M)
    named = [row or "tui" for row in rows]
    assert sorted(named) == sorted(COMMANDS)
    assert "](docs/commands.md)" in section


def test_the_architecture_names_every_package_and_every_store_module():
    packages = {str(path.parent.relative_to(SOURCE)) for path in SOURCE.glob("*/__init__.py")}
    rows = set(re.findall(r"^\| `(\w+)/` \|", ARCHITECTURE, re.M))
    assert rows == packages
    store = {p.stem for p in (SOURCE / "store").glob("*.py")} - {"__init__"}
    start = ARCHITECTURE.index("| module | owns |")
    table = ARCHITECTURE[start : ARCHITECTURE.index("\n\n", start)]
    named = set(re.findall(r"`(?:store/)?(\w+)\.py`", table))
    assert store - named == set(), (
        f"store modules docs/architecture.md does not name: {store - named}"
    )
