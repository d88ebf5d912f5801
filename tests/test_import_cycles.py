"""No import cycle in the package: the graph of which module imports which, built with `ast`
over src/ (imports inside functions and under TYPE_CHECKING included, relative imports resolved),
has no cycle. An import hidden in a function still runs (the cycle only waits for the call), and a
type-only one still ties two modules together: each makes two modules one unit to read. No
shape is allowed: the Store's doors know it as store/facade.py declares it, never by importing
the package that names them."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import NamedTuple

from tests.support.source_trees import SOURCE_GROUP, nodes

SOURCE = Path(__file__).resolve().parents[1] / "src" / "catalyst_tui"


class Edge(NamedTuple):
    source: str
    target: str
    typing_only: bool  # under `if TYPE_CHECKING:`


def module_name(path: Path, source: Path) -> str:
    parts = path.relative_to(source.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _under_type_checking(walked: tuple[ast.AST, ...]) -> set[int]:
    """The ids of the import statements inside an `if TYPE_CHECKING:` block (of a module's
    nodes, as `ast.walk` gives them)."""
    found: set[int] = set()
    for node in walked:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                found.update(id(n) for n in ast.walk(inner))
    return found


def edges(source: Path) -> list[Edge]:
    """Every import of a module of the package, wherever the statement is. `from package import
    name` is an edge to the submodule `name` when there is one, else to the package; a relative
    import is resolved against the importing module's package."""
    paths = {module_name(p, source): p for p in source.rglob("*.py")}
    root = source.name
    found: list[Edge] = []
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        walked = nodes(path)
        typing_only = _under_type_checking(walked)
        for node in walked:
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - (node.level - 1)]
                    module = ".".join([*base, node.module] if node.module else base)
                else:
                    module = node.module or ""
                targets = [
                    f"{module}.{alias.name}" if f"{module}.{alias.name}" in paths else module
                    for alias in node.names
                ]
            found.extend(
                Edge(name, t, id(node) in typing_only)
                for t in targets
                if (t == root or t.startswith(root + ".")) and t != name
            )
    return found


def graph_of(found: list[Edge]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for edge in found:
        graph.setdefault(edge.target, set())
        graph.setdefault(edge.source, set())
        graph[edge.source].add(edge.target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each group of modules that import each other (a strongly connected component of more than
    one module, Tarjan's, iterative), as one shortest cycle through it: [a, b, c, a]."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def enter(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)

    for start in sorted(graph):
        if start in index:
            continue
        enter(start)
        work = [(start, iter(sorted(graph[start])))]
        while work:
            node, following = work[-1]
            target = next(following, None)
            if target is not None:
                if target not in index:
                    enter(target)
                    work.append((target, iter(sorted(graph[target]))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(shortest_cycle(graph, component))
    return found


def shortest_cycle(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    """A shortest cycle from the component's first module by name back to it (breadth first)."""
    start = min(component)
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(graph[node] & component):
                if target == start:
                    back = [node]
                    while back[-1] != start:
                        back.append(previous[back[-1]])
                    return [*reversed(back), start]
                if target not in previous:
                    previous[target] = node
                    following.append(target)
        frontier = following
    raise AssertionError(f"no cycle through {sorted(component)}")


def named(found: list[list[str]]) -> str:
    return "; ".join(" -> ".join(cycle) for cycle in found)


@SOURCE_GROUP
def test_the_package_has_no_import_cycle():
    found = edges(SOURCE)
    # The graph sees what a plain grep of module-level imports would not:
    assert Edge("catalyst_tui.jobs.refresh", "catalyst_tui.jobs.segments", False) in found
    assert any(e.typing_only for e in found)  # imports under TYPE_CHECKING
    in_functions = Edge("catalyst_tui.session.workspace", "catalyst_tui.views.ticker", False)
    assert in_functions in found  # Workspace.ticker imports its view when first asked
    # The Store's doors know it by the protocol, type-only: none names the package.
    assert Edge("catalyst_tui.store.door", "catalyst_tui.store.facade", True) in found
    assert not [
        e for e in found if e.target == "catalyst_tui.store" and e.source.startswith(e.target)
    ]
    cycles_found = cycles(graph_of(found))
    assert cycles_found == [], f"import cycles: {named(cycles_found)}"


def test_the_check_sees_a_cycle_hidden_in_a_function(tmp_path: Path):
    package = tmp_path / "catalyst_tui"
    (package / "jobs").mkdir(parents=True)
    (package / "__init__.py").touch()
    (package / "jobs" / "__init__.py").touch()
    (package / "jobs" / "evidence.py").write_text("from . import segments\n")
    (package / "jobs" / "segments.py").write_text("def read():\n    from .refresh import sources\n")
    (package / "jobs" / "refresh.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from catalyst_tui.jobs.evidence import Fetches\n"
    )
    (package / "jobs" / "daily.py").write_text("from ..jobs import refresh\nimport os\n")
    found = edges(package)
    assert Edge("catalyst_tui.jobs.refresh", "catalyst_tui.jobs.evidence", True) in found
    assert Edge("catalyst_tui.jobs.daily", "catalyst_tui.jobs.refresh", False) in found
    assert named(cycles(graph_of(found))) == (
        "catalyst_tui.jobs.evidence -> catalyst_tui.jobs.segments -> "
        "catalyst_tui.jobs.refresh -> catalyst_tui.jobs.evidence"
    )
