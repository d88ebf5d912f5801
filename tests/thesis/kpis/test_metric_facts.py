"""The facts about a metric read from words live on its catalogue row (thesis/catalogue.py):
no module outside the catalogue keys a table by these metrics' names, as `KPI_KINDS` once did
in views/kpis.py and `_FIGURES` in the reader of words."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

from catalyst_tui.thesis.catalogue import METRICS, Source
from catalyst_tui.views.kpis import kpi_series
from tests.support.source_trees import SOURCE_GROUP, modules, nodes

SOURCE = Path(__file__).resolve().parents[3] / "src" / "catalyst_tui"
CATALOGUE = SOURCE / "thesis" / "catalogue.py"
WORD_METRICS = {m.name for m in METRICS.values() if m.source is Source.WORDS}


def tables_keyed_by_word_metrics(walked: Iterable[ast.AST]) -> list[int]:
    """The lines of dict displays with two keys or more that are names of word metrics, and of
    tuples of (name, …) pairs that do the same (a module's nodes, as `ast.walk` gives them)."""
    lines = []
    for node in walked:
        keys: list[ast.expr | None] = []
        if isinstance(node, ast.Dict):
            keys = list(node.keys)
        elif isinstance(node, ast.Tuple | ast.List):
            keys = [e.elts[0] for e in node.elts if isinstance(e, ast.Tuple) and e.elts]
        named = [k for k in keys if isinstance(k, ast.Constant) and k.value in WORD_METRICS]
        if len(named) >= 2:
            lines.append(named[0].lineno)
    return lines


@SOURCE_GROUP
def test_no_table_outside_the_catalogue_is_keyed_by_a_word_metrics_name():
    found = {
        str(path.relative_to(SOURCE)): lines
        for path in modules(SOURCE)
        if path != CATALOGUE and (lines := tables_keyed_by_word_metrics(nodes(path)))
    }
    assert found == {}


def test_the_rule_finds_such_a_table():
    tree = ast.parse('KINDS = {"share": "share of revenue", "growth": "growth"}')
    assert tables_keyed_by_word_metrics(ast.walk(tree)) == [1]
    tree = ast.parse('FIGURES = (("share", 1), ("growth", 2))')
    assert tables_keyed_by_word_metrics(ast.walk(tree)) == [1]


def test_each_word_metric_titles_its_series_from_its_row():
    assert all(METRICS[name].series for name in WORD_METRICS)
    assert kpi_series(()) == ()
