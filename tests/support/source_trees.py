"""The package's modules parsed once a process: the checks that read the source by `ast` (records
by name, kinds' branches, vocabulary, import cycles, shells, metric tables) share the trees.

Parsing every module of src/catalyst_tui is about 1.5 CPU-seconds and walking them 0.3 s; each
check did both on its own, several times a run. A tree is keyed by its file's path, size and
modification time, so a file written again (a check's own fixture in tmp_path) is parsed again.
The trees are shared: a check reads them and never changes them.

The whole-source checks are one xdist group, SOURCE_GROUP, so `make test` gives them one worker
and one parse.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "catalyst_tui"
SOURCE_GROUP = pytest.mark.xdist_group("source_trees")


def tree(path: Path) -> ast.Module:
    """The module at `path`, parsed once for as long as the file is unchanged."""
    stat = path.stat()
    return _parsed(path.resolve(), stat.st_size, stat.st_mtime_ns)


def nodes(path: Path) -> tuple[ast.AST, ...]:
    """Every node of the module at `path`, as `ast.walk` gives them, listed once."""
    stat = path.stat()
    return _walked(path.resolve(), stat.st_size, stat.st_mtime_ns)


def modules(source: Path = SOURCE) -> list[Path]:
    """The package's modules (or those under `source`), sorted."""
    return sorted(source.rglob("*.py"))


@functools.cache
def _parsed(path: Path, size: int, mtime_ns: int) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@functools.cache
def _walked(path: Path, size: int, mtime_ns: int) -> tuple[ast.AST, ...]:
    return tuple(ast.walk(_parsed(path, size, mtime_ns)))
