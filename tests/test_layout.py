"""tests/ mirrors src/catalyst_tui/ to the subpackage: every folder of tests names a package of
the source, and a test file lives in the folder of the code it tests. A test file in the folder
of package P belongs in the folder of P's subpackage S (tests/thesis/lines/ for thesis/lines/)
when it is named for S (`test_lines.py`, `test_lines_*.py`), or when its imports from P reach
into S: all of them, or, below the root of tests/, more than half (what a test imports to build
its input comes from elsewhere). A test file named for a module of P itself (`test_metrics.py`
beside thesis/metrics.py) tests that module and stays, whatever it imports. The root's files are
the checks every change runs and the package root's modules' tests: the majority is not asked
of them."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"
SOURCE = REPO / "src" / "catalyst_tui"
# Folders of tests that mirror no package: helpers, recorded files, snapshot images, the tests
# of bench/ (beside src/, not in it), and project/: checks of the whole project (packaging, the
# import hygiene of the core, docs/reliability.md against the suite, a clone without the
# recordings, one home per vocabulary name, records by name, kinds judged by their row, no write
# into another package's private parts, no metric table outside the catalogue, make truth),
# which no one package owns.
NOT_MIRRORS = {"support", "fixtures", "__snapshots__", "bench", "project", "__pycache__"}
#: Test files at the root of tests/: the checks every change runs (layout, import cycles, the
#: docs' tables) and the tests of the package root's own modules; the rest live in a folder.
ROOT_TEST_FILES = 6


def mirror_folders(tests: Path) -> list[Path]:
    return sorted(
        folder
        for folder in tests.rglob("*")
        if folder.is_dir() and not NOT_MIRRORS & set(folder.relative_to(tests).parts)
    )


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def strays(tests: Path, source: Path) -> list[str]:
    """Folders of tests that name no package of source."""
    return [
        str(folder.relative_to(tests))
        for folder in mirror_folders(tests)
        if not (source / folder.relative_to(tests) / "__init__.py").is_file()
    ]


def home(path: Path, tests: Path, source: Path) -> str:
    """The subpackage of its folder's package a test file belongs in, "" where it sits right."""
    parts = path.parent.relative_to(tests).parts
    package, folder = ".".join((source.name, *parts)), source.joinpath(*parts)
    words = path.stem.removeprefix("test_").split("_")
    for name in ("_".join(words[:n]) for n in range(len(words), 0, -1)):
        if (folder / f"{name}.py").is_file():
            return ""  # named for a module of its folder's package
        if (folder / name / "__init__.py").is_file():
            return name  # named for a subpackage
    heads = Counter(
        m.removeprefix(package + ".").split(".")[0]
        for m in imported_modules(path)
        if m.startswith(package + ".")
    )
    for head, count in heads.items():
        into = count == heads.total() or (bool(parts) and count * 2 > heads.total())
        if into and (folder / head / "__init__.py").is_file():
            return head
    return ""


def misplaced(tests: Path, source: Path) -> list[str]:
    """Test files outside the folder of the subpackage they test."""
    found = []
    for folder in [tests, *mirror_folders(tests)]:
        parts = folder.relative_to(tests).parts
        for path in sorted(folder.glob("test_*.py")):
            if sub := home(path, tests, source):
                found.append(f"{path.relative_to(tests)} -> {'/'.join((*parts, sub))}/")
    return found


def test_every_folder_of_tests_names_a_package_of_the_source():
    assert TESTS / "market" / "sec" in mirror_folders(TESTS)
    found = strays(TESTS, SOURCE)
    assert not found, f"folders of tests with no package of that name in src: {found}"


def test_a_test_of_one_subpackage_lives_in_its_folder():
    found = misplaced(TESTS, SOURCE)
    assert not found, f"tests of one subpackage outside its folder: {found}"


def test_the_checks_see_a_stray_folder_and_a_misplaced_test(tmp_path: Path):
    source = tmp_path / "src" / "catalyst_tui"
    for package in ("", "market", "market/sec", "thesis", "thesis/lines"):
        (source / package).mkdir(parents=True, exist_ok=True)
        (source / package / "__init__.py").touch()
    (source / "thesis" / "metrics.py").touch()
    (source / "text.py").touch()
    tests = tmp_path / "tests"
    (tests / "market" / "sec").mkdir(parents=True)
    (tests / "markets").mkdir()
    (tests / "thesis").mkdir()
    (tests / "market" / "test_filings.py").write_text(
        "from catalyst_tui.market.sec.filings import read_index\n"
        "import catalyst_tui.market.sec.client\n"
    )
    (tests / "market" / "test_both.py").write_text(
        "from catalyst_tui.market.sec import filings\nfrom catalyst_tui.market import models\n"
    )
    (tests / "market" / "sec" / "test_client.py").write_text("import catalyst_tui.market.sec\n")
    # Named for a subpackage, though it imports more from elsewhere.
    (tests / "thesis" / "test_lines_judged.py").write_text(
        "from catalyst_tui.thesis.lines.split import LineSplit\n"
        "from catalyst_tui.thesis.evaluate import evaluate_one\n"
        "from catalyst_tui.thesis.snapshot import MarketSnapshot\n"
    )
    # Two of three of its imports from the package reach into one subpackage.
    mostly = (
        "from catalyst_tui.thesis.lines.split import LineSplit, StoredLine\n"
        "from catalyst_tui.thesis.snapshot import MarketSnapshot\n"
    )
    (tests / "thesis" / "test_shares.py").write_text(mostly)
    # Named for a module of its own folder's package: it tests that module.
    (tests / "thesis" / "test_metrics.py").write_text(mostly)
    # At the root, a check of the whole project: the majority is not asked of it.
    (tests / "test_docs.py").write_text(
        "from catalyst_tui.market.sec import filings, client\nfrom catalyst_tui import text\n"
    )
    assert strays(tests, source) == ["markets"]
    assert misplaced(tests, source) == [
        "market/test_filings.py -> market/sec/",
        "thesis/test_lines_judged.py -> thesis/lines/",
        "thesis/test_shares.py -> thesis/lines/",
    ]


def test_at_most_six_test_files_at_the_root_of_tests():
    files = sorted(path.name for path in TESTS.glob("test_*.py"))
    assert "test_layout.py" in files
    assert len(files) <= ROOT_TEST_FILES, f"tests/ holds {files}: find each a folder"


def test_at_most_five_modules_at_the_root_of_the_package():
    modules = sorted(path.name for path in SOURCE.glob("*.py"))
    assert "__init__.py" in modules
    assert len(modules) <= 5, f"the root of the package holds {modules}: find one a package"


def test_no_module_of_the_package_passes_400_lines():
    """Lines as the formatter writes them: past 400, a module holds two things."""
    long = {
        str(path.relative_to(SOURCE)): lines
        for path in SOURCE.rglob("*.py")
        if (lines := len(path.read_text().splitlines())) > 400
    }
    assert long == {}, long


FORMATTER_OFF = re.compile(r"#\s*fmt:\s*(skip|off)")


def test_the_formatter_owns_the_layout():
    """At most ten `fmt: skip` or `fmt: off` in the tree, each with its reason on the line above."""
    root = SOURCE.parents[1]
    marks: list[str] = []
    unexplained: list[str] = []
    for folder in ("src", "tests", "bench", "tools"):
        for path in (root / folder).rglob("*.py"):
            lines = path.read_text().splitlines()
            for number, line in enumerate(lines):
                if FORMATTER_OFF.search(line):
                    where = f"{path.relative_to(root)}:{number + 1}"
                    marks.append(where)
                    if number == 0 or not lines[number - 1].strip().startswith("#"):
                        unexplained.append(where)
    assert len(marks) <= 10, marks
    assert unexplained == [], unexplained
