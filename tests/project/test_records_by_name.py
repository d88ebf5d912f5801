"""Records by name: a record is built with each field named (`EventRecord(id=..., ts=...)`),
never from a row by position (`EventRecord._make(row)`, `tuple.__new__(Reason, (...))`), so a
field added or moved cannot shift every value after it unseen. An `ast` scan of the package finds
every `._make(` call and every use of `tuple.__new__`; one module is pinned, with its measure.

thesis/evaluate.py's loop makes a Reason and an Evaluation per checkpoint on every refresh with
`tuple.__new__`: by name, a NamedTuple's own `__new__` (a Python call) is about 3 µs more a
checkpoint, 30 ms of bench/evaluate.py's 10,000 against a 50 ms goal (docs/performance.md);
tests/thesis/test_evaluate.py pins the order of the fields it writes. store/views.py's event and
checkpoint rows, the last `_make` calls, are built by name (about 2 µs more a record, 3 ms for the
1,500 checkpoints of 500 tickers)."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "src" / "catalyst_tui"
#: `module: count` of the records allowed by position, each with its measure above.
PINNED: dict[str, int] = {"thesis/evaluate.py": 1}


def _by_position(node: ast.AST) -> bool:
    """A `._make(...)` call, or `tuple.__new__` named (called or bound to a name)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "_make"
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "__new__"
        and isinstance(node.value, ast.Name)
        and node.value.id == "tuple"
    )


def _is_record(node: ast.ClassDef) -> bool:
    """A class that subclasses NamedTuple or is a dataclass."""
    bases = [ast.unparse(base) for base in node.bases]
    marks = [ast.unparse(d.func if isinstance(d, ast.Call) else d) for d in node.decorator_list]
    return any(b in ("NamedTuple", "typing.NamedTuple") for b in bases) or any(
        m in ("dataclass", "dataclasses.dataclass") for m in marks
    )


def _ours(module: ast.ImportFrom, package: str) -> bool:
    """An import from the package: relative, or by the package's name."""
    return module.level > 0 or (module.module or "").split(".")[0] == package


def _records_named(tree: ast.Module, records: frozenset[str], package: str) -> frozenset[str]:
    """The names a module's records are called by: its own record classes, and the package's
    records it imports (under their own name or another)."""
    named = {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and _is_record(n)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and _ours(node, package):
            named |= {a.asname or a.name for a in node.names if a.name in records}
    return frozenset(named)


def _spread(node: ast.AST, named: frozenset[str]) -> bool:
    """A call to one of the `named` records with a row spread in its arguments: `Record(*row)`."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in named
        and any(isinstance(arg, ast.Starred) for arg in node.args)
    )


def made_by_position(source: Path) -> dict[str, int]:
    """Each module of `source` that builds records by position, and how many places do."""
    trees = {
        path: ast.parse(path.read_text(), filename=str(path))
        for path in sorted(source.rglob("*.py"))
    }
    records = frozenset(
        n.name
        for tree in trees.values()
        for n in ast.walk(tree)
        if isinstance(n, ast.ClassDef) and _is_record(n)
    )
    found: dict[str, int] = {}
    for path, tree in trees.items():
        named = _records_named(tree, records, source.name)
        if places := sum(_by_position(node) or _spread(node, named) for node in ast.walk(tree)):
            found[path.relative_to(source).as_posix()] = places
    return found


def test_no_record_is_built_by_position_outside_the_pinned_list():
    assert made_by_position(SOURCE) == PINNED


def test_the_scan_sees_a_record_made_from_a_row(tmp_path: Path):
    (tmp_path / "rows.py").write_text(
        "def read(row):\n    return Record._make(row), Record(a=row[0]), Other._make(row[1:])\n"
    )
    (tmp_path / "fast.py").write_text("_record = tuple.__new__\n")
    (tmp_path / "named.py").write_text("def read(row):\n    return Record(a=row[0])\n")
    (tmp_path / "records.py").write_text(
        "from typing import NamedTuple\n"
        "class Cell(NamedTuple):\n    text: str\n"
        "class Group(NamedTuple):\n    cells: tuple\n"
    )
    (tmp_path / "spread.py").write_text(
        "from dataclasses import dataclass\n"
        "from rich.console import Group\n"
        "from .records import Cell as Field\n"
        "@dataclass(frozen=True)\nclass Line:\n    label: str\n    value: float\n"
        "def read(row, parts):\n"
        "    return Field(*row[:1]), Line('a', *row[1:]), Group(*parts), Field(text=row[0])\n"
    )
    assert made_by_position(tmp_path) == {"rows.py": 2, "fast.py": 1, "spread.py": 2}
