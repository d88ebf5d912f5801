"""A checkpoint kind's facts live on its row in thesis/kinds.py `KINDS` (how it is judged, how its
statuses read, whether its forecast is kept, whether its quarter's report settles it): no module
branches on a kind by name (`if c.kind != Kind.TARGET`), so a new kind is one row and every reader
follows it. An `ast` scan finds every comparison (and `case`) with a member of the checkpoints'
`Kind` outside thesis/kinds.py; none is pinned. Rows that declare which kinds they read (the
verdict's rules in thesis/verdict.py `RULES`) name kinds without comparing one."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support.source_trees import SOURCE_GROUP, modules, nodes

SOURCE = Path(__file__).resolve().parents[2] / "src" / "catalyst_tui"
#: The modules the checkpoints' Kind is imported from (thesis/vocabulary.py, thesis/kinds.py).
KIND_HOMES = {"vocabulary", "kinds"}
TABLE = "thesis/kinds.py"
#: `module: why` of the comparisons allowed outside the table (none).
PINNED: dict[str, str] = {}


def _kind_names(walked: tuple[ast.AST, ...]) -> set[str]:
    """The names the checkpoints' Kind goes by in a module (its nodes, as `ast.walk` gives)."""
    return {
        alias.asname or alias.name
        for node in walked
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[-1] in KIND_HOMES
        for alias in node.names
        if alias.name == "Kind"
    }


def _names_a_member(node: ast.AST, kinds: set[str]) -> bool:
    return any(
        isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id in kinds
        for n in ast.walk(node)
    )


def branches(source: Path) -> dict[str, list[str]]:
    """Each module with the comparisons and cases it makes on a member of Kind, as written."""
    found: dict[str, list[str]] = {}
    for path in modules(source):
        walked = nodes(path)
        kinds = _kind_names(walked)
        if not kinds:
            continue
        made = [
            ast.unparse(node)
            for node in walked
            if isinstance(node, ast.Compare | ast.MatchValue) and _names_a_member(node, kinds)
        ]
        if made:
            found[path.relative_to(source).as_posix()] = made
    return found


@SOURCE_GROUP
def test_no_module_branches_on_a_kind_outside_its_table():
    outside = {module: made for module, made in branches(SOURCE).items() if module != TABLE}
    assert {module: outside[module] for module in outside if module not in PINNED} == {}, (
        "a fact about a kind belongs on its row in thesis/kinds.py KINDS"
    )


def test_the_scan_sees_a_branch_on_a_kind(tmp_path: Path):
    (tmp_path / "job.py").write_text(
        "from .thesis.vocabulary import Kind\n"
        "def f(c):\n"
        "    if c.kind != Kind.TARGET or c.kind in (Kind.GUARD,):\n"
        "        return RULE(kinds=(Kind.MILESTONE,))\n"
    )
    (tmp_path / "other.py").write_text(
        "from .reading.release.periods import Kind\nx = y is Kind.QUARTER\n"
    )
    (tmp_path / "own.py").write_text("from .columns import Kind\nx = y is Kind.QUARTER\n")
    assert branches(tmp_path) == {"job.py": ["c.kind != Kind.TARGET", "c.kind in (Kind.GUARD,)"]}
