"""The parsed-config cache: a file read again with the same bytes is not parsed again, any change
of its bytes is, and so is any change of the code that judges them; an invalid file is never
kept, a damaged entry is a miss, and entries are private and few."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import grimp
import pytest

from catalyst_tui import config as config_package
from catalyst_tui.config import Config, ConfigError, cache, load_config

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


# The modules that read and check a catalysts.toml: what they import from the config and thesis
# packages, at any depth, decides a Config.
_READERS = (
    "model",
    "issues",
    "reader",
    "validate.validator",
    "validate.checkpoints",
    "validate.providers",
    "validate.channels",
    "channels",
)


def test_the_code_that_judges_a_config_is_every_module_its_readers_import():
    graph = grimp.build_graph("catalyst_tui")
    packages = ("catalyst_tui.config.", "catalyst_tui.thesis.")
    found = {f"catalyst_tui.config.{name}" for name in _READERS}
    todo = list(found)
    while todo:
        for module in graph.find_modules_directly_imported_by(todo.pop()):
            if module.startswith(packages) and module not in found:
                found.add(module)
                todo.append(module)
    judges = {f"catalyst_tui.{module}" for module in cache.JUDGES}
    assert found <= judges, f"not in config/cache.py JUDGES: {sorted(found - judges)}"
    missing = [module for module in cache.JUDGES if not cache.judge_file(module).is_file()]
    assert not missing, f"JUDGES names modules with no file: {missing}"


def test_a_change_to_the_code_that_judges_it_parses_the_file_again(
    toml: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    package = tmp_path / "package"  # a copy of the judges, so the checkout's files stay as they are
    for module in cache.JUDGES:
        copy = package.joinpath(*module.split(".")).with_suffix(".py")
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(cache.judge_file(module), copy)
    monkeypatch.setattr(cache, "_PACKAGE", package)
    cache._code_fingerprint.cache_clear()
    parses: list[str] = []
    parse = config_package.parse_config

    def counted(text: str, filename: str = "catalysts.toml") -> Config:
        parses.append(filename)
        return parse(text, filename)

    monkeypatch.setattr(config_package, "parse_config", counted)
    try:
        load_config(toml)
        load_config(toml)
        assert len(parses) == 1  # the same code: read from the cache
        edited = package / "thesis" / "conditions.py"
        edited.write_text(edited.read_text() + "\n")
        os.utime(edited, ns=(edited.stat().st_atime_ns, edited.stat().st_mtime_ns + 10**9))
        cache._code_fingerprint.cache_clear()
        expected = load_config(toml)
        assert len(parses) == 2  # the code changed: parsed again
        assert expected == load_config(toml) and len(parses) == 2
    finally:
        cache._code_fingerprint.cache_clear()
