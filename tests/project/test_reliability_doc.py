"""docs/reliability.md against the suite: every test it names exists, every fault of PRODUCT.md
§9 has a row, and every test of the fault suites has a row naming it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "reliability.md"
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")
FAULT_SUITES = (
    "tests/jobs/test_durability.py",
    "tests/jobs/test_concurrency.py",
    "tests/cli/test_hygiene.py",
    "tests/market/http/test_fault_modes.py",
)
# PRODUCT.md §9, fault by fault: a phrase the matrix's first column must contain for each.
PRODUCT_FAULTS = (
    "Invalid config",
    "Corrupt database",
    "Locked database",
    "Read-only config",
    "Provider down",
    "Provider lying",
    "No network",
    "No notification daemon",
    "kill -9",
    "Two processes on one database",
)


def defined_tests(path: str) -> set[str]:
    tree = ast.parse((REPO / path).read_text(), filename=path)
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test")
    }


def rows() -> list[list[str]]:
    table = [line for line in DOC.read_text().splitlines() if line.startswith("| ")]
    cells = [[c.strip() for c in line.strip("|").split(" | ")] for line in table]
    assert cells and cells[0] == ["Fault", "What the user sees", "What is kept", "Tests"]
    return cells[1:]


def test_every_named_test_exists():
    named = [m.groups() for row in rows() for m in REFERENCE.finditer(row[3])]
    assert len(named) >= 40
    missing = [f"{p}::{n}" for p, n in named if n not in defined_tests(p)]
    assert not missing, f"docs/reliability.md names tests that don't exist: {missing}"


def test_every_row_says_what_is_seen_and_names_a_test():
    for row in rows():
        assert len(row) == 4, row
        assert row[1] and REFERENCE.search(row[3]), f"row without what is seen or a test: {row}"


def test_every_fault_of_the_product_reference_has_a_row():
    faults = [row[0].lower() for row in rows()]
    absent = [f for f in PRODUCT_FAULTS if not any(f.lower() in fault for fault in faults)]
    assert not absent, f"PRODUCT.md §9 faults without a row: {absent}"


def test_every_test_of_the_fault_suites_is_in_the_matrix():
    named = {m.groups() for row in rows() for m in REFERENCE.finditer(row[3])}
    left_out = [
        f"{path}::{name}"
        for path in FAULT_SUITES
        for name in sorted(defined_tests(path))
        if (path, name) not in named
    ]
    assert not left_out, f"fault tests docs/reliability.md doesn't name: {left_out}"
