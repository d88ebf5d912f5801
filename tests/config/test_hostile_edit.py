"""An edit that would push catalysts.toml past the 4 MB every command reads: once written, every
command then refused the file. Now it is refused before anything is written, with a located
message, and the file, its backup and the database are as they were."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalyst_tui.config import MAX_CONFIG_BYTES, ConfigError, load_config
from catalyst_tui.config.write import add_checkpoint, apply_edit

from ..conftest import BUNDLED_CONFIG
from .test_write import NEW_CHECKPOINT


def test_an_edit_past_four_megabytes_is_refused_and_nothing_is_lost(tmp_path: Path):
    path = tmp_path / "catalysts.toml"
    shutil.copyfile(BUNDLED_CONFIG, path)
    notes = "\n".join(f"# note {i}: " + "x" * 90 for i in range(MAX_CONFIG_BYTES // 100))
    path.write_text(path.read_text() + notes[: MAX_CONFIG_BYTES - path.stat().st_size - 50])
    before = path.read_bytes()
    assert MAX_CONFIG_BYTES - 100 < len(before) <= MAX_CONFIG_BYTES
    load_config(path)  # readable as it is
    with pytest.raises(ConfigError) as raised:
        apply_edit(path, lambda text: add_checkpoint(text, "ALAB", NEW_CHECKPOINT))
    [issue] = raised.value.issues
    assert str(issue).startswith(f"{path}:1:1: the change would make it larger than 4 MB")
    assert path.read_bytes() == before
    assert not path.with_name("catalysts.toml.bak").exists()
    load_config(path)  # and still readable: every command still runs
