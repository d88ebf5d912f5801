"""tests/ mirrors src/catalyst_tui/ to the subpackage: every folder of tests names a package of
the source, and a test file whose imports of its folder's package all reach into one of its
subpackages lives in that subpackage's folder (tests/market/sec/ for market/sec/)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"
SOURCE = REPO / "src" / "catalyst_tui"
# Folders of tests that mirror no package: helpers, recorded files, snapshot images, the tests
# of bench/ (beside src/, not in it), and project/: checks of the whole project (packaging, the
# import hygiene of the core, docs/reliability.md against the suite, a clone without the
# recordings, one home per vocabulary name, records by name, kinds judged by their row), which
# no one package owns.
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


def misplaced(tests: Path, source: Path) -> list[str]:
    """Test files whose every import of their folder's package is into one subpackage of it."""
    found = []
    for folder in [tests, *mirror_folders(tests)]:
        parts = folder.relative_to(tests).parts
        package = ".".join((source.name, *parts))
        for path in sorted(folder.glob("test_*.py")):
            inside = [m for m in imported_modules(path) if m.startswith(package + ".")]
            heads = {m.removeprefix(package + ".").split(".")[0] for m in inside}
            if len(heads) == 1 and (source.joinpath(*parts, *heads) / "__init__.py").is_file():
                found.append(f"{path.relative_to(tests)} -> {'/'.join((*parts, *heads))}/")
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
    for package in ("", "market", "market/sec"):
        (source / package).mkdir(parents=True, exist_ok=True)
        (source / package / "__init__.py").touch()
    tests = tmp_path / "tests"
    (tests / "market" / "sec").mkdir(parents=True)
    (tests / "markets").mkdir()
    (tests / "market" / "test_filings.py").write_text(
        "from catalyst_tui.market.sec.filings import read_index\n"
        "import catalyst_tui.market.sec.client\n"
    )
    (tests / "market" / "test_both.py").write_text(
        "from catalyst_tui.market.sec import filings\nfrom catalyst_tui.market import models\n"
    )
    (tests / "market" / "sec" / "test_client.py").write_text("import catalyst_tui.market.sec\n")
    assert strays(tests, source) == ["markets"]
    assert misplaced(tests, source) == ["market/test_filings.py -> market/sec/"]


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
