"""Every fact about a metric is on its row of the catalogue (thesis/catalogue.py): no module
outside it declares a table keyed by metric names, as the watchlist's sorts and columns once
did (`("forward_pe", "forward P/E")`, the forward P/E sorted cheapest first, its header "Fwd
P/E"), and `KPI_KINDS` in views/kpis.py before them.

A table keyed by metric names is a dict display, or a tuple, list or set of pairs, whose keys
(a pair's first element) are unique and name two metrics or more, each with a value declared
in the source: a literal, a lambda, a name or attribute of the module's own top level, or a
collection of those. That is a fact written beside the metric's name. Two shapes share the
keys and are not tables:

- a record built by name from run-time values, a JSON object as `positions --json` and
  `estimates --json` write it (`{"price": row.price, "weight": ...}`): its keys are the
  output's documented fields, its values a row's;
- a sequence of steps that names a key more than once (the watchlist's columns giving way in
  turn, `GIVE_WAY`, where "due" gives way twice): its facts are the steps', not a metric's.

A table that wants a metric's fact reads its row: `METRICS["weight"].as_sort`."""

from __future__ import annotations

import ast
import builtins
from collections.abc import Iterable, Iterator
from pathlib import Path

from catalyst_tui.thesis.catalogue import METRICS
from catalyst_tui.views.watchlist import LARGEST_FIRST, SORTS
from tests.support.source_trees import SOURCE_GROUP, modules, tree

SOURCE = Path(__file__).resolve().parents[2] / "src" / "catalyst_tui"
CATALOGUE = SOURCE / "thesis" / "catalogue.py"


def top_level_names(module: ast.Module) -> frozenset[str]:
    """The names a module binds at its top level: its imports, assignments, functions, classes."""
    names: set[str] = set(dir(builtins))
    for node in module.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return frozenset(names)


def declared(value: ast.expr | None, top: frozenset[str]) -> bool:
    """A value written in the source, not read from a run: every name it reads is the module's
    top level, a builtin, or a parameter of a lambda within it."""
    if value is None:
        return False
    bound = {
        arg.arg
        for node in ast.walk(value)
        if isinstance(node, ast.Lambda)
        for arg in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)
    }
    read = [n.id for n in ast.walk(value) if isinstance(n, ast.Name)]
    return all(name in top or name in bound for name in read)


def _entries(node: ast.AST) -> Iterator[list[tuple[ast.expr | None, ast.expr | None]]]:
    """The (key, value) entries of a dict display, or of a tuple, list or set of pairs."""
    if isinstance(node, ast.Dict):
        yield list(zip(node.keys, node.values, strict=True))
    elif isinstance(node, ast.Tuple | ast.List | ast.Set):
        pairs = [e for e in node.elts if isinstance(e, ast.Tuple) and len(e.elts) == 2]
        if pairs:
            yield [(e.elts[0], e.elts[1]) for e in pairs]


def tables_keyed_by_metrics(module: ast.Module, walked: Iterable[ast.AST]) -> list[int]:
    """The lines of the tables keyed by metric names in a module (its nodes, as `ast.walk`
    gives them)."""
    top = top_level_names(module)
    lines = []
    for node in walked:
        for entries in _entries(node):
            keys = [ast.dump(k) for k, _ in entries if k is not None]
            if len(keys) != len(set(keys)):
                continue  # a sequence of steps, not a table
            named = [
                (k, v)
                for k, v in entries
                if isinstance(k, ast.Constant) and k.value in METRICS and declared(v, top)
            ]
            if len(named) >= 2:
                lines.append(named[0][0].lineno)
    return lines


def _found(code: str) -> list[int]:
    module = ast.parse(code)
    return tables_keyed_by_metrics(module, ast.walk(module))


@SOURCE_GROUP
def test_no_module_outside_the_catalogue_declares_a_table_keyed_by_metric_names():
    found = {
        str(path.relative_to(SOURCE)): lines
        for path in modules(SOURCE)
        if path != CATALOGUE
        and (lines := tables_keyed_by_metrics(tree(path), ast.walk(tree(path))))
    }
    assert found == {}, "put the fact on the metric's row in thesis/catalogue.py and read it"


def test_the_rule_finds_each_shape_of_table():
    assert _found('SORTS = (("file", "file order"), ("weight", "weight"), ("pe_ttm", "P/E"))') == [
        1
    ]
    assert _found('KINDS = {"share": "share of revenue", "growth": "growth"}') == [1]
    assert _found('KEYS = {"weight": lambda r: -r.weight, "price": lambda r: r.price}') == [1]
    assert _found("import x\nUNITS = [('price', x.MONEY), ('weight', x.RATIO)]") == [2]
    assert _found("WAYS = {('price', 2), ('weight', 1)}") == [1]
    # the watchlist's sorts before their facts moved to the catalogue
    assert _found(
        "SORTS = (('pnl', 'P&L %'), ('weight', 'weight'), ('forward_pe', 'forward P/E'))\n"
        "_SORT_KEYS = {'weight': lambda r: -r.weight, 'forward_pe': lambda r: r.forward_pe}\n"
    ) == [1, 2]


def test_the_rule_leaves_records_steps_and_reads_of_the_catalogue():
    record = (
        "def position(row):\n"
        "    return {'price': row.price, 'weight': row.weight if row.shares else 0.0}\n"
    )
    assert _found(record) == []
    assert _found("GIVE_WAY = (('due', 4), ('forward_pe', 0), ('weight', 0), ('due', 0))") == []
    assert _found("SORTS = (M['weight'].as_sort, M['forward_pe'].as_sort)") == []
    assert _found('ONE = {"price": "Price", "day": "Day"}') == []  # one metric is no table


def test_the_watchlist_reads_its_metric_sorts_and_headers_from_their_rows():
    sorts = dict(SORTS)
    for name, row in METRICS.items():
        if row.sort:
            assert row.column, f"{name} sorts the watchlist by a column it does not have"
            assert sorts[name] == row.sort
            assert (name in LARGEST_FIRST) == row.largest_first
    assert [k for k in sorts if k in METRICS] == ["weight", "forward_pe"]
    assert METRICS["forward_pe"].as_column == ("forward_pe", "Fwd P/E")
