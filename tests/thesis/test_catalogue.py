"""The metric catalogue against what reads it: every row's function exists, and docs/config.md says
what the rows say (its metric table rendered from them, and the lists of ratio, pinnable and
release-fed metrics in its sentences)."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

from catalyst_tui.thesis import metrics
from catalyst_tui.thesis.catalogue import METRICS, Source, Unit
from catalyst_tui.thesis.conditions import parse_condition

DOCS = Path(__file__).resolve().parents[2] / "docs" / "config.md"
HEADER = "| metric | meaning | kind of value | data from |\n|---|---|---|---|\n"


def docs_table() -> str:
    """docs/config.md's metric table as the catalogue renders it."""
    rows = (f"| `{m.name}` | {m.meaning} | {m.unit} | {m.data_from} |" for m in METRICS.values())
    return HEADER + "\n".join(rows) + "\n"


def _paragraph(text: str, starting: str) -> str:
    start = text.index(starting)
    return text[start : text.index("\n\n", start)]


def _named(text: str) -> set[str]:
    return set(re.findall(r"`([a-z0-9_]+)`", text)) & set(METRICS)


# Where each module a row's function names lives in thesis/ (its subpackage by concern).
_HOMES = {
    "metrics": "metrics",
    "fundamentals": "reported.fundamentals",
    "releases": "reported.releases",
    "street": "reported.street",
    "lines": "lines.metrics",
    "kpi_metrics": "kpis.metrics",
}


def test_every_row_names_a_function_that_computes_it():
    assert set(metrics.FUNCTIONS) == set(METRICS)
    for name, row in METRICS.items():
        module, _, attribute = row.function.partition(".")
        home = f"catalyst_tui.thesis.{_HOMES[module]}"
        function = getattr(importlib.import_module(home), attribute)
        assert callable(function) and metrics.FUNCTIONS[name] is function, name


def test_the_docs_metric_table_is_the_catalogue():
    text = DOCS.read_text(encoding="utf-8")
    start = text.index(HEADER)
    found = text[start : text.index("\n\n", start) + 1]
    assert found == docs_table(), "docs/config.md's metric table should read:\n" + docs_table()


def test_the_docs_name_the_ratio_pinnable_and_release_fed_metrics_the_rows_make():
    text = DOCS.read_text(encoding="utf-8")
    ratios = _paragraph(text, "**Ratio metrics are written with `%`.**").split("must be")[0]
    assert _named(ratios) == {m.name for m in METRICS.values() if m.ratio}
    pinning = _paragraph(text, "`period_end` is allowed only with these").split("or on a")[0]
    pinnable = [m.name for m in METRICS.values() if m.pinnable]
    assert f"these {_WORDS[len(pinnable)]} metrics" in pinning
    assert _named(pinning) == {m.name for m in METRICS.values() if not m.pinnable}
    example = re.search(r"period_end pins a fundamentals metric \(([^)]*)\), not price", text)
    assert example is not None and example.group(1).split(", ") == pinnable
    fed = _paragraph(text, "- `revenue_q`, ").split("take the")[0]
    assert _named(fed) == {m.name for m in METRICS.values() if m.from_releases}


def test_checking_a_config_parses_conditions_without_loading_the_metric_functions():
    """Config validation parses every `when` against the catalogue; the functions (the metrics,
    their records and the releases' records, ~30-45 ms of imports) load with the first
    evaluation."""
    code = "import sys, catalyst_tui.config.validate.validator; print(' '.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    assert "catalyst_tui.thesis.catalogue" in loaded  # the probe did load the parser
    assert not loaded & {"catalyst_tui.thesis.metrics", "catalyst_tui.thesis.reported.fundamentals"}


def test_a_row_says_how_its_condition_is_written():
    for name, row in METRICS.items():
        written = f"{name}(Scorpio)" if row.parameter else name
        if row.unit is Unit.WORD:  # its threshold is the word's index in its row's words
            assert (
                parse_condition(f'{written} == "{row.words[-1]}"').threshold == len(row.words) - 1
            )
            continue
        number = "70%" if row.unit is Unit.RATIO else "70"
        assert parse_condition(f"{written} >= {number}").threshold in (0.7, 70.0)
        assert row.pinnable == (row.source in (Source.FUNDAMENTALS, Source.RELEASES))
        assert not row.from_releases or row.source is Source.FUNDAMENTALS, name


_WORDS = {10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen"}
