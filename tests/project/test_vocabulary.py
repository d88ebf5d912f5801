"""One name, one meaning: an UPPER_CASE name bound at a module's top level (a table, a constant:
KINDS, METRICS, BROKERS, NONE...) is bound in one module of the package; every other module
imports it from there. Derived by `ast` from the source, so a second `KINDS` fails here the day it
is written. Not counted: a private name (`_NUMBER`, the module's own), a type variable
(`T = TypeVar("T")`), and the conventions pinned below, each a name every module of one role
declares for itself and its readers reach through that module."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

from tests.support.source_trees import SOURCE_GROUP, modules, tree

SOURCE = Path(__file__).resolve().parents[2] / "src" / "catalyst_tui"
VOCABULARY_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
TYPE_VARIABLES = {"TypeVar", "ParamSpec", "TypeVarTuple", "NewType"}

#: Names bound in more than one module on purpose: the modules of one role each declare their own,
#: read through the module (`spec.NAME`, `pane.COLUMNS`), never imported bare from another.
CONVENTIONS: dict[str, tuple[frozenset[str], str]] = {
    "NAME": (
        frozenset(
            {
                "market/feeds.py",
                "market/finnhub.py",
                "market/nasdaq.py",
                "market/sec/__init__.py",
                "market/stooq.py",
                "market/yahoo/__init__.py",
            }
        ),
        "a provider's name, declared by its module beside its spec (docs/architecture.md, "
        "'A provider')",
    ),
    "COLUMNS": (
        frozenset(
            {
                "cli/output/kpis.py",
                "demo/sec.py",
                "tui/screens/changes.py",
                "tui/screens/performance.py",
                "tui/screens/timeline.py",
                "tui/widgets/watchlist/cells.py",
            }
        ),
        "a table's columns, declared by the module that draws the table (or, in the demo, "
        "writes SEC's columnar answer)",
    ),
    "MODULE": (
        frozenset(
            {
                "jobs/pdf_reader.py",
                "jobs/worker/process.py",
                "jobs/release_reader.py",
                "jobs/text_reader.py",
            }
        ),
        "the module a child process runs (`python -m MODULE`), declared by the job that starts it",
    ),
    "READ_LIMIT": (
        frozenset({"jobs/pdf_reader.py", "jobs/release_reader.py", "jobs/text_reader.py"}),
        "a reader child's time limit, each its own (a PDF's 30 s, a release's 20 s, a text's 10 s)",
    ),
    "MAX_BYTES": (
        frozenset({"prefs.py", "reading/release/records.py", "reading/xbrl/facts.py"}),
        "the bound on one kind of input, declared by its reader (64 KiB of prefs, 8 MiB of a "
        "release's records, 64 MiB of an XBRL instance)",
    ),
    "SHOWN": (
        frozenset({"cli/output/imports.py", "views/digest.py", "views/sec_contact.py"}),
        "how many items one surface lists before saying how many more, each its own",
    ),
}


def _is_type_variable(value: ast.expr | None) -> bool:
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id in TYPE_VARIABLES
    )


def bound_names(path: Path) -> set[str]:
    """The public UPPER_CASE names `path` binds at its top level (type variables left out)."""
    names: set[str] = set()
    for node in tree(path).body:
        value: ast.expr | None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign):
            targets, value = [node.target], node.value
        else:
            continue
        if _is_type_variable(value):
            continue
        for target in targets:
            names.update(
                n.id
                for n in ast.walk(target)
                if isinstance(n, ast.Name) and VOCABULARY_NAME.fullmatch(n.id)
            )
    return names


def binders(source: Path) -> dict[str, set[str]]:
    """Each name bound in two modules or more, with those modules (paths under `source`)."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in modules(source):
        for name in bound_names(path):
            found[name].add(path.relative_to(source).as_posix())
    return {name: modules for name, modules in found.items() if len(modules) > 1}


@SOURCE_GROUP
def test_a_vocabulary_name_is_bound_in_one_module():
    unpinned = {
        name: sorted(modules)
        for name, modules in binders(SOURCE).items()
        if name not in CONVENTIONS or modules != CONVENTIONS[name][0]
    }
    assert unpinned == {}, (
        f"names bound in two modules: {unpinned}; import the name from its one home, or give "
        "the new meaning a name of its own"
    )


@SOURCE_GROUP
def test_every_pinned_convention_is_still_shared():
    """A pin the source no longer needs goes: the list says what is true today."""
    shared = binders(SOURCE)
    stale = [name for name in CONVENTIONS if name not in shared]
    assert stale == [], stale
    assert all(reason for _, reason in CONVENTIONS.values())


def test_the_scan_sees_a_name_bound_twice_and_leaves_out_what_is_not_vocabulary(tmp_path: Path):
    (tmp_path / "a.py").write_text(
        'from typing import TypeVar\nKINDS = {"x": 1}\nT = TypeVar("T")\n_PRIVATE = 1\n'
    )
    (tmp_path / "b.py").write_text(
        'from typing import TypeVar\nfrom .a import KINDS as KINDS\nT = TypeVar("T")\n'
        "_PRIVATE = 2\nEVERY: tuple[str, ...] = ()\n"
    )
    (tmp_path / "c.py").write_text("KINDS, EVERY = {}, ()\n")
    assert binders(tmp_path) == {"KINDS": {"a.py", "c.py"}, "EVERY": {"b.py", "c.py"}}
