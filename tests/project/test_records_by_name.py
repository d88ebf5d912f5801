"""Records by name: a record is built with each field named (`EventRecord(id=..., ts=...)`),
never from a row by position (`EventRecord._make(row)`), so a field added or moved cannot shift
every value after it unseen. An `ast` scan of the package finds every `._make(` call; the pinned
list of those allowed is empty: store/views.py's event and checkpoint rows, the last ones, are
built by name (measured: about 2 µs more a record than `_make`, 3 ms for the 1,500 checkpoints of
500 tickers; docs/performance.md)."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "src" / "catalyst_tui"
#: `module: count` of the `._make(` calls allowed, each with its measured reason above it.
PINNED: dict[str, int] = {}


def made_by_position(source: Path) -> dict[str, int]:
    """Each module of `source` with its `._make(...)` calls, and how many."""
    found: dict[str, int] = {}
    for path in sorted(source.rglob("*.py")):
        calls = sum(
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "_make"
            for node in ast.walk(ast.parse(path.read_text(), filename=str(path)))
        )
        if calls:
            found[path.relative_to(source).as_posix()] = calls
    return found


def test_no_record_is_built_by_position_outside_the_pinned_list():
    assert made_by_position(SOURCE) == PINNED


def test_the_scan_sees_a_record_made_from_a_row(tmp_path: Path):
    (tmp_path / "rows.py").write_text(
        "def read(row):\n    return Record._make(row), Record(a=row[0]), Other._make(row[1:])\n"
    )
    (tmp_path / "named.py").write_text("def read(row):\n    return Record(a=row[0])\n")
    assert made_by_position(tmp_path) == {"rows.py": 2}
