"""The parsed-config cache: a file read again with the same bytes is not parsed again, any change
of its bytes is, an invalid file is never kept, a damaged entry is a miss, and entries are
private and few."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from catalyst_tui import config as config_package
from catalyst_tui.config import ConfigError, cache, load_config

from ..conftest import BUNDLED_CONFIG


@pytest.fixture
def toml(tmp_path: Path) -> Path:
    path = tmp_path / "catalysts.toml"
    path.write_bytes(BUNDLED_CONFIG.read_bytes())
    return path


def _parse_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(config_package, "parse_config", refuse)


def test_the_same_bytes_are_not_parsed_twice(toml: Path, monkeypatch: pytest.MonkeyPatch):
    first = load_config(toml)
    _parse_refused(monkeypatch)
    again = load_config(toml)
    assert again == first and again.path == toml
    moved = toml.with_name("moved.toml")
    moved.write_bytes(toml.read_bytes())
    assert load_config(moved).path == moved  # keyed by the bytes, the path is the caller's


def test_any_change_to_the_bytes_is_parsed_again(toml: Path):
    load_config(toml)
    toml.write_text(toml.read_text().replace('refresh = "60s"', 'refresh = "90s"', 1))
    assert load_config(toml).settings.refresh_seconds == 90


def test_an_invalid_file_is_never_kept(toml: Path):
    toml.write_text(toml.read_text() + "\n[tickers.nope]\n")
    for _ in range(2):
        with pytest.raises(ConfigError):
            load_config(toml)
    assert not list(cache.folder().glob("*.pickle"))


def test_a_damaged_entry_is_a_miss_and_is_written_again(toml: Path):
    expected = load_config(toml)
    [entry] = cache.folder().glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_config(toml) == expected
    assert entry.read_bytes() != b"not a pickle"


def test_entries_are_private_and_few(toml: Path):
    for i in range(cache.KEPT_ENTRIES + 3):
        toml.write_text(toml.read_text() + f"\n# edit {i}\n")
        load_config(toml)
    entries = list(cache.folder().glob("*.pickle"))
    assert len(entries) == cache.KEPT_ENTRIES
    assert stat.S_IMODE(cache.folder().stat().st_mode) == 0o700
    assert all(stat.S_IMODE(e.stat().st_mode) == 0o600 for e in entries)


def test_use_cache_false_neither_reads_nor_writes(toml: Path):
    load_config(toml, use_cache=False)
    assert not cache.folder().exists() or not list(cache.folder().glob("*.pickle"))
