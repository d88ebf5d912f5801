"""Every date the user types on the command line is bounded: one far in the past, in the far
future or past what a date can hold is refused in one line, exit 2, never a traceback
(`changes --since` has its own cases in tests/cli/test_changes.py). The command runs in the
test's own process (tests/support/cli_inline.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import cli_inline


@pytest.mark.parametrize("said", ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
def test_a_documents_day_out_of_range_is_refused_in_one_line(tmp_path: Path, said: str) -> None:
    (tmp_path / "catalysts.toml").write_text('[tickers.ALAB]\nname = "Astera Labs"\n')
    (tmp_path / "note.txt").write_text("Scorpio is now the largest product line.\n")
    done = cli_inline.run(
        "--config",
        str(tmp_path / "catalysts.toml"),
        "--db",
        str(tmp_path / "c.db"),
        "evidence",
        "add",
        "ALAB",
        str(tmp_path / "note.txt"),
        "--date",
        said,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"catalyst evidence add: --date {said} is out of range")
    assert len(done.stderr.strip().splitlines()) == 1
