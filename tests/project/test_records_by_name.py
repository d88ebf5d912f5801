"""Records by name: a record is built with each field named (`EventRecord(id=..., ts=...)`),
never from a row by position (`EventRecord._make(row)`, `tuple.__new__(Reason, (...))`,
`Record(*row)`), so a field added or moved cannot shift every value after it unseen. An `ast`
scan of the package finds every `._make(` call, every use of `tuple.__new__` and every call of
one of the package's records (a class that subclasses NamedTuple or is a dataclass, defined in
the module or imported from the package: rich's `Group(*parts)` is not one) with a `*spread`
among its positional arguments; one module is pinned, with its measure.

thesis/evaluate.py's loop makes a Reason and an Evaluation per checkpoint on every refresh with
`tuple.__new__`: by name, a NamedTuple's own `__new__` (a Python call) is about 3 µs more a
checkpoint, 30 ms of bench/evaluate.py's 10,000 against a 50 ms goal (docs/performance.md);
tests/thesis/test_evaluate.py pins the order of the fields it writes. store/views.py's event and
checkpoint rows, the last `_make` calls, are built by name (about 2 µs more a record, 3 ms for the
1,500 checkpoints of 500 tickers).

The hot reads once spread by position are built with keyword arguments written out, which costs
what the spread did (a zipped dict of names, `Record(**dict(zip(NAMES, row)))`, was 2 µs more a
record): a checkpoint's evaluation input (store/checkpoints.py), every quote read
(store/quote_rows.py), every price bar (store/views.py `iter_prices`: about 0.3 µs more a bar,
some 0.4 s more over the 1.3 million bars of 5,000 tickers by a year). The places of a release's
layout sent to the reader's child process as a JSON list (reading/release/records.py) are a
format: its field order is declared once, `_PLACE_FORMAT`, and each place is built from it by
name."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support.source_trees import SOURCE_GROUP, modules, nodes

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


def _records_named(
    walked: tuple[ast.AST, ...], records: frozenset[str], modules: frozenset[str], package: str
) -> tuple[frozenset[str], frozenset[str]]:
    """The names a module's records are called by: its own record classes, and the package's
    records it imports (under their own name or another); and the names it calls the package's
    modules by (`from .. import messages`: `messages.EditLot(...)`)."""
    named = {n.name for n in walked if isinstance(n, ast.ClassDef) and _is_record(n)}
    held: set[str] = set()
    for node in walked:
        if isinstance(node, ast.ImportFrom) and _ours(node, package):
            named |= {a.asname or a.name for a in node.names if a.name in records}
            held |= {a.asname or a.name for a in node.names if a.name in modules}
        elif isinstance(node, ast.Import):
            held |= {a.asname for a in node.names if a.asname and a.name.startswith(package)}
    return frozenset(named), frozenset(held)


def _spread(
    node: ast.AST, named: frozenset[str], held: frozenset[str], records: frozenset[str]
) -> bool:
    """A call to one of the `named` records, or to a record of a module the package `held`, with
    a row spread in its arguments: `Record(*row)`, `records.Record(*row)`."""
    if not isinstance(node, ast.Call) or not any(isinstance(a, ast.Starred) for a in node.args):
        return False
    called = node.func
    if isinstance(called, ast.Attribute):
        return (
            isinstance(called.value, ast.Name)
            and called.value.id in held
            and called.attr in records
        )
    return isinstance(called, ast.Name) and called.id in named


def made_by_position(source: Path) -> dict[str, int]:
    """Each module of `source` that builds records by position, and how many places do."""
    trees = {path: nodes(path) for path in modules(source)}
    records = frozenset(
        n.name
        for walked in trees.values()
        for n in walked
        if isinstance(n, ast.ClassDef) and _is_record(n)
    )
    names = frozenset(path.stem for path in trees) | frozenset(
        path.parent.name for path in trees if path.name == "__init__.py"
    )
    found: dict[str, int] = {}
    for path, walked in trees.items():
        named, held = _records_named(walked, records, names, source.name)
        if places := sum(
            _by_position(node) or _spread(node, named, held, records) for node in walked
        ):
            found[path.relative_to(source).as_posix()] = places
    return found


@SOURCE_GROUP
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
        "from rich import console\n"
        "from rich.console import Group\n"
        "from . import records\n"
        "from .records import Cell as Field\n"
        "@dataclass(frozen=True)\nclass Line:\n    label: str\n    value: float\n"
        "def read(row, parts):\n"
        "    return Field(*row[:1]), Line('a', *row[1:]), Group(*parts), Field(text=row[0])\n"
        "def again(row, parts):\n"
        "    return records.Cell(*row), console.Group(*parts), records.Cell(text=row[0])\n"
    )
    assert made_by_position(tmp_path) == {"rows.py": 2, "fast.py": 1, "spread.py": 3}


def docless_dataclasses(source: Path) -> list[str]:
    """Each dataclass of `source` with no docstring, as `module:Class`. Without one, `dataclass`
    writes one from `inspect.signature(cls)` when the module is imported: 40-110 µs a class (the
    first call more), under a millisecond for the six the TUI's first frame imported without one
    (docs/performance.md)."""
    return [
        f"{path.relative_to(source).as_posix()}:{node.name}"
        for path in modules(source)
        for node in nodes(path)
        if isinstance(node, ast.ClassDef)
        and _is_record(node)
        and not any(b in ("NamedTuple", "typing.NamedTuple") for b in map(ast.unparse, node.bases))
        and ast.get_docstring(node) is None
    ]


@SOURCE_GROUP
def test_every_dataclass_says_what_it_is():
    assert docless_dataclasses(SOURCE) == []


def test_the_docstring_scan_sees_a_dataclass_without_one(tmp_path: Path):
    (tmp_path / "records.py").write_text(
        "from dataclasses import dataclass\n"
        "from typing import NamedTuple\n"
        "@dataclass(frozen=True)\nclass Bare:\n    a: int\n"
        '@dataclass\nclass Said:\n    """A said record."""\n    a: int\n'
        "class Row(NamedTuple):\n    a: int\n"
    )
    assert docless_dataclasses(tmp_path) == ["records.py:Bare"]
